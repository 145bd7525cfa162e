#include "lab/PromptLabModel.h"

#include <QSet>
#include <opencv2/core.hpp>

namespace pm::ui {

PromptLabModel::PromptLabModel(SubmitFn submit, CancelFn cancel, QObject* parent)
    : QObject(parent), submit_(std::move(submit)), cancel_(std::move(cancel)) {}

LabelDefinition PromptLabModel::asLabel(const LabCandidate& candidate) {
    LabelDefinition label;
    label.id = candidate.id;
    label.name = candidate.text;
    // "a|b" is an ensemble (embeddings averaged, one map), as on the CLI; otherwise the same split as
    // the Labels dock's prompt field ("a; b": either finds it), so a promoted candidate finds what its
    // tile shows.
    label.ensemble = candidate.text.contains(QLatin1Char('|'));
    for (const QString& part : candidate.text.split(QLatin1Char(label.ensemble ? '|' : ';'))) {
        if (!part.trimmed().isEmpty()) {
            label.prompts << part.trimmed();
        }
    }
    return label;
}

double PromptLabModel::areaPercent(const cv::Mat& probability, double threshold) {
    if (probability.empty()) {
        return 0;
    }
    const cv::Mat above = probability > static_cast<float>(threshold);
    return 100.0 * cv::countNonZero(above) / static_cast<double>(probability.total());
}

int PromptLabModel::addCandidate(const QString& text) {
    const QString simplified = text.simplified();
    if (simplified.isEmpty()) {
        return -1;
    }
    for (const LabCandidate& c : std::as_const(candidates_)) {
        if (c.text == simplified) {
            return -1;
        }
    }
    LabCandidate c;
    c.id = LabelDefinition::newId();
    c.text = simplified;
    candidates_.append(c);
    const int row = static_cast<int>(candidates_.size()) - 1;
    emit candidateAdded(row);
    request({row});  // just this one: the image encoding is cached on the worker
    return row;
}

void PromptLabModel::removeCandidate(int row) {
    if (row < 0 || row >= candidates_.size()) {
        return;
    }
    candidates_.removeAt(row);  // a result still under way finds no candidate and is dropped
    emit candidateRemoved(row);
}

void PromptLabModel::clear() {
    candidates_.clear();
    emit reset();
}

void PromptLabModel::setImage(const QString& imagePath) {
    if (imagePath == image_) {
        return;
    }
    image_ = imagePath;
    forgetResults();  // maps of the old image mean nothing here
    emit reset();
    refresh();
}

void PromptLabModel::forgetResults() {
    QSet<quint64> cancelled;
    for (LabCandidate& c : candidates_) {
        if (c.pending != 0 && cancel_ && !cancelled.contains(c.pending)) {
            cancel_(c.pending);
            cancelled.insert(c.pending);
        }
        c = LabCandidate{c.id, c.text, {}, 0, 0, 0, {}, 0};
    }
}

void PromptLabModel::setActive(bool active) {
    if (active == active_) {
        return;
    }
    active_ = active;
    if (active_) {
        QVector<int> missing;
        for (int row = 0; row < candidates_.size(); ++row) {
            if (!candidates_[row].hasResult() && candidates_[row].pending == 0) {
                missing << row;
            }
        }
        request(missing);
    }
}

void PromptLabModel::refresh() {
    if (!active_) {
        forgetResults();  // decoded again when the lab shows
        emit reset();
        return;
    }
    QVector<int> rows;
    for (int row = 0; row < candidates_.size(); ++row) {
        rows << row;
    }
    request(rows);
}

void PromptLabModel::setThreshold(double threshold) {
    if (threshold == threshold_) {
        return;
    }
    threshold_ = threshold;
    for (int row = 0; row < candidates_.size(); ++row) {
        LabCandidate& c = candidates_[row];
        if (c.hasResult()) {
            c.areaPercent = areaPercent(c.probability, threshold_);
            emit candidateChanged(row);
        }
    }
    emit thresholdChanged(threshold_);
}

void PromptLabModel::request(const QVector<int>& rows) {
    if (!active_ || image_.isEmpty() || rows.isEmpty() || !submit_) {
        return;
    }
    QVector<LabelDefinition> labels;
    for (int row : rows) {
        labels << asLabel(candidates_[row]);
    }
    const quint64 id = submit_(image_, labels);  // one batch: one image encoding, one decode
    for (int row : rows) {
        candidates_[row].pending = id;
        candidates_[row].error.clear();
        emit candidateChanged(row);
    }
}

void PromptLabModel::applyOutcome(const SegmentationOutcome& outcome) {
    if (outcome.imagePath != image_) {
        return;  // asked for an image the user has left
    }
    const pm::StageTimings& t = outcome.timings;
    const double ms = t.encodePromptsMs + t.decodeMs + t.postprocessMs;
    for (int i = 0; i < outcome.labelIds.size() && i < static_cast<int>(outcome.probabilities.size()); ++i) {
        const int row = rowOf(outcome.labelIds[i]);
        if (row < 0 || candidates_[row].pending != outcome.requestId) {
            continue;  // removed, or a newer request for it is under way
        }
        LabCandidate& c = candidates_[row];
        c.pending = 0;
        c.probability = outcome.probabilities[static_cast<size_t>(i)];
        c.areaPercent = areaPercent(c.probability, threshold_);
        c.milliseconds = ms;
        c.batchSize = static_cast<int>(outcome.labelIds.size());
        c.error.clear();
        emit candidateChanged(row);
    }
}

void PromptLabModel::applyFailure(quint64 requestId, const QString& message) {
    for (int row = 0; row < candidates_.size(); ++row) {
        LabCandidate& c = candidates_[row];
        if (c.pending == requestId) {
            c.pending = 0;
            c.error = message;
            emit candidateChanged(row);
        }
    }
}

int PromptLabModel::rowOf(const QString& id) const {
    for (int row = 0; row < candidates_.size(); ++row) {
        if (candidates_[row].id == id) {
            return row;
        }
    }
    return -1;
}

int PromptLabModel::pendingCount() const {
    int n = 0;
    for (const LabCandidate& c : candidates_) {
        n += c.pending != 0 ? 1 : 0;
    }
    return n;
}

int PromptLabModel::resultCount() const {
    int n = 0;
    for (const LabCandidate& c : candidates_) {
        n += c.hasResult() ? 1 : 0;
    }
    return n;
}

}  // namespace pm::ui
