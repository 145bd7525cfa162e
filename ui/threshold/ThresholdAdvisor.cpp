#include "threshold/ThresholdAdvisor.h"

#include <QUndoStack>
#include <opencv2/core.hpp>

#include "commands/EditLabelCommand.h"
#include "document/ImageSession.h"
#include "document/LabelListModel.h"
#include "threshold/ThresholdDialog.h"

namespace pm::ui {

ThresholdAdvisor::ThresholdAdvisor(LabelListModel* labels, QUndoStack* undo, QWidget* window)
    : QObject(window), labels_(labels), undo_(undo), window_(window) {}

void ThresholdAdvisor::recordSaved(const ImageSession& session, const std::vector<pm::Instance>& saved) {
    const cv::Size size(session.image().width(), session.image().height());
    for (const LabelDefinition& label : labels_->labels()) {
        const cv::Mat probability = session.probability(label);
        if (probability.empty()) {
            continue;  // hidden or not segmented: this save says nothing about its threshold
        }
        cv::Mat mask = cv::Mat::zeros(size, CV_8U);
        for (const pm::Instance& instance : saved) {
            if (QString::fromStdString(instance.label) == label.name && instance.mask.size() == size) {
                mask |= instance.mask != 0;
            }
        }
        evidence_.record(session.path(), label, probability, mask);
    }
}

ThresholdDialog* ThresholdAdvisor::suggest(int row, const ImageSession& session) {
    if (row < 0 || row >= labels_->rowCount()) {
        return nullptr;
    }
    const LabelDefinition& label = labels_->label(row);
    ThresholdDialog::Suggestion s;
    s.label = label.name;
    s.current = label.threshold;
    const cv::Mat map = session.probability(label);
    if (!map.empty()) {
        s.otsu = pm::ThresholdSuggester::otsu(map);
    }
    s.learned = evidence_.learned(label);
    s.imagesWithLabel = evidence_.imagesWithLabel(label);
    s.minImages = ThresholdEvidence::kMinImages;
    if (dialog_) {
        dialog_->close();
    }
    dialog_ = new ThresholdDialog(s, window_);
    dialog_->setAttribute(Qt::WA_DeleteOnClose);
    const QString id = label.id;
    connect(dialog_, &ThresholdDialog::thresholdChosen, this, [this, id](double t) { accept(id, t); });
    dialog_->open();
    return dialog_;
}

void ThresholdAdvisor::accept(const QString& labelId, double threshold) {
    const int row = labels_->rowOfId(labelId);
    if (row < 0) {
        return;  // the label was removed while the dialog was open
    }
    const LabelDefinition before = labels_->label(row);
    LabelDefinition after = before;
    after.threshold = std::clamp(threshold, 0.0, 1.0);
    if (after == before) {
        return;
    }
    // A parent command never merges, so a slider drag before or after stays its own step.
    auto* step = new QUndoCommand(
        tr("Use suggested threshold %1 for \"%2\"").arg(after.threshold, 0, 'f', 3).arg(before.name));
    new EditLabelCommand(labels_, before, after, EditLabelCommand::Field::Threshold, step);
    undo_->push(step);
}

}  // namespace pm::ui
