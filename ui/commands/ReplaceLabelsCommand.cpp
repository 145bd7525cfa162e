#include "commands/ReplaceLabelsCommand.h"

#include "document/LabelListModel.h"

namespace pm::ui {

ReplaceLabelsCommand::ReplaceLabelsCommand(LabelListModel* model, QVector<LabelDefinition> before,
                                           QVector<LabelDefinition> after, const QString& text,
                                           QUndoCommand* parent)
    : QUndoCommand(text, parent), model_(model), before_(std::move(before)), after_(std::move(after)) {}

void ReplaceLabelsCommand::redo() {
    model_->setLabels(after_);
}

void ReplaceLabelsCommand::undo() {
    model_->setLabels(before_);
}

}  // namespace pm::ui
