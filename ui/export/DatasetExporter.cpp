#include "export/DatasetExporter.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include "annotation/DatasetExport.h"
#include "document/AnnotationFile.h"
#include "util/Error.h"

namespace pm::ui {

namespace {

std::filesystem::path toPath(const QString& s) {
    return std::filesystem::path(s.toStdString());
}

void append(QStringList& to, const std::vector<std::string>& from) {
    for (const std::string& s : from) {
        to << QString::fromStdString(s);
    }
}

}  // namespace

DatasetExporter::DatasetExporter(QObject* parent) : QObject(parent) {
    qRegisterMetaType<pm::ui::ExportSummary>();
}

DatasetExporter::~DatasetExporter() {
    if (thread_) {
        cancel_->cancel();
        thread_->wait();
        delete thread_;
    }
}

bool DatasetExporter::start(const ExportRequest& request) {
    if (running_) {
        return false;
    }
    if (thread_) {
        thread_->wait();  // finished already; only joins
        delete thread_;
    }
    running_ = true;
    cancel_ = std::make_shared<pm::CancelToken>();
    // The worker reports through queued calls on this object: signals leave on the GUI thread, and
    // calls still queued when the exporter is destroyed are dropped with it.
    thread_ = QThread::create([this, request, cancel = cancel_] {
        int lastPercent = -1;
        const ExportSummary summary = run(
            request,
            [this, &lastPercent](int done, int total) {
                const int percent = total > 0 ? done * 100 / total : 100;
                if (percent != lastPercent) {  // at most ~100 events per export, whatever its size
                    lastPercent = percent;
                    QMetaObject::invokeMethod(
                        this, [this, done, total] { emit progress(done, total); }, Qt::QueuedConnection);
                }
            },
            *cancel);
        QMetaObject::invokeMethod(
            this,
            [this, summary] {
                running_ = false;
                emit finished(summary);
            },
            Qt::QueuedConnection);
    });
    thread_->setObjectName(QStringLiteral("export"));
    thread_->start(QThread::LowPriority);
    return true;
}

void DatasetExporter::cancel() {
    if (cancel_) {
        cancel_->cancel();
    }
}

ExportSummary DatasetExporter::run(const ExportRequest& request,
                                   const std::function<void(int, int)>& progress,
                                   const pm::CancelToken& cancel) {
    QElapsedTimer clock;
    clock.start();
    ExportSummary summary;
    summary.output = request.output;
    summary.format = request.format;
    const int n = static_cast<int>(request.images.size());
    const int total = 2 * n;
    // Reading is the first half of the progress, writing the second.
    auto report = [&](int done) {
        if (progress) {
            progress(done, total);
        }
    };
    try {
        if (!pm::AnnotationFormat::create(request.format.toStdString())) {
            throw pm::Error(pm::ErrorKind::Usage, "unknown format '" + request.format.toStdString() + "'");
        }
        std::vector<std::filesystem::path> files;
        for (const QString& image : request.images) {
            files.push_back(toPath(AnnotationFile::pathFor(image)));
        }
        std::vector<std::string> labelOrder;
        for (const QString& label : request.labelOrder) {
            labelOrder.push_back(label.toStdString());
        }
        pm::DatasetExport::Saved saved = pm::DatasetExport::readLabelme(
            files, toPath(QDir(request.datasetDir).absolutePath()), labelOrder,
            [&](size_t done, size_t) { report(static_cast<int>(done)); }, &cancel);
        summary.unsaved = static_cast<int>(saved.unsaved);
        append(summary.errors, saved.errors);
        append(summary.warnings, saved.warnings);
        if (saved.dataset.images.empty()) {
            summary.fatal =
                tr("Nothing to export: no image of the folder has a saved annotation (save "
                   "one with Ctrl+S).");
            if (!summary.errors.isEmpty()) {
                summary.fatal = tr("Nothing to export: no saved annotation could be read.");
            }
            summary.seconds = static_cast<double>(clock.elapsed()) / 1000.0;
            return summary;
        }

        // The exporter reports after each image; a cancel there stops it before the next one.
        const int images = static_cast<int>(saved.dataset.images.size());
        pm::DatasetExport exporter(request.format.toStdString(), saved.dataset.labels,
                                   saved.dataset.imagesRoot, request.options);
        exporter.setProgressCallback([&](size_t done, size_t all) {
            cancel.throwIfCancelled();
            report(n + (all > 0 ? static_cast<int>(static_cast<qint64>(done) * n / static_cast<qint64>(all))
                                : n));
        });
        try {
            exporter.write(std::move(saved.dataset), toPath(request.output));
        } catch (const pm::Error& e) {
            if (e.kind() != pm::ErrorKind::Io) {
                throw;
            }
            summary.fatal = QString::fromStdString(e.what());
        }
        append(summary.errors, exporter.fileErrors());
        append(summary.warnings, exporter.warnings());
        summary.images = images;
        summary.annotations = static_cast<int>(exporter.annotations());
        report(total);
    } catch (const pm::Error& e) {
        if (e.kind() == pm::ErrorKind::Cancelled) {
            summary.cancelled = true;
        } else {
            summary.fatal = QString::fromStdString(e.what());
        }
    } catch (const std::exception& e) {
        summary.fatal = QString::fromStdString(e.what());
    }
    summary.seconds = static_cast<double>(clock.elapsed()) / 1000.0;
    return summary;
}

}  // namespace pm::ui
