#pragma once

#include <QCoreApplication>
#include <QUndoCommand>

#include "document/LabelDefinition.h"

namespace pm::ui {

class LabelListModel;

// One edit of one label (name, colour, prompts, exemplars, threshold, visibility) as an undoable
// before/after snapshot. Consecutive edits of the same field of the same label (a threshold slider
// drag, typing a name) merge into one step. The model must outlive the command.
class EditLabelCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(EditLabelCommand)

public:
    enum class Field { Name, Color, Prompts, Exemplars, Threshold, Visible, Other };

    EditLabelCommand(LabelListModel* model, const LabelDefinition& before, const LabelDefinition& after,
                     Field field, QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;
    int id() const override { return 0x4c42; }
    bool mergeWith(const QUndoCommand* other) override;

    Field field() const { return field_; }

private:
    void apply(const LabelDefinition& value);
    static QString describe(Field field, const LabelDefinition& label);

    LabelListModel* model_;
    LabelDefinition before_;
    LabelDefinition after_;
    Field field_;
};

}  // namespace pm::ui
