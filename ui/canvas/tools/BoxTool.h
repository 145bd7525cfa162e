#pragma once

#include "canvas/tools/CanvasTool.h"

class QGraphicsRectItem;

namespace pm::ui {

// A left drag draws a box (a visual prompt); boxes smaller than a few pixels are clicks and dropped.
class BoxTool : public CanvasTool {
public:
    explicit BoxTool(CanvasView* view);

    void mousePressed(QMouseEvent* event, const QPointF& scenePos) override;
    void mouseMoved(const QPointF& scenePos) override;
    bool mouseReleased(QMouseEvent* event) override;
    bool keyPressed(QKeyEvent* event) override;
    void reset() override;

private:
    QGraphicsRectItem* box_;
    QPointF from_;
    bool drawing_ = false;
};

}  // namespace pm::ui
