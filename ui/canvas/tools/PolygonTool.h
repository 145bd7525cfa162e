#pragma once

#include <QVector>

#include "canvas/tools/CanvasTool.h"

class QGraphicsPathItem;

namespace pm::ui {

// Clicks add corners and a drag traces freehand; a double-click, Enter or a click on the first corner
// closes the polygon (with Shift held: to erase), Backspace takes the last corner back and Escape
// drops it. The preview is filled with what closing now would cover.
class PolygonTool : public CanvasTool {
public:
    explicit PolygonTool(CanvasView* view);

    // Corners of the polygon being drawn (image pixels); empty when none is.
    const QVector<QPoint>& corners() const { return corners_; }

    void mousePressed(QMouseEvent* event, const QPointF& scenePos) override;
    void mouseMoved(const QPointF& scenePos) override;
    bool mouseReleased(QMouseEvent* event) override;
    bool mouseDoubleClicked(QMouseEvent* event) override;
    bool keyPressed(QKeyEvent* event) override;
    void reset() override;
    void styleChanged() override;

private:
    void addCorner(const QPoint& pixel);
    void updatePreview(const QPointF& cursorScenePos);
    void finish(bool erase);

    QGraphicsPathItem* preview_;  // the polygon being drawn, with a rubber band to the cursor
    QVector<QPoint> corners_;
    bool tracing_ = false;  // the button is down: moves add corners
};

}  // namespace pm::ui
