#pragma once

#include <QObject>
#include <QPoint>
#include <QPointF>

class QKeyEvent;
class QMouseEvent;

namespace pm::ui {

class CanvasView;

// What a left click or drag on the canvas does, as an object (one per tool, owned by the view, as
// Tiled's AbstractTool). The view handles panning, zooming and the cursor; it hands a tool the left
// button only while an image is shown, and every move. A tool keeps its own preview items in the
// view's scene and reports what was drawn through the view's signals, in image pixels.
class CanvasTool : public QObject {
    Q_OBJECT
public:
    explicit CanvasTool(CanvasView* view);

    virtual void mousePressed(QMouseEvent* event, const QPointF& scenePos) = 0;
    virtual void mouseMoved(const QPointF& scenePos) { Q_UNUSED(scenePos); }
    // True when the release ended something this tool started.
    virtual bool mouseReleased(QMouseEvent* event) {
        Q_UNUSED(event);
        return false;
    }
    virtual bool mouseDoubleClicked(QMouseEvent* event) {
        Q_UNUSED(event);
        return false;
    }
    virtual bool keyPressed(QKeyEvent* event) {
        Q_UNUSED(event);
        return false;
    }
    virtual void cursorLeft() {}
    // Drops whatever is half drawn: another tool was chosen or another image is shown.
    virtual void reset() {}
    // The brush radius or colour changed.
    virtual void styleChanged() {}

protected:
    static QPoint imagePixel(const QPointF& scenePos);
    static QPointF pixelCentre(const QPoint& pixel) { return QPointF(pixel) + QPointF(0.5, 0.5); }

    CanvasView* view_;
};

}  // namespace pm::ui
