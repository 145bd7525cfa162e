#pragma once

#include <QCoreApplication>
#include <QPoint>
#include <QRect>
#include <QVector>
#include <functional>
#include <opencv2/core/types.hpp>

#include "commands/EditLabelCommand.h"
#include "document/LabelDefinition.h"
#include "document/MaskEdits.h"
#include "document/OverlapMode.h"

class QUndoCommand;

namespace pm::ui {

class DatasetDocument;

// The one place edits of a dataset are made (as Subsurface's commands/): each method builds the undo
// command and pushes it on the document's stack, and the command's redo() makes the change, so undo
// and redo replay exactly what the user did. Docks and the window call these; they never build
// QUndoCommands. `row` -1 means "a new label": it is added in the same undo step as the drawing.
// Methods that draw return the label's row, or -1 when nothing was done (the reason is a message).
class DocumentCommands {
    Q_DECLARE_TR_FUNCTIONS(DocumentCommands)

public:
    explicit DocumentCommands(DatasetDocument& document);

    int addLabel(const QString& name = {});
    void removeLabel(int row);
    void moveLabel(int row, int target);
    // One edit of a label's `field`; nothing is pushed when `change` leaves it as it was.
    void editLabel(int row, EditLabelCommand::Field field,
                   const std::function<void(LabelDefinition&)>& change);
    // A suggested threshold the user accepted: its own undo step, never merged with a slider drag, so
    // one Ctrl+Z restores the threshold the label had just before.
    void acceptThreshold(int row, double threshold);
    int addExemplar(int row, const QRect& box, pm::VisualPromptMode mode);
    int paintStroke(int row, const QVector<QPoint>& points, int radius, bool erase);
    int paintPolygon(int row, const QVector<QPoint>& corners, bool erase);
    // Fills the hole of the label's mask around `pixel` (erase: removes the part around it).
    int fill(int row, const QPoint& pixel, bool erase);
    // Removes every brush edit of the image shown, as one undo step; false when it has none.
    bool clearBrushEdits();
    void setOverlapMode(OverlapMode mode);

private:
    using Draw = std::function<void(MaskEdits&, const QString& labelId, cv::Size size)>;
    // One drawing on the label at `row` (new when -1) of the current image, as one undo step:
    // `bounds` gives the rectangle it can change, `draw` what it does to an edit map.
    int draw(int row, bool erase, const std::function<cv::Rect(cv::Size)>& bounds, const Draw& draw);
    // The label at `row`, or a new one (added by a child of `parent`) when row is -1.
    LabelDefinition labelFor(int row, QUndoCommand* parent);
    void push(QUndoCommand* command);

    DatasetDocument& document_;
};

}  // namespace pm::ui
