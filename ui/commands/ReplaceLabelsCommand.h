#pragma once

#include <QUndoCommand>
#include <QVector>

#include "document/LabelDefinition.h"

namespace pm::ui {

class LabelListModel;

// Structural edits of the label list (add, remove, reorder) as a whole-list before/after snapshot;
// label lists are short and definitions implicitly shared, so this stays cheap. The model must
// outlive the command.
class ReplaceLabelsCommand : public QUndoCommand {
public:
    ReplaceLabelsCommand(LabelListModel* model, QVector<LabelDefinition> before,
                         QVector<LabelDefinition> after, const QString& text, QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

private:
    LabelListModel* model_;
    QVector<LabelDefinition> before_;
    QVector<LabelDefinition> after_;
};

}  // namespace pm::ui
