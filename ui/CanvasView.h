#pragma once

#include <QGraphicsView>

class QGraphicsPixmapItem;
class QGraphicsRectItem;

namespace pm::ui {

// The image with its label overlay. Zoom with the wheel (around the cursor), +/-, fit and 1:1; pan by
// dragging with the middle button or with space held; with the box tool on, a left drag draws a box
// (emitted in image pixels). Positions leave in image pixels, never in view coordinates.
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
    void setBoxTool(bool on);
    bool boxTool() const { return boxTool_; }

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
    void zoomChanged(double zoom);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    void updateCursor();

    QGraphicsPixmapItem* image_;
    QGraphicsPixmapItem* overlay_;
    QGraphicsRectItem* box_;
    QString placeholder_;
    bool fit_ = true;  // keep fitting on resize until the user zooms
    bool boxTool_ = false;
    bool spaceHeld_ = false;
    bool panning_ = false;
    bool drawing_ = false;
    QPoint panFrom_;
    QPointF boxFrom_;
};

}  // namespace pm::ui
