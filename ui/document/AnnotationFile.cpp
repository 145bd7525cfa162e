#include "document/AnnotationFile.h"

#include <QDir>
#include <QFileInfo>

#include "annotation/LabelmeFormat.h"
#include "util/AtomicFile.h"
#include "util/Error.h"

namespace pm::ui {

namespace {

std::filesystem::path toPath(const QString& s) {
    return std::filesystem::path(s.toStdString());
}

}  // namespace

QString AnnotationFile::pathFor(const QString& imagePath) {
    qsizetype nameStart = imagePath.lastIndexOf(QLatin1Char('/')) + 1;
    while (nameStart < imagePath.size() && imagePath[nameStart] == QLatin1Char('.')) {
        ++nameStart;  // a hidden file's leading dot starts its name, not an extension
    }
    const qsizetype dot = imagePath.lastIndexOf(QLatin1Char('.'));
    const QString stem = dot > nameStart ? imagePath.left(dot) : imagePath;
    return stem + QStringLiteral(".json");
}

bool AnnotationFile::exists(const QString& imagePath) {
    return QFileInfo::exists(pathFor(imagePath));
}

AnnotationFile::LoadResult AnnotationFile::load(const QString& imagePath, const QSize& imageSize) {
    LoadResult result;
    result.file = pathFor(imagePath);
    const QFileInfo fileInfo(result.file);
    if (!fileInfo.exists()) {
        return result;
    }
    const QString shown = QDir::toNativeSeparators(result.file);
    const QFileInfo image(imagePath);
    pm::LabelmeFormat reader;
    pm::Dataset dataset;
    const bool ok = reader.read(toPath(result.file), toPath(image.absolutePath()), dataset);
    for (const std::string& w : reader.warnings()) {
        result.warnings << QString::fromStdString(w);
    }
    if (!ok || dataset.images.size() != 1) {
        result.state = State::Unreadable;
        QString why = QString::fromStdString(reader.errorString());
        if (!reader.fileErrors().empty()) {
            why = QString::fromStdString(reader.fileErrors().front());
            why.remove(result.file + QStringLiteral(": "));  // the message names the file already
        }
        result.message = tr("%1 is not a readable labelme file: %2").arg(shown, why);
        return result;
    }
    pm::ImageAnnotation& annotation = dataset.images.front();
    const QFileInfo referenced(
        QDir(image.absolutePath()).filePath(QString::fromStdString(annotation.imagePath)));
    if (referenced.canonicalFilePath() != image.canonicalFilePath()) {
        result.state = State::OtherImage;
        result.message = tr("%1 belongs to %2, not to %3 (two images share a name; rename one "
                            "of them to annotate both)")
                             .arg(shown, QString::fromStdString(annotation.imagePath), image.fileName());
        return result;
    }
    const QSize size(annotation.size.width, annotation.size.height);
    if (size != imageSize) {
        result.state = State::Unreadable;
        result.message = tr("%1 was made for a %2×%3 image, but %4 is %5×%6")
                             .arg(shown)
                             .arg(size.width())
                             .arg(size.height())
                             .arg(image.fileName())
                             .arg(imageSize.width())
                             .arg(imageSize.height());
        return result;
    }
    if (!reader.fileErrors().empty()) {
        // Some shapes were bad; the others are shown. Saving writes only what is shown.
        for (const std::string& e : reader.fileErrors()) {
            result.warnings << QString::fromStdString(e);
        }
    }
    result.state = State::Loaded;
    result.instances = std::move(annotation.instances);
    return result;
}

AnnotationFile::SaveResult AnnotationFile::save(const QString& imagePath, const QSize& imageSize,
                                                const std::vector<pm::Instance>& instances) {
    SaveResult result;
    result.file = pathFor(imagePath);
    const QFileInfo image(imagePath);
    const LoadResult existing = load(imagePath, imageSize);
    if (existing.state == State::OtherImage) {
        throw pm::Error(pm::ErrorKind::Input, existing.message.toStdString());
    }
    if (existing.state == State::Unreadable) {
        result.backup = QString::fromStdString(pm::AtomicFile::backup(toPath(result.file)).string());
    }

    pm::Dataset dataset;
    dataset.imagesRoot = toPath(image.absolutePath());
    pm::ImageAnnotation annotation;
    annotation.imagePath = image.fileName().toStdString();
    annotation.size = cv::Size(imageSize.width(), imageSize.height());
    annotation.instances = instances;
    for (const pm::Instance& instance : instances) {
        dataset.labelIndex(instance.label);
    }
    dataset.images.push_back(std::move(annotation));

    pm::WriteOptions options;  // labelme: polygons through boundary-pixel centres, tolerance 0.5
    pm::LabelmeFormat writer;
    if (!writer.write(dataset, dataset.imagesRoot, options)) {
        throw pm::Error(pm::ErrorKind::Io, writer.errorString());
    }
    if (!writer.fileErrors().empty()) {
        throw pm::Error(pm::ErrorKind::Io, writer.fileErrors().front());
    }
    result.shapes = static_cast<int>(instances.size());
    return result;
}

}  // namespace pm::ui
