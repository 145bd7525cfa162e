#pragma once

#include <QGraphicsView>
#include <QVector>
#include <functional>

class QGraphicsPixmapItem;

namespace pm::ui {

class BoxTool;
class BrushTool;
class CanvasTool;
class FillTool;
class PolygonTool;

// The view's tools (canvas/tools/), one object each; none chosen means pan and zoom only.
struct CanvasTools {
    BoxTool* box = nullptr;
    BrushTool* brush = nullptr;
    BrushTool* eraser = nullptr;
    PolygonTool* polygon = nullptr;
    FillTool* fill = nullptr;
};

// The image with its label overlay. Zoom with the wheel (around the cursor), +/-, fit and 1:1; pan by
// dragging with the middle button or with space held. A left click or drag goes to the chosen tool
// (box, brush, eraser, polygon, fill), which reports what was drawn through the signals below. Boxes,
// strokes, polygons and fill clicks leave in image pixels, never in view coordinates.
class CanvasView : public QGraphicsView {
    Q_OBJECT
public:
    explicit CanvasView(QWidget* parent = nullptr);

    void setImage(const QImage& image);
    void clearImage();
    bool hasImage() const;
    QSize imageSize() const;
    void setOverlay(const QImage& overlay);
    void setOverlayVisible(bool visible);
    bool isOverlayVisible() const;
    void setPlaceholderText(const QString& text);
    QRect imageRect() const { return QRect(QPoint(0, 0), imageSize()); }
    const CanvasTools& tools() const { return tools_; }
    // nullptr: no tool, the left button does nothing but pan with space held.
    void setTool(CanvasTool* tool);
    CanvasTool* tool() const { return tool_; }
    // Brush and eraser radius in image pixels (0 = one pixel); stroke and polygon previews use `color`.
    void setBrushRadius(int radius);
    int brushRadius() const { return brushRadius_; }
    void setBrushColor(const QColor& color);
    QColor brushColor() const { return brushColor_; }
    // A tool may show where it would act (the brush outline): an image is shown and nobody pans.
    bool showsToolCursor() const { return hasImage() && !panning_ && !spaceHeld_; }

    double zoom() const;
    void zoomBy(double factor);
    void zoomIn() { zoomBy(1.25); }
    void zoomOut() { zoomBy(0.8); }
    void fitToWindow();
    void actualSize();

signals:
    void cursorMoved(const QPoint& imagePixel);
    void cursorLeft();
    void boxDrawn(const QRect& imageBox);
    // A finished brush or eraser stroke: the path through the pixels the cursor passed, in order.
    void strokeDrawn(const QVector<QPoint>& imagePoints, int radius, bool erase);
    // A closed polygon: its corners in order (at least 3), to paint or, with `erase`, to cut out.
    void polygonDrawn(const QVector<QPoint>& imagePoints, bool erase);
    // A click with the fill tool on an image pixel.
    void fillClicked(const QPoint& imagePixel, bool erase);
    void zoomChanged(double zoom);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    void updateCursor();
    void resetTools();
    void forEachTool(const std::function<void(CanvasTool*)>& f) const;

    QGraphicsPixmapItem* image_;
    QGraphicsPixmapItem* overlay_;
    QString placeholder_;
    bool fit_ = true;  // keep fitting on resize until the user zooms
    CanvasTools tools_;
    CanvasTool* tool_ = nullptr;
    int brushRadius_ = 8;
    QColor brushColor_{255, 255, 255};
    bool spaceHeld_ = false;
    bool panning_ = false;
    QPoint panFrom_;
};

}  // namespace pm::ui
