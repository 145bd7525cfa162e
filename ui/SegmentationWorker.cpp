#include "SegmentationWorker.h"

#include <QElapsedTimer>
#include <QThread>
#include <opencv2/core.hpp>

#include "util/Error.h"

namespace pm::ui {

SegmentationWorker::SegmentationWorker(OpenSegmenterFn open, std::shared_ptr<RequestQueue> queue)
    : open_(std::move(open)), queue_(std::move(queue)) {}

SegmentationWorker::~SegmentationWorker() = default;

void SegmentationWorker::processNext() {
    if (QThread::currentThread()->isInterruptionRequested()) {
        return;
    }
    std::optional<SegmentationJob> job = queue_->pop();
    if (!job) {
        return;
    }
    const int kind = static_cast<int>(job->kind);
    if (!job->cancel->isCancelled()) {
        emit jobStarted(job->id, kind);
        run(*job);
    }
    emit jobEnded(job->id, kind);
}

void SegmentationWorker::run(const SegmentationJob& job) {
    try {
        switch (job.kind) {
            case JobKind::LoadModel:
                loadModel(job);
                break;
            case JobKind::Segment:
                segment(job);
                break;
            case JobKind::Encode:
                encode(job);
                break;
        }
    } catch (const pm::Error& e) {
        if (e.kind() != pm::ErrorKind::Cancelled) {
            emit jobFailed(job.id, static_cast<int>(job.kind), job.path, QString::fromStdString(e.what()));
        }
    } catch (const std::exception& e) {
        // Anything else (OpenCV, LibTorch, allocation) is still reported rather than ending the thread.
        emit jobFailed(job.id, static_cast<int>(job.kind), job.path,
                       tr("Unexpected error: %1").arg(QString::fromLocal8Bit(e.what())));
    }
}

void SegmentationWorker::loadModel(const SegmentationJob& job) {
    segmenter_.reset();  // free the old model's memory before loading the new one
    try {
        segmenter_ = open_(job.path);
    } catch (const std::exception& e) {
        emit modelFailed(job.path, QString::fromLocal8Bit(e.what()));
        return;
    }
    if (!segmenter_) {
        emit modelFailed(job.path, tr("'%1': no model could be opened").arg(job.path));
        return;
    }
    emit modelLoaded(segmenter_->modelInfo());
}

void SegmentationWorker::segment(const SegmentationJob& job) {
    if (!segmenter_) {
        throw pm::Error(pm::ErrorKind::Model, tr("No model loaded").toStdString());
    }
    pm::SegmentationResult result =
        segmenter_->segment(job.path.toStdString(), job.prompts, job.cancel.get());
    job.cancel->throwIfCancelled();

    SegmentationOutcome out;
    out.requestId = job.id;
    out.imagePath = job.path;
    out.imageSize = QSize(result.imageSize.width, result.imageSize.height);
    out.labelIds = job.labelIds;
    out.signatures = job.signatures;
    out.probabilities.resize(static_cast<size_t>(job.labelIds.size()));
    for (size_t i = 0; i < result.probabilities.size() && i < job.group.size(); ++i) {
        cv::Mat& target = out.probabilities[static_cast<size_t>(job.group[i])];
        if (target.empty()) {
            target = result.probabilities[i];
        } else {
            cv::Mat combined;  // a new buffer: the segmenter's maps are never written to
            cv::max(target, result.probabilities[i], combined);
            target = combined;
        }
    }
    out.timings = result.timings;
    out.cacheStats = segmenter_->cacheStats();
    for (const std::string& w : result.warnings) {
        out.warnings << QString::fromStdString(w);
    }
    emit segmented(out);
}

void SegmentationWorker::encode(const SegmentationJob& job) {
    if (!segmenter_) {
        return;  // nothing to prefetch for
    }
    const std::string path = job.path.toStdString();
    QElapsedTimer timer;
    timer.start();
    if (!segmenter_->isImageCached(path)) {
        segmenter_->encodeImage(path, job.cancel.get());
    }
    emit encoded(job.path, segmenter_->cacheStats(), static_cast<double>(timer.nsecsElapsed()) / 1e6);
}

}  // namespace pm::ui
