#include "commands/EditLabelCommand.h"

#include "document/LabelListModel.h"

namespace pm::ui {

EditLabelCommand::EditLabelCommand(LabelListModel* model, const LabelDefinition& before,
                                   const LabelDefinition& after, Field field, QUndoCommand* parent)
    : QUndoCommand(describe(field, after), parent),
      model_(model),
      before_(before),
      after_(after),
      field_(field) {}

void EditLabelCommand::redo() {
    apply(after_);
}

void EditLabelCommand::undo() {
    apply(before_);
}

bool EditLabelCommand::mergeWith(const QUndoCommand* other) {
    const auto* o = static_cast<const EditLabelCommand*>(other);
    const bool mergeable = field_ == Field::Threshold || field_ == Field::Name || field_ == Field::Color;
    if (!mergeable || o->field_ != field_ || o->after_.id != after_.id) {
        return false;
    }
    after_ = o->after_;
    setText(describe(field_, after_));
    return true;
}

void EditLabelCommand::apply(const LabelDefinition& value) {
    const int row = model_->rowOfId(value.id);
    if (row >= 0) {
        model_->setLabel(row, value);
    }
}

QString EditLabelCommand::describe(Field field, const LabelDefinition& label) {
    switch (field) {
        case Field::Name:
            return tr("Rename label to \"%1\"").arg(label.name);
        case Field::Color:
            return tr("Change colour of \"%1\"").arg(label.name);
        case Field::Prompts:
            return tr("Change prompts of \"%1\"").arg(label.name);
        case Field::Exemplars:
            return tr("Change visual prompts of \"%1\"").arg(label.name);
        case Field::Threshold:
            return tr("Set threshold of \"%1\" to %2").arg(label.name).arg(label.threshold, 0, 'f', 2);
        case Field::Visible:
            return label.visible ? tr("Show \"%1\"").arg(label.name) : tr("Hide \"%1\"").arg(label.name);
        case Field::Other:
            break;
    }
    return tr("Edit \"%1\"").arg(label.name);
}

}  // namespace pm::ui
