#include "commands/PaintStrokeCommand.h"

#include "document/ImageSession.h"

namespace pm::ui {

PaintStrokeCommand::PaintStrokeCommand(ImageSession* session, Stroke stroke,
                                       std::function<void(const QString&)> changed, QUndoCommand* parent)
    : QUndoCommand(parent), session_(session), stroke_(std::move(stroke)), changed_(std::move(changed)) {
    setText(stroke_.erase ? tr("erase from %1").arg(stroke_.labelName)
                          : tr("paint %1").arg(stroke_.labelName));
}

void PaintStrokeCommand::redo() {
    apply(stroke_.after);
}

void PaintStrokeCommand::undo() {
    apply(stroke_.before);
}

void PaintStrokeCommand::apply(const cv::Mat& values) {
    session_->edits(stroke_.imagePath).setRegion(stroke_.labelId, stroke_.imageSize, stroke_.roi, values);
    if (changed_) {
        changed_(stroke_.imagePath);
    }
}

}  // namespace pm::ui
