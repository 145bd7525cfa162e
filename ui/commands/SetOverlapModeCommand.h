#pragma once

#include <QCoreApplication>
#include <QUndoCommand>

#include "document/OverlapMode.h"

namespace pm::ui {

class DatasetDocument;

// A change of how overlapping labels are shown and saved (exclusive or overlapping), as an undo step:
// it changes every mask on screen. The document must outlive the command.
class SetOverlapModeCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(SetOverlapModeCommand)

public:
    SetOverlapModeCommand(DatasetDocument* document, OverlapMode before, OverlapMode after,
                          QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

private:
    DatasetDocument* document_;
    OverlapMode before_;
    OverlapMode after_;
};

}  // namespace pm::ui
