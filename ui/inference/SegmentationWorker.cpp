#include "inference/SegmentationWorker.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QThread>
#include <opencv2/core.hpp>

#include "inference/ErrorText.h"
#include "model/PromptCombiner.h"
#include "util/Error.h"
#include "util/LatencyTrace.h"

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
    if (!job->cancel->isCancelled()) {
        if (job->kind == JobKind::Segment) {
            LatencyTrace::started(job->id);
        }
        run(*job);
    }
    emit jobEnded(job->id, job->kind);
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
            emit jobFailed(job.id, job.kind, job.path, ErrorText::describe(e));
        }
    } catch (const std::exception& e) {
        // Anything else (OpenCV, LibTorch, allocation) is still reported rather than ending the thread.
        emit jobFailed(job.id, job.kind, job.path,
                       tr("Unexpected error: %1").arg(QString::fromLocal8Bit(e.what())));
    }
}

void SegmentationWorker::loadModel(const SegmentationJob& job) {
    segmenter_.reset();  // free the old model's memory before loading the new one
    try {
        segmenter_ = open_(job.path, *job.cancel);
        job.cancel->throwIfCancelled();
    } catch (const pm::Error& e) {
        segmenter_.reset();
        if (e.kind() == pm::ErrorKind::Cancelled) {
            return;  // superseded, or the window closes: nobody waits for this model any more
        }
        emit modelFailed(job.id, job.path, ErrorText::describe(e));
        return;
    } catch (const std::exception& e) {
        emit modelFailed(job.id, job.path, ErrorText::describe(e));
        return;
    }
    if (!segmenter_) {
        emit modelFailed(job.id, job.path, tr("'%1': no model could be opened").arg(job.path));
        return;
    }
    emit modelLoaded(job.id, segmenter_->modelInfo());
}

void SegmentationWorker::segment(const SegmentationJob& job) {
    if (!segmenter_) {
        throw pm::Error(pm::ErrorKind::Model, tr("No model loaded").toStdString());
    }
    // A stale exemplar (its image moved or deleted, or replaced by a smaller one) is reported by the
    // segmenter per prompt: it is left out with a warning, so that it does not stop the other prompts
    // of its label, nor the other labels.
    if (job.prompts.empty()) {
        throw pm::Error(pm::ErrorKind::Input, tr("nothing to segment").toStdString());
    }
    // Plain prompts go straight to Segmenter::segment(); ensembles, templates, negatives and mixes through
    // the core prompt algebra, exactly as the CLI's `label` does.
    pm::SegmentationResult result =
        pm::PromptCombiner::segment(*segmenter_, job.path.toStdString(), job.prompts, job.cancel.get());
    job.cancel->throwIfCancelled();
    QStringList leftOut;
    size_t usable = 0;
    for (size_t i = 0; i < job.prompts.size(); ++i) {
        const std::string error = i < result.promptErrors.size() ? result.promptErrors[i] : std::string();
        if (error.empty()) {
            ++usable;
            continue;
        }
        // Only an exemplar can be unusable (its image gone or too small): name the first one of the
        // combined prompt, member or negative; the whole combined prompt is left out.
        const pm::CombinedPrompt& combined = job.prompts[i];
        QString name;
        for (const std::vector<pm::Prompt>* list : {&combined.members, &combined.negatives}) {
            for (const pm::Prompt& p : *list) {
                if (name.isEmpty() && p.isVisual()) {
                    name = QFileInfo(QString::fromStdString(p.exemplar->imagePath)).fileName();
                }
            }
        }
        if (name.isEmpty()) {
            name = QString::fromStdString(combined.describe());
        }
        const QString problem =
            tr("the visual prompt drawn on %1 was left out: %2").arg(name, QString::fromStdString(error));
        if (!leftOut.contains(problem)) {
            leftOut << problem;
        }
    }
    if (usable == 0) {
        throw pm::Error(pm::ErrorKind::Input, leftOut.join(QStringLiteral("; ")).toStdString());
    }

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
    for (cv::Mat& map : out.probabilities) {
        if (map.empty()) {  // a label without any prompt finds nothing
            map = cv::Mat::zeros(result.imageSize, CV_32F);
        }
    }
    out.timings = result.timings;
    out.cacheStats = segmenter_->cacheStats();
    out.warnings = leftOut;
    for (const std::string& w : result.warnings) {
        out.warnings << QString::fromStdString(w);
    }
    LatencyTrace::computed(job.id);
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
