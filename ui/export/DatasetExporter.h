#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QThread>
#include <functional>
#include <memory>

#include "annotation/AnnotationFormat.h"
#include "util/CancelToken.h"

namespace pm::ui {

// What to export: the saved annotations (AnnotationFile) of `images`, written as `format`.
struct ExportRequest {
    QString datasetDir;      // every image lies inside; file names in the output are relative to it
    QStringList images;      // absolute paths, in dataset order; images without a saved file are skipped
    QStringList labelOrder;  // category order (COCO ids, PNG indices); labels found only in files follow
    QString format;          // "coco", "masks" or "labelme" (pm::AnnotationFormat::create)
    QString output;          // a .json file for COCO, a folder otherwise
    pm::WriteOptions options;
};

struct ExportSummary {
    QString output;
    QString format;
    int images = 0;       // images written (with a saved annotation that could be read)
    int annotations = 0;  // instances written
    int unsaved = 0;      // images of the dataset without a saved annotation (not exported)
    QStringList warnings;
    QStringList errors;  // per file: "<file>: <problem>"; everything else was still exported
    QString fatal;       // nothing (sensible) was written: the reason
    bool cancelled = false;
    double seconds = 0;

    bool ok() const { return fatal.isEmpty() && !cancelled; }
};

// Exports a dataset on its own thread: the Qt side of pm::DatasetExport, which reads the saved labelme
// file of each image and writes the chosen format (the code `promptmask-cli label` writes with too).
// The GUI thread calls start()/cancel() and gets progress() and finished() on the GUI thread; the
// worker touches no widget or model, only the files and a copy of the request. Cancelling is checked
// between files; each output file is written atomically, so a cancelled export leaves complete files
// only (COCO: none). The destructor cancels and waits.
class DatasetExporter : public QObject {
    Q_OBJECT
public:
    explicit DatasetExporter(QObject* parent = nullptr);
    ~DatasetExporter() override;

    // Returns false (and does nothing) while an export is running.
    bool start(const ExportRequest& request);
    void cancel();
    bool isRunning() const { return running_; }

    // The export itself, on the calling thread: progress(done, total) after each step (reading is the
    // first half, writing the second). Throws nothing; a cancel ends it with summary.cancelled.
    static ExportSummary run(const ExportRequest& request, const std::function<void(int, int)>& progress,
                             const pm::CancelToken& cancel);

signals:
    void progress(int done, int total);
    void finished(const pm::ui::ExportSummary& summary);

private:
    QThread* thread_ = nullptr;
    std::shared_ptr<pm::CancelToken> cancel_;
    bool running_ = false;
};

}  // namespace pm::ui

Q_DECLARE_METATYPE(pm::ui::ExportSummary)
