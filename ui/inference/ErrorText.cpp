#include "inference/ErrorText.h"

#include "util/CodedError.h"

namespace pm::ui {

QString ErrorText::describe(const std::exception& error) {
    const auto* coded = dynamic_cast<const pm::CodedError*>(&error);
    if (coded == nullptr) {
        return QString::fromStdString(error.what());
    }
    const QString subject = QString::fromStdString(coded->subject());
    switch (coded->code()) {
        case pm::ErrorCode::BundleNotFound:
            return tr("The model folder %1 does not exist.").arg(subject);
        case pm::ErrorCode::NotABundle:
            return tr("%1 is not a model bundle: a bundle is a folder with manifest.json and model.pt.")
                .arg(subject);
        case pm::ErrorCode::BundleFileMissing:
            return tr("%1 is missing from the model bundle.").arg(subject);
        case pm::ErrorCode::BundleFileCorrupt:
            return tr("%1 is damaged or was changed: its size or checksum differs from manifest.json.")
                .arg(subject);
        case pm::ErrorCode::BundleInvalid:
            // The detail names a manifest field or a version: technical terms, left as they are.
            return tr("This model bundle cannot be used: %1").arg(QString::fromStdString(error.what()));
    }
    return QString::fromStdString(error.what());
}

}  // namespace pm::ui
