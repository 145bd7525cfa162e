#include "inference/SegmentationController.h"

namespace pm::ui {

SegmentationController::SegmentationController(OpenSegmenterFn open, QObject* parent)
    : QObject(parent), worker_(new SegmentationWorker(std::move(open), queue_)) {
    qRegisterMetaType<pm::ui::SegmentationOutcome>();
    qRegisterMetaType<pm::ModelInfo>();
    qRegisterMetaType<pm::CacheStats>();
    thread_.setObjectName(QStringLiteral("inference"));
    worker_->moveToThread(&thread_);

    qRegisterMetaType<pm::ui::JobKind>();
    connect(worker_, &SegmentationWorker::jobEnded, this, &SegmentationController::onJobEnded);
    // A load that another load superseded may still report: only the latest one speaks.
    connect(worker_, &SegmentationWorker::modelLoaded, this, [this](quint64 id, const pm::ModelInfo& info) {
        if (id != loadId_) {
            return;
        }
        hasModel_ = true;
        modelInfo_ = info;
        emit modelLoaded(info);
    });
    connect(worker_, &SegmentationWorker::modelFailed, this,
            [this](quint64 id, const QString& dir, const QString& message) {
                if (id != loadId_) {
                    return;
                }
                hasModel_ = false;
                modelInfo_ = {};
                emit modelFailed(dir, message);
            });
    // Side requests share the worker's Segment jobs with the canvas; their ids keep them off the canvas.
    connect(worker_, &SegmentationWorker::segmented, this, [this](const SegmentationOutcome& outcome) {
        if (side_.contains(outcome.requestId)) {
            emit sideSegmented(outcome);
        } else {
            emit segmented(outcome);
        }
    });
    connect(worker_, &SegmentationWorker::encoded, this, &SegmentationController::prefetched);
    connect(worker_, &SegmentationWorker::jobFailed, this,
            [this](quint64 id, JobKind kind, const QString& path, const QString& message) {
                if (kind == JobKind::Segment && side_.contains(id)) {
                    emit sideFailed(id, path, message);
                } else if (kind == JobKind::Segment) {
                    emit segmentFailed(id, path, message);
                }
                // A failed prefetch is not worth a message: the interactive request will report it.
            });
    thread_.start();
}

SegmentationController::~SegmentationController() {
    for (const auto& token : std::as_const(interactive_)) {
        token->cancel();
    }
    cancelSideRequests();
    cancelPrefetches();
    thread_.requestInterruption();
    thread_.quit();
    thread_.wait();
    // The thread has ended: the worker (and the model it owns) can be destroyed from here.
    delete worker_;
}

quint64 SegmentationController::submit(SegmentationJob job) {
    job.id = nextId_++;
    const quint64 id = job.id;
    queue_->push(std::move(job));
    QMetaObject::invokeMethod(worker_, &SegmentationWorker::processNext, Qt::QueuedConnection);
    return id;
}

void SegmentationController::loadModel(const QString& bundleDir) {
    for (const auto& token : std::as_const(interactive_)) {
        token->cancel();
    }
    cancelSideRequests();  // asked of the old model (and a run must not mix two models' results)
    cancelPrefetches();
    SegmentationJob job;
    job.kind = JobKind::LoadModel;
    job.priority = JobPriority::Control;
    job.path = bundleDir;
    const bool wasBusy = isBusy();
    interactive_.insert(nextId_, job.cancel);
    loadId_ = submit(std::move(job));
    hasModel_ = false;
    loading_ = true;
    emit modelLoading(bundleDir);
    if (!wasBusy) {
        emit busyChanged(true);
    }
}

quint64 SegmentationController::segment(const QString& imagePath, const QVector<LabelDefinition>& labels) {
    cancelInteractive();
    // Encodes asked for before this request answer an older state of the window: none may run after
    // it (or, not yet started, hold the thread when the user asks again); the window asks for the
    // neighbours again when it is idle.
    cancelPrefetches();
    SegmentationJob job = segmentJob(imagePath, labels);
    const bool wasBusy = isBusy();
    interactive_.insert(nextId_, job.cancel);
    latestSegmentId_ = submit(std::move(job));
    if (!wasBusy) {
        emit busyChanged(true);
    }
    return latestSegmentId_;
}

SegmentationJob SegmentationController::segmentJob(const QString& imagePath,
                                                   const QVector<LabelDefinition>& labels) {
    SegmentationJob job;
    job.kind = JobKind::Segment;
    job.priority = JobPriority::Interactive;
    job.path = imagePath;
    for (int i = 0; i < labels.size(); ++i) {
        for (pm::CombinedPrompt& p : labels[i].toCombinedPrompts()) {
            job.prompts.push_back(std::move(p));
            job.group.push_back(i);
        }
        job.labelIds << labels[i].id;
        job.signatures << labels[i].signature();
    }
    return job;
}

quint64 SegmentationController::submitSideRequest(const QString& imagePath,
                                                  const QVector<LabelDefinition>& labels,
                                                  SidePriority priority,
                                                  std::shared_ptr<pm::CancelToken> cancel) {
    SegmentationJob job = segmentJob(imagePath, labels);
    switch (priority) {
        case SidePriority::Soon:
            job.priority = JobPriority::Interactive;
            break;
        case SidePriority::Idle:
            job.priority = JobPriority::Prefetch;
            break;
        case SidePriority::Batch:
            job.priority = JobPriority::Background;
            break;
    }
    if (cancel) {
        job.cancel = std::move(cancel);
    }
    side_.insert(nextId_, job.cancel);
    return submit(std::move(job));
}

void SegmentationController::cancelSideRequest(quint64 id) {
    if (const auto it = side_.constFind(id); it != side_.cend()) {
        it.value()->cancel();
    }
}

void SegmentationController::cancelSideRequests() {
    for (const auto& token : std::as_const(side_)) {
        token->cancel();
    }
}

void SegmentationController::cancelInteractive() {
    // Only segment jobs: a model load in flight is never abandoned half-way.
    for (auto it = interactive_.cbegin(); it != interactive_.cend(); ++it) {
        if (it.key() != loadId_) {
            it.value()->cancel();
        }
    }
}

void SegmentationController::cancelPrefetches() {
    for (const Prefetch& p : std::as_const(prefetching_)) {
        p.cancel->cancel();
    }
    prefetching_.clear();
}

void SegmentationController::prefetch(const QStringList& imagePaths) {
    for (auto it = prefetching_.begin(); it != prefetching_.end();) {
        if (!imagePaths.contains(it.key())) {
            it.value().cancel->cancel();
            it = prefetching_.erase(it);
        } else {
            ++it;
        }
    }
    for (const QString& path : imagePaths) {
        if (path.isEmpty() || prefetching_.contains(path)) {
            continue;
        }
        SegmentationJob job;
        job.kind = JobKind::Encode;
        job.priority = JobPriority::Prefetch;
        job.path = path;
        const std::shared_ptr<pm::CancelToken> cancel = job.cancel;
        prefetching_.insert(path, Prefetch{submit(std::move(job)), cancel});
    }
}

void SegmentationController::onJobEnded(quint64 id, JobKind kind) {
    if (side_.remove(id) > 0) {
        emit sideEnded(id);
        return;
    }
    if (kind == JobKind::Encode) {
        for (auto it = prefetching_.begin(); it != prefetching_.end(); ++it) {
            if (it.value().id == id) {
                prefetching_.erase(it);
                break;
            }
        }
        return;
    }
    if (kind == JobKind::LoadModel && id == loadId_) {
        loading_ = false;  // an earlier, superseded load ending says nothing about this one
    }
    if (interactive_.remove(id) > 0 && interactive_.isEmpty()) {
        emit busyChanged(false);
    }
}

}  // namespace pm::ui
