#include "autolabel/AutoLabelRun.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <algorithm>

#include "document/AnnotationFile.h"
#include "document/ImageListModel.h"
#include "document/OverlayRenderer.h"
#include "inference/SegmentationController.h"
#include "util/Error.h"

namespace pm::ui {

namespace {

// Two jobs queued: the worker never waits for the GUI thread between images, and a cancel or an
// interactive request waits for at most one image.
constexpr int kQueueDepth = 2;
// The record is rewritten at most this often while running (and at the end): a killed run loses only
// the note that its last files were auto results, so they count as the user's (never replaced).
constexpr qint64 kRecordIntervalMs = 2000;

QString shown(const QString& path) {
    return QDir::toNativeSeparators(path);
}

}  // namespace

QString AutoLabelSettings::signature() const {
    QStringList parts;
    for (const LabelDefinition& l : labels) {
        parts << l.name << l.signature() << QString::number(l.threshold, 'g', 17);
    }
    parts << QString::number(static_cast<int>(overlapMode)) << QString::number(instances.instancePerLabel)
          << QString::number(instances.minArea) << QString::fromStdString(model.id);
    const QByteArray digest =
        QCryptographicHash::hash(parts.join(QChar(0x1f)).toUtf8(), QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.toHex().left(16));
}

AutoLabelRun::AutoLabelRun(SegmentationController* controller, ImageListModel* images,
                           AutoLabelSettings settings, QStringList targets, QObject* parent)
    : QObject(parent),
      controller_(controller),
      images_(images),
      settings_(std::move(settings)),
      signature_(settings_.signature()),
      targets_(std::move(targets)) {
    qRegisterMetaType<pm::ui::AutoLabelSummary>();
    settings_.labels.erase(std::remove_if(settings_.labels.begin(), settings_.labels.end(),
                                          [](const LabelDefinition& l) { return l.toPrompts().empty(); }),
                           settings_.labels.end());
    record_.load(settings_.datasetDir);
    writer_.setMaxThreadCount(1);
    summary_.total = static_cast<int>(targets_.size());
    connect(controller_, &SegmentationController::sideSegmented, this, &AutoLabelRun::onSegmented);
    connect(controller_, &SegmentationController::sideFailed, this, &AutoLabelRun::onFailed);
    connect(controller_, &SegmentationController::sideEnded, this, &AutoLabelRun::onEnded);
    // Loading a model cancels background jobs: a run never mixes two models' results.
    connect(controller_, &SegmentationController::modelLoading, this, [this] {
        if (isRunning() && summary_.stopReason.isEmpty()) {
            summary_.stopReason = tr("another model was loaded");
        }
        cancel_->cancel();
    });
}

AutoLabelRun::~AutoLabelRun() {
    cancel_->cancel();
    writer_.waitForDone();
    if (started_ && !finished_) {
        for (const QString& path : std::as_const(unseen_)) {
            record_.add(path, signature_);
        }
        saveRecord(true);
    }
}

void AutoLabelRun::start() {
    if (started_) {
        return;
    }
    started_ = true;
    clock_.start();
    sinceRecordSaved_.start();
    if (settings_.labels.isEmpty()) {
        summary_.stopReason = tr("no label has a prompt");
        next_ = static_cast<int>(targets_.size());
    }
    for (int i = 0; i < kQueueDepth; ++i) {
        submitNext();
    }
    finishIfIdle();
}

void AutoLabelRun::cancel() {
    if (!isRunning()) {
        return;
    }
    summary_.cancelled = summary_.stopReason.isEmpty();
    cancel_->cancel();
    // Jobs still queued end without a result; the one being written is finished (atomic write).
}

int AutoLabelRun::done() const {
    return summary_.labelled + static_cast<int>(summary_.failures.size()) + summary_.skipped;
}

double AutoLabelRun::imagesPerSecond() const {
    const double s = clock_.isValid() ? static_cast<double>(clock_.elapsed()) / 1000.0 : 0.0;
    return s > 0 ? done() / s : 0.0;
}

void AutoLabelRun::submitNext() {
    while (!cancel_->isCancelled() && next_ < targets_.size()) {
        const QString path = targets_[next_++];
        if (!stillWritable(path)) {
            ++summary_.skipped;  // done or edited since the run was planned
            emit progress(done(), total());
            continue;
        }
        const quint64 id = controller_->submitSideRequest(
            path, settings_.labels, SegmentationController::SidePriority::Batch, cancel_);
        queued_.insert(id, path);
        return;
    }
}

bool AutoLabelRun::stillWritable(const QString& imagePath) const {
    if (images_->rootDir() == settings_.datasetDir) {
        const int row = images_->rowOf(imagePath);
        if (row >= 0 &&
            (images_->status(row) == ImageStatus::Done || images_->status(row) == ImageStatus::Edited)) {
            return false;
        }
    }
    // A file that appeared (or changed) since the plan is the user's, unless this run wrote it.
    return !AnnotationFile::exists(imagePath) || record_.isAuto(imagePath);
}

void AutoLabelRun::onSegmented(const SegmentationOutcome& outcome) {
    if (!queued_.contains(outcome.requestId) || cancel_->isCancelled()) {
        return;
    }
    if (!stillWritable(outcome.imagePath)) {
        ++summary_.skipped;
        emit progress(done(), total());
        return;
    }
    std::vector<OverlayLayer> layers;
    for (int i = 0; i < settings_.labels.size(); ++i) {
        OverlayLayer layer;
        layer.probability = i < static_cast<int>(outcome.probabilities.size())
                                ? outcome.probabilities[static_cast<size_t>(i)]
                                : cv::Mat();
        layer.threshold = settings_.labels[i].threshold;
        layer.color = settings_.labels[i].color;
        layers.push_back(layer);
    }
    ++writing_;
    // Thresholding, tracing and writing take a while on a large image: off the GUI thread.
    writer_.start([this, layers = std::move(layers), path = outcome.imagePath, size = outcome.imageSize] {
        int shapes = 0;
        QString error;
        try {
            const std::vector<cv::Mat> masks = OverlayRenderer::masks(layers, settings_.overlapMode, size);
            const std::vector<pm::Instance> instances = AnnotationBuilder::build(
                settings_.labels, masks, settings_.instances, settings_.model, settings_.datasetDir);
            shapes = AnnotationFile::save(path, size, instances).shapes;
            const std::lock_guard<std::mutex> lock(unseenMutex_);
            unseen_ << path;
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
        QMetaObject::invokeMethod(
            this, [this, path, shapes, error] { onWritten(path, shapes, error); }, Qt::QueuedConnection);
    });
}

void AutoLabelRun::onWritten(const QString& imagePath, int shapes, const QString& error) {
    --writing_;
    {
        const std::lock_guard<std::mutex> lock(unseenMutex_);
        unseen_.removeOne(imagePath);
    }
    const bool sameDataset = images_->rootDir() == settings_.datasetDir;
    const int row = sameDataset ? images_->rowOf(imagePath) : -1;
    if (!error.isEmpty()) {
        fail(imagePath, error);
    } else {
        ++summary_.labelled;
        summary_.instances += shapes;
        const bool userTookOver = row >= 0 && (images_->status(row) == ImageStatus::Done ||
                                               images_->status(row) == ImageStatus::Edited);
        if (!userTookOver) {  // marked done or edited while the file was written: the user's call wins
            record_.add(imagePath, signature_);
            if (row >= 0) {
                images_->setStatus(row, ImageStatus::Auto);
            }
        }
        emit imageLabelled(imagePath);
        emit progress(done(), total());
        saveRecord(false);
    }
    finishIfIdle();
}

void AutoLabelRun::onFailed(quint64 id, const QString& imagePath, const QString& message) {
    if (queued_.contains(id) && !cancel_->isCancelled()) {
        fail(imagePath, message);
    }
}

void AutoLabelRun::fail(const QString& imagePath, const QString& message) {
    summary_.failures << QStringLiteral("%1: %2").arg(shown(imagePath), message);
    if (images_->rootDir() == settings_.datasetDir) {
        const int row = images_->rowOf(imagePath);
        if (row >= 0 &&
            (images_->status(row) == ImageStatus::New || images_->status(row) == ImageStatus::Auto)) {
            images_->setStatus(row, ImageStatus::Error);
        }
    }
    emit progress(done(), total());
}

void AutoLabelRun::onEnded(quint64 id) {
    if (queued_.remove(id) == 0) {
        return;
    }
    submitNext();
    finishIfIdle();
}

void AutoLabelRun::saveRecord(bool force) {
    if (!force && sinceRecordSaved_.elapsed() < kRecordIntervalMs) {
        return;
    }
    sinceRecordSaved_.restart();
    try {
        record_.save();
    } catch (const pm::Error& e) {
        // The annotations are written; only the note that they are auto results is missing, so they
        // count as the user's next time (never replaced). Said once, in the summary.
        const QString problem = QString::fromStdString(e.what());
        if (!summary_.warnings.contains(problem)) {
            summary_.warnings << problem;
        }
    }
}

void AutoLabelRun::finishIfIdle() {
    if (finished_ || !started_ || !queued_.isEmpty() || writing_ > 0) {
        return;
    }
    if (!cancel_->isCancelled() && next_ < targets_.size()) {
        return;
    }
    finished_ = true;
    saveRecord(true);
    summary_.seconds = static_cast<double>(clock_.elapsed()) / 1000.0;
    emit progress(done(), total());
    emit finished(summary_);
}

}  // namespace pm::ui
