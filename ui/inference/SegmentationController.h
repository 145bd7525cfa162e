#pragma once

#include <QHash>
#include <QObject>
#include <QSet>
#include <QThread>
#include <QVector>

#include "document/LabelDefinition.h"
#include "document/SegmentationPort.h"
#include "inference/SegmentationWorker.h"

namespace pm::ui {

// The GUI thread's handle on inference. Owns one long-lived QThread and the SegmentationWorker on it
// (which owns the model). All methods are called on the GUI thread and return at once; results come
// back through the signals below, delivered on the GUI thread.
//
// Policy: a new segment() supersedes earlier interactive requests (their CancelTokens are set and a
// result that still arrives carries an older request id) and drops the pending prefetch set, so no
// stale work queues behind it; prefetch() replaces the pending prefetch set; loadModel() cancels
// everything queued, an earlier load included (only the latest load reports). Prefetch runs only when
// no interactive work is queued. The destructor cancels a load under way, which stops at its next stage.
class SegmentationController : public QObject, public SegmentationPort {
    Q_OBJECT
public:
    explicit SegmentationController(OpenSegmenterFn open, QObject* parent = nullptr);
    ~SegmentationController() override;  // cancels, then requestInterruption(); quit(); wait();

    void loadModel(const QString& bundleDir);
    // Segments `imagePath` with the prompts of `labels` in one batch. Returns the request id.
    quint64 segment(const QString& imagePath, const QVector<LabelDefinition>& labels) override;
    void prefetch(const QStringList& imagePaths) override;
    void cancelInteractive();

    // Side requests, for work beside the canvas (the Prompt lab's tiles and sweeps, auto-label runs):
    // segmented like segment(), but a side request supersedes nothing and nothing supersedes it, and its
    // result comes back through the side* signals only, never segmented(). Each owner keeps the ids it
    // submitted and ignores the others. `priority` places it among the other work; `cancel` may be shared
    // by many requests (an auto-label run's: setting it drops every job of the run), a fresh one if null.
    enum class SidePriority {
        Soon,   // behind the canvas's requests only: a lab tile the user waits for
        Idle,   // with the neighbour prefetches: a lab sweep over the next images
        Batch,  // behind everything else: an auto-label run over the dataset
    };
    quint64 submitSideRequest(const QString& imagePath, const QVector<LabelDefinition>& labels,
                              SidePriority priority, std::shared_ptr<pm::CancelToken> cancel = nullptr);
    void cancelSideRequest(quint64 id);

    bool hasModel() const override { return hasModel_; }
    bool isLoading() const { return loading_; }
    const pm::ModelInfo& modelInfo() const override { return modelInfo_; }
    bool isBusy() const override { return !interactive_.isEmpty(); }
    quint64 latestRequestId() const { return latestSegmentId_; }

signals:
    void modelLoading(const QString& bundleDir);
    void modelLoaded(const pm::ModelInfo& info);
    void modelFailed(const QString& bundleDir, const QString& message);
    void segmented(const pm::ui::SegmentationOutcome& outcome);
    void segmentFailed(quint64 id, const QString& imagePath, const QString& message);
    void prefetched(const QString& imagePath, const pm::CacheStats& stats, double milliseconds);
    void busyChanged(bool busy);
    void sideSegmented(const pm::ui::SegmentationOutcome& outcome);
    void sideFailed(quint64 id, const QString& imagePath, const QString& message);
    void sideEnded(quint64 id);  // after the outcome or failure, or when cancelled (then alone)

private:
    quint64 submit(SegmentationJob job);
    static SegmentationJob segmentJob(const QString& imagePath, const QVector<LabelDefinition>& labels);
    void onJobEnded(quint64 id, JobKind kind);
    void cancelPrefetches();  // every pending encode job, and forgets them
    void cancelSideRequests();

    std::shared_ptr<RequestQueue> queue_ = std::make_shared<RequestQueue>();
    QThread thread_;
    SegmentationWorker* worker_;
    quint64 nextId_ = 1;
    quint64 latestSegmentId_ = 0;
    QHash<quint64, std::shared_ptr<pm::CancelToken>> interactive_;  // segment + load jobs not yet ended
    struct Prefetch {
        quint64 id;
        std::shared_ptr<pm::CancelToken> cancel;
    };
    QHash<QString, Prefetch> prefetching_;                   // image path -> its pending encode job
    QHash<quint64, std::shared_ptr<pm::CancelToken>> side_;  // side requests not yet ended
    quint64 loadId_ = 0;
    bool hasModel_ = false;
    bool loading_ = false;
    pm::ModelInfo modelInfo_;
};

}  // namespace pm::ui
