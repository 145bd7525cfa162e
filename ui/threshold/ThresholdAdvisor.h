#pragma once

#include <QObject>
#include <QPointer>
#include <vector>

#include "annotation/Dataset.h"
#include "threshold/ThresholdEvidence.h"

class QUndoStack;
class QWidget;

namespace pm::ui {

class ImageSession;
class LabelListModel;
class ThresholdDialog;

// Threshold suggestions in the GUI: collects evidence when an image is saved, opens the suggestion
// dialog for a label, and turns the user's choice into one undo step (never merged with a slider drag,
// so one Ctrl+Z restores the threshold the label had before).
class ThresholdAdvisor : public QObject {
    Q_OBJECT
public:
    ThresholdAdvisor(LabelListModel* labels, QUndoStack* undo, QWidget* window);

    // After `session`'s image was saved with `saved` instances: each label's map against its saved mask.
    void recordSaved(const ImageSession& session, const std::vector<pm::Instance>& saved);

    // Opens the dialog for the label in `row` (Otsu on `session`'s map for it); null for a bad row.
    ThresholdDialog* suggest(int row, const ImageSession& session);

    // Sets the label's threshold as one undoable step.
    void accept(const QString& labelId, double threshold);

    const ThresholdEvidence& evidence() const { return evidence_; }

private:
    LabelListModel* labels_;
    QUndoStack* undo_;
    QWidget* window_;
    ThresholdEvidence evidence_;
    QPointer<ThresholdDialog> dialog_;
};

}  // namespace pm::ui
