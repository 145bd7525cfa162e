#pragma once

#include <QGraphicsView>
#include <QVector>

class QGraphicsEllipseItem;
class QGraphicsPathItem;
class QGraphicsPixmapItem;
class QGraphicsRectItem;

namespace pm::ui {

// What a left click or drag on the canvas does.
enum class CanvasTool { Navigate, Box, Brush, Eraser, Polygon, Fill };

// The image with its label overlay. Zoom with the wheel (around the cursor), +/-, fit and 1:1; pan by
// dragging with the middle button or with space held. With the box tool, a left drag draws a box; with
// the brush or the eraser, a left drag draws a stroke (shown while drawn, with the brush outline
// under the cursor). With the polygon tool, clicks add corners and a drag traces freehand; a
// double-click, Enter or a click on the first corner closes it (with Shift held: to erase),
// Backspace takes the last corner back and Escape drops it. With the fill tool, a click names one
// pixel (with Shift held: to erase). Boxes, strokes, polygons and fill clicks leave in image pixels,
// never in view coordinates.
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
    void setTool(CanvasTool tool);
    CanvasTool tool() const { return tool_; }
    bool boxTool() const { return tool_ == CanvasTool::Box; }
    bool paintTool() const { return tool_ == CanvasTool::Brush || tool_ == CanvasTool::Eraser; }
    // Corners of the polygon being drawn (image pixels); empty when none is.
    const QVector<QPoint>& polygonCorners() const { return polygonPoints_; }
    // Brush and eraser radius in image pixels (0 = one pixel); stroke and polygon previews use `color`.
    void setBrushRadius(int radius);
    int brushRadius() const { return brushRadius_; }
    void setBrushColor(const QColor& color);

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
    void updateBrushOutline(const QPointF& scenePos);
    QPoint imagePixel(const QPointF& scenePos) const;
    void addPolygonCorner(const QPoint& imagePixel);
    void updatePolygonPreview(const QPointF& cursorScenePos);
    void finishPolygon(bool erase);
    void cancelPolygon();

    QGraphicsPixmapItem* image_;
    QGraphicsPixmapItem* overlay_;
    QGraphicsRectItem* box_;
    QGraphicsPathItem* stroke_;           // the stroke being drawn
    QGraphicsEllipseItem* brushOutline_;  // where the brush would paint
    QGraphicsPathItem* polygon_;          // the polygon being drawn, with a rubber band to the cursor
    QString placeholder_;
    bool fit_ = true;  // keep fitting on resize until the user zooms
    CanvasTool tool_ = CanvasTool::Navigate;
    int brushRadius_ = 8;
    QVector<QPoint> strokePoints_;
    QVector<QPoint> polygonPoints_;
    bool spaceHeld_ = false;
    bool panning_ = false;
    bool drawing_ = false;
    QPoint panFrom_;
    QPointF boxFrom_;
};

}  // namespace pm::ui
