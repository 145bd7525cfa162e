#pragma once

#include <QCoreApplication>
#include <QString>

class QUndoCommand;

namespace pm::ui {

class LabelListModel;

// Turns a Prompt lab candidate into a change of the label list, as one undo step each: a whole-list
// snapshot (ReplaceLabelsCommand), which never merges with the step before, so one Ctrl+Z takes back
// exactly one click. Widget-free; the caller pushes the command on the window's undo stack.
class CandidatePromoter {
    Q_DECLARE_TR_FUNCTIONS(CandidatePromoter)

public:
    // A new label named after the candidate, prompted by it, at the lab's threshold.
    static QUndoCommand* newLabel(LabelListModel* labels, const QString& text, double threshold);
    // One more prompt for an existing label (OR-ed with its others). A label prompted by its name
    // keeps the name as a prompt. nullptr when the label is gone or already has that prompt.
    static QUndoCommand* addPrompt(LabelListModel* labels, const QString& labelId, const QString& text);
};

}  // namespace pm::ui
