#include "lab/LabSweep.h"

#include <algorithm>
#include <opencv2/imgproc.hpp>

#include "lab/PromptLabModel.h"

namespace pm::ui {

LabSweep::LabSweep(SubmitFn submit, CancelFn cancel, QObject* parent)
    : QObject(parent), submit_(std::move(submit)), cancel_(std::move(cancel)) {}

void LabSweep::start(const QVector<LabelDefinition>& candidates, const QStringList& images,
                     double threshold) {
    cancel();
    candidates_ = candidates;
    images_ = images;
    threshold_ = threshold;
    done_ = 0;
    cells_ = QVector<QVector<Cell>>(candidates.size(), QVector<Cell>(images.size()));
    emit started();
    if (candidates.isEmpty() || images.isEmpty()) {
        emit finished(false);
        return;
    }
    for (int column = 0; column < images.size(); ++column) {
        pending_.insert(submit_(images[column], candidates_), column);
    }
}

void LabSweep::cancel() {
    if (pending_.isEmpty()) {
        return;
    }
    for (auto it = pending_.cbegin(); it != pending_.cend(); ++it) {
        if (cancel_) {
            cancel_(it.key());
        }
    }
    end(true);
}

void LabSweep::end(bool cancelled) {
    pending_.clear();
    emit finished(cancelled);
}

void LabSweep::setThreshold(double threshold) {
    threshold_ = threshold;
    for (int row = 0; row < cells_.size(); ++row) {
        for (int column = 0; column < cells_[row].size(); ++column) {
            Cell& c = cells_[row][column];
            if (c.done && c.error.isEmpty()) {
                c.areaPercent = PromptLabModel::areaPercent(c.thumbnail, threshold_);
            }
        }
    }
    for (int column = 0; column < images_.size(); ++column) {
        emit columnReady(column);
    }
}

void LabSweep::applyOutcome(const SegmentationOutcome& outcome) {
    const auto it = pending_.constFind(outcome.requestId);
    if (it == pending_.cend()) {
        return;  // of a run cancelled or replaced
    }
    const int column = it.value();
    pending_.erase(it);
    for (int row = 0; row < candidates_.size() && row < static_cast<int>(outcome.probabilities.size());
         ++row) {
        const cv::Mat& map = outcome.probabilities[static_cast<size_t>(row)];
        Cell& c = cells_[row][column];
        c.done = true;
        c.areaPercent = PromptLabModel::areaPercent(map, threshold_);
        const double scale = static_cast<double>(kThumbSide) / std::max(map.cols, map.rows);
        if (scale < 1.0) {
            cv::resize(map, c.thumbnail,
                       cv::Size(std::max(1, static_cast<int>(map.cols * scale)),
                                std::max(1, static_cast<int>(map.rows * scale))),
                       0, 0, cv::INTER_AREA);
        } else {
            c.thumbnail = map.clone();
        }
    }
    ++done_;
    emit columnReady(column);
    if (pending_.isEmpty()) {
        end(false);
    }
}

void LabSweep::applyFailure(quint64 requestId, const QString& message) {
    const auto it = pending_.constFind(requestId);
    if (it == pending_.cend()) {
        return;
    }
    const int column = it.value();
    pending_.erase(it);
    for (QVector<Cell>& row : cells_) {
        row[column].done = true;
        row[column].error = message;
    }
    ++done_;
    emit columnReady(column);
    if (pending_.isEmpty()) {
        end(false);
    }
}

}  // namespace pm::ui
