#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QThreadPool>
#include <QVector>
#include <memory>
#include <mutex>

#include "autolabel/AutoLabelRecord.h"
#include "document/AnnotationBuilder.h"
#include "document/LabelDefinition.h"
#include "document/OverlapMode.h"
#include "inference/SegmentationOutcome.h"
#include "model/Segmenter.h"
#include "util/CancelToken.h"

namespace pm::ui {

class ImageListModel;
class SegmentationController;

// What a run labels with: the label set as the window segments and saves it.
struct AutoLabelSettings {
    QVector<LabelDefinition> labels;  // only labels with a prompt are run
    OverlapMode overlapMode = OverlapMode::Exclusive;
    InstanceOptions instances;
    pm::ModelInfo model;
    QString datasetDir;

    // Changes whenever a run would write different files: prompts, thresholds, names, overlap mode,
    // instance options or the model.
    QString signature() const;
};

struct AutoLabelSummary {
    int total = 0;         // images the run was asked to label
    int labelled = 0;      // annotation files written
    int instances = 0;     // shapes in them
    int skipped = 0;       // became done or edited while the run was under way: left alone
    QStringList failures;  // "<file>: <reason>", like the CLI's errors.jsonl
    bool cancelled = false;
    QString stopReason;    // why it stopped early when not cancelled by the user
    QStringList warnings;  // did not stop the run, e.g. the record could not be written
    double seconds = 0;
};

// One Auto-Label Dataset run, without widgets. Images go to the SegmentationController as background
// jobs (one image encoding, all labels decoded in one batch), two at a time, so the user's own requests
// always come first and a cancel takes effect at the next image. Each result is thresholded as the
// canvas shows it, turned into instances and written beside its image (AnnotationFile: atomic) on a
// writer thread; the image's status becomes auto and the record notes the file. A cancel keeps every
// file written so far and leaves nothing half-written. GUI thread only (the writer touches files only).
class AutoLabelRun : public QObject {
    Q_OBJECT
public:
    AutoLabelRun(SegmentationController* controller, ImageListModel* images, AutoLabelSettings settings,
                 QStringList targets, QObject* parent = nullptr);
    ~AutoLabelRun() override;  // cancels and waits for the file being written

    void start();
    void cancel();
    bool isRunning() const { return started_ && !finished_; }
    int done() const;
    int total() const { return static_cast<int>(targets_.size()); }
    double imagesPerSecond() const;
    const AutoLabelSummary& summary() const { return summary_; }
    AutoLabelRecord& record() { return record_; }

signals:
    void progress(int done, int total);
    void imageLabelled(const QString& imagePath);
    void finished(const pm::ui::AutoLabelSummary& summary);

private:
    void submitNext();
    void onSegmented(const SegmentationOutcome& outcome);
    void onFailed(quint64 id, const QString& imagePath, const QString& message);
    void onEnded(quint64 id);
    void onWritten(const QString& imagePath, int shapes, const QString& error);
    void fail(const QString& imagePath, const QString& message);
    void saveRecord(bool force);
    void finishIfIdle();
    bool stillWritable(const QString& imagePath) const;

    SegmentationController* controller_;
    ImageListModel* images_;
    AutoLabelSettings settings_;
    QString signature_;
    QStringList targets_;
    AutoLabelRecord record_;
    std::shared_ptr<pm::CancelToken> cancel_ = std::make_shared<pm::CancelToken>();
    QHash<quint64, QString> queued_;  // background job id -> image
    int next_ = 0;
    int writing_ = 0;
    bool started_ = false;
    bool finished_ = false;
    QElapsedTimer clock_;
    QElapsedTimer sinceRecordSaved_;
    AutoLabelSummary summary_;
    // Written by the writer thread but not yet seen by onWritten(): the destructor records them, since
    // their queued onWritten() never runs when the window closes mid-run.
    std::mutex unseenMutex_;
    QStringList unseen_;
    QThreadPool writer_;  // one thread: files are written in the order results arrive; last member
};

}  // namespace pm::ui

Q_DECLARE_METATYPE(pm::ui::AutoLabelSummary)
