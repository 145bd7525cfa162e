#pragma once

#include <QCoreApplication>
#include <QUndoCommand>
#include <functional>
#include <opencv2/core/mat.hpp>

namespace pm::ui {

class ImageSession;

// One brush or eraser stroke as an undoable before/after copy of the touched rectangle of one label's
// edit map. It names its image, so undoing it after moving to another image still changes the right
// one; `changed` is told which image changed. The session must outlive the command.
class PaintStrokeCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(PaintStrokeCommand)

public:
    struct Stroke {
        QString imagePath;
        QString labelId;
        QString labelName;
        cv::Size imageSize;
        cv::Rect roi;
        cv::Mat before;  // edit-map values inside roi before the stroke
        cv::Mat after;   // and after it
        bool erase = false;
    };

    PaintStrokeCommand(ImageSession* session, Stroke stroke, std::function<void(const QString&)> changed,
                       QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

private:
    void apply(const cv::Mat& values);

    ImageSession* session_;
    Stroke stroke_;
    std::function<void(const QString&)> changed_;
};

}  // namespace pm::ui
