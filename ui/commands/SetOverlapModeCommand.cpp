#include "commands/SetOverlapModeCommand.h"

#include "document/DatasetDocument.h"

namespace pm::ui {

SetOverlapModeCommand::SetOverlapModeCommand(DatasetDocument* document, OverlapMode before, OverlapMode after,
                                             QUndoCommand* parent)
    : QUndoCommand(after == OverlapMode::Exclusive ? tr("Make labels exclusive") : tr("Let labels overlap"),
                   parent),
      document_(document),
      before_(before),
      after_(after) {}

void SetOverlapModeCommand::redo() {
    document_->applyOverlapMode(after_);
}

void SetOverlapModeCommand::undo() {
    document_->applyOverlapMode(before_);
}

}  // namespace pm::ui
