#pragma once

#include <QObject>
#include <functional>
#include <memory>

#include "inference/RequestQueue.h"
#include "inference/SegmentationOutcome.h"

namespace pm::ui {

// Opens a model bundle. Called on the inference thread; throws pm::Error(Model) on failure and
// pm::Error(Cancelled) once `cancel` is set (checked between stages: closing the window during a load
// must not wait for all of it). The app passes pm::openSegmenter, tests pass a fake.
using OpenSegmenterFn =
    std::function<std::unique_ptr<pm::Segmenter>(const QString& bundleDir, const pm::CancelToken& cancel)>;

// Lives on the inference thread and owns the pm::Segmenter (created and used only there). Each queued
// processNext() runs the most urgent job of the shared RequestQueue. Results and failures leave by
// signals carrying value types; it never calls back into the GUI thread synchronously.
class SegmentationWorker : public QObject {
    Q_OBJECT
public:
    SegmentationWorker(OpenSegmenterFn open, std::shared_ptr<RequestQueue> queue);
    ~SegmentationWorker() override;

public slots:
    void processNext();

signals:
    void jobEnded(quint64 id, pm::ui::JobKind kind);  // after any outcome, cancellation included
    // `id`: the load request's; a cancelled load emits neither.
    void modelLoaded(quint64 id, const pm::ModelInfo& info);
    void modelFailed(quint64 id, const QString& bundleDir, const QString& message);
    void segmented(const pm::ui::SegmentationOutcome& outcome);
    void encoded(const QString& imagePath, const pm::CacheStats& stats, double milliseconds);
    void jobFailed(quint64 id, pm::ui::JobKind kind, const QString& path, const QString& message);

private:
    void run(const SegmentationJob& job);
    void loadModel(const SegmentationJob& job);
    void segment(const SegmentationJob& job);
    void encode(const SegmentationJob& job);

    OpenSegmenterFn open_;
    std::shared_ptr<RequestQueue> queue_;
    std::unique_ptr<pm::Segmenter> segmenter_;
};

}  // namespace pm::ui
