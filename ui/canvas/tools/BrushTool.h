#pragma once

#include <QVector>

#include "canvas/tools/CanvasTool.h"

class QGraphicsEllipseItem;
class QGraphicsPathItem;

namespace pm::ui {

// The paint brush or, with `erase`, the eraser: a left drag draws a stroke of the view's brush radius,
// shown while drawn, with the brush outline under the cursor.
class BrushTool : public CanvasTool {
public:
    BrushTool(CanvasView* view, bool erase);

    bool erases() const { return erase_; }

    void mousePressed(QMouseEvent* event, const QPointF& scenePos) override;
    void mouseMoved(const QPointF& scenePos) override;
    bool mouseReleased(QMouseEvent* event) override;
    bool keyPressed(QKeyEvent* event) override;
    void cursorLeft() override;
    void reset() override;
    void styleChanged() override;

private:
    void updateOutline(const QPointF& scenePos);

    bool erase_;
    QGraphicsPathItem* stroke_;      // the stroke being drawn
    QGraphicsEllipseItem* outline_;  // where the brush would paint
    QVector<QPoint> points_;
    bool drawing_ = false;
};

}  // namespace pm::ui
