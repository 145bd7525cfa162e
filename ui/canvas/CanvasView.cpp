#include "canvas/CanvasView.h"

#include <QCursor>
#include <QGraphicsEllipseItem>
#include <QGraphicsPathItem>
#include <QGraphicsPixmapItem>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>
#include <utility>

namespace pm::ui {

namespace {
constexpr double kMinZoom = 0.02;
constexpr double kMaxZoom = 64.0;
constexpr int kMinBox = 4;         // pixels; smaller drags are clicks, not boxes
constexpr int kCloseDistance = 8;  // view pixels: a click this near the first corner closes a polygon

QPointF pixelCentre(const QPoint& p) {
    return QPointF(p) + QPointF(0.5, 0.5);
}
}  // namespace

CanvasView::CanvasView(QWidget* parent)
    : QGraphicsView(parent),
      image_(new QGraphicsPixmapItem),
      overlay_(new QGraphicsPixmapItem),
      box_(new QGraphicsRectItem),
      stroke_(new QGraphicsPathItem),
      brushOutline_(new QGraphicsEllipseItem),
      polygon_(new QGraphicsPathItem) {
    setObjectName(QStringLiteral("canvas"));
    auto* scene = new QGraphicsScene(this);
    scene->addItem(image_);
    scene->addItem(overlay_);
    scene->addItem(box_);
    scene->addItem(stroke_);
    scene->addItem(brushOutline_);
    scene->addItem(polygon_);
    setScene(scene);
    overlay_->setZValue(1);
    box_->setZValue(2);
    stroke_->setZValue(2);
    brushOutline_->setZValue(3);
    polygon_->setZValue(2);
    polygon_->hide();
    stroke_->hide();
    QPen outline(QColor(255, 255, 255), 0);
    outline.setCosmetic(true);
    brushOutline_->setPen(outline);
    brushOutline_->hide();
    setBrushColor(QColor(255, 255, 255));
    QPen pen(QColor(255, 255, 255), 0, Qt::DashLine);
    pen.setCosmetic(true);
    box_->setPen(pen);
    box_->setBrush(QColor(255, 255, 255, 40));
    box_->hide();
    image_->setTransformationMode(Qt::FastTransformation);  // crisp pixels when zoomed in
    overlay_->setTransformationMode(Qt::FastTransformation);
    setBackgroundBrush(QColor(0x30, 0x30, 0x33));
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setDragMode(QGraphicsView::NoDrag);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
}

void CanvasView::setImage(const QImage& image) {
    image_->setPixmap(QPixmap::fromImage(image));
    overlay_->setPixmap(QPixmap());
    box_->hide();
    cancelPolygon();  // its corners belong to the image it was drawn on
    scene()->setSceneRect(QRectF(QPointF(0, 0), image.size()));
    if (fit_ || !hasImage()) {
        fitToWindow();
    }
    viewport()->update();
}

void CanvasView::clearImage() {
    cancelPolygon();
    image_->setPixmap(QPixmap());
    overlay_->setPixmap(QPixmap());
    scene()->setSceneRect(QRectF());
    viewport()->update();
}

bool CanvasView::hasImage() const {
    return !image_->pixmap().isNull();
}

QSize CanvasView::imageSize() const {
    return image_->pixmap().size();
}

void CanvasView::setOverlay(const QImage& overlay) {
    overlay_->setPixmap(overlay.isNull() ? QPixmap() : QPixmap::fromImage(overlay));
}

void CanvasView::setOverlayVisible(bool visible) {
    overlay_->setVisible(visible);
}

bool CanvasView::isOverlayVisible() const {
    return overlay_->isVisible();
}

void CanvasView::setPlaceholderText(const QString& text) {
    placeholder_ = text;
    viewport()->update();
}

void CanvasView::setTool(CanvasTool tool) {
    tool_ = tool;
    drawing_ = false;
    box_->hide();
    stroke_->hide();
    strokePoints_.clear();
    cancelPolygon();
    if (!paintTool()) {
        brushOutline_->hide();
    }
    updateCursor();
}

void CanvasView::setBrushRadius(int radius) {
    brushRadius_ = std::clamp(radius, 0, 500);
    QPen pen = stroke_->pen();
    pen.setWidthF(2 * brushRadius_ + 1);
    stroke_->setPen(pen);
    if (brushOutline_->isVisible()) {
        updateBrushOutline(brushOutline_->rect().center());
    }
}

void CanvasView::setBrushColor(const QColor& color) {
    QColor c = color;
    c.setAlpha(140);
    QPen pen(c, 2 * brushRadius_ + 1, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    stroke_->setPen(pen);
    QPen edge(color, 1.5, Qt::DashLine);  // dashed: not applied yet
    edge.setCosmetic(true);               // the same width at every zoom
    polygon_->setPen(edge);
    c.setAlpha(90);
    polygon_->setBrush(c);
}

void CanvasView::addPolygonCorner(const QPoint& p) {
    if (polygonPoints_.isEmpty() || polygonPoints_.back() != p) {
        polygonPoints_.push_back(p);
    }
    updatePolygonPreview(pixelCentre(p));
}

void CanvasView::updatePolygonPreview(const QPointF& cursorScenePos) {
    if (polygonPoints_.isEmpty()) {
        polygon_->hide();
        return;
    }
    QPainterPath path(pixelCentre(polygonPoints_.front()));
    for (qsizetype i = 1; i < polygonPoints_.size(); ++i) {
        path.lineTo(pixelCentre(polygonPoints_[i]));
    }
    path.lineTo(cursorScenePos);
    path.closeSubpath();  // the fill shows what closing now would cover
    polygon_->setPath(path);
    polygon_->show();
}

void CanvasView::finishPolygon(bool erase) {
    const QVector<QPoint> corners = std::exchange(polygonPoints_, {});
    drawing_ = false;
    polygon_->hide();
    if (corners.size() >= 3) {
        emit polygonDrawn(corners, erase);
    }
}

void CanvasView::cancelPolygon() {
    polygonPoints_.clear();
    polygon_->hide();
}

QPoint CanvasView::imagePixel(const QPointF& scenePos) const {
    return QPoint(static_cast<int>(std::floor(scenePos.x())), static_cast<int>(std::floor(scenePos.y())));
}

void CanvasView::updateBrushOutline(const QPointF& scenePos) {
    if (!paintTool() || !hasImage() || panning_ || spaceHeld_) {
        brushOutline_->hide();
        return;
    }
    // Centred on the pixel under the cursor, as the stroke will be.
    const QPoint p = imagePixel(scenePos);
    const double r = brushRadius_ + 0.5;
    brushOutline_->setRect(QRectF(p.x() + 0.5 - r, p.y() + 0.5 - r, 2 * r, 2 * r));
    brushOutline_->show();
}

double CanvasView::zoom() const {
    return transform().m11();
}

void CanvasView::zoomBy(double factor) {
    const double target = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
    fit_ = false;
    scale(target / zoom(), target / zoom());
    emit zoomChanged(zoom());
}

void CanvasView::fitToWindow() {
    fit_ = true;
    if (hasImage()) {
        fitInView(image_, Qt::KeepAspectRatio);
    }
    emit zoomChanged(zoom());
}

void CanvasView::actualSize() {
    fit_ = false;
    setTransform(QTransform());
    emit zoomChanged(zoom());
}

void CanvasView::wheelEvent(QWheelEvent* event) {
    if (!hasImage()) {
        return;
    }
    const double steps = event->angleDelta().y() / 120.0;
    if (steps != 0.0) {
        zoomBy(std::pow(1.2, steps));
    }
    event->accept();
}

void CanvasView::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && spaceHeld_)) {
        panning_ = true;
        panFrom_ = event->position().toPoint();
        updateCursor();
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton && tool_ == CanvasTool::Box && hasImage()) {
        drawing_ = true;
        boxFrom_ = mapToScene(event->position().toPoint());
        box_->setRect(QRectF(boxFrom_, boxFrom_));
        box_->show();
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton && tool_ == CanvasTool::Polygon && hasImage()) {
        const QPoint viewPos = event->position().toPoint();
        if (polygonPoints_.size() >= 3 &&
            (mapFromScene(pixelCentre(polygonPoints_.front())) - viewPos).manhattanLength() <=
                kCloseDistance) {
            finishPolygon(event->modifiers().testFlag(Qt::ShiftModifier));
        } else {
            drawing_ = true;  // a drag from here traces freehand
            addPolygonCorner(imagePixel(mapToScene(viewPos)));
        }
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton && tool_ == CanvasTool::Fill && hasImage()) {
        const QPoint p = imagePixel(mapToScene(event->position().toPoint()));
        if (QRect(QPoint(0, 0), imageSize()).contains(p)) {
            emit fillClicked(p, event->modifiers().testFlag(Qt::ShiftModifier));
        }
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton && paintTool() && hasImage()) {
        drawing_ = true;
        const QPoint p = imagePixel(mapToScene(event->position().toPoint()));
        strokePoints_ = {p};
        QPainterPath path(QPointF(p) + QPointF(0.5, 0.5));
        path.lineTo(QPointF(p) + QPointF(0.5, 0.5));
        stroke_->setPath(path);
        stroke_->show();
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void CanvasView::mouseMoveEvent(QMouseEvent* event) {
    const QPoint pos = event->position().toPoint();
    if (panning_) {
        const QPoint delta = pos - panFrom_;
        panFrom_ = pos;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        fit_ = false;
    }
    const QPointF scenePos = mapToScene(pos);
    if (tool_ == CanvasTool::Polygon) {
        if (drawing_) {
            addPolygonCorner(imagePixel(scenePos));
        } else {
            updatePolygonPreview(scenePos);
        }
    } else if (drawing_ && tool_ == CanvasTool::Box) {
        box_->setRect(QRectF(boxFrom_, scenePos).normalized().intersected(image_->boundingRect()));
    } else if (drawing_) {
        const QPoint p = imagePixel(scenePos);
        if (p != strokePoints_.back()) {
            strokePoints_.push_back(p);
            QPainterPath path = stroke_->path();
            path.lineTo(QPointF(p) + QPointF(0.5, 0.5));
            stroke_->setPath(path);
        }
    }
    updateBrushOutline(scenePos);
    if (hasImage() && image_->boundingRect().contains(scenePos)) {
        emit cursorMoved(imagePixel(scenePos));
    } else {
        emit cursorLeft();
    }
    QGraphicsView::mouseMoveEvent(event);
}

void CanvasView::mouseReleaseEvent(QMouseEvent* event) {
    if (panning_ && (event->button() == Qt::MiddleButton || event->button() == Qt::LeftButton)) {
        panning_ = false;
        updateCursor();
        return;
    }
    if (event->button() == Qt::LeftButton && tool_ == CanvasTool::Polygon) {
        drawing_ = false;  // the corners stay until the polygon is closed
        return;
    }
    if (drawing_ && event->button() == Qt::LeftButton && tool_ != CanvasTool::Box) {
        drawing_ = false;
        stroke_->hide();
        const QVector<QPoint> points = std::exchange(strokePoints_, {});
        emit strokeDrawn(points, brushRadius_, tool_ == CanvasTool::Eraser);
        return;
    }
    if (drawing_ && event->button() == Qt::LeftButton) {
        drawing_ = false;
        const QRect box = box_->rect().toAlignedRect().intersected(QRect(QPoint(0, 0), imageSize()));
        box_->hide();
        if (box.width() >= kMinBox && box.height() >= kMinBox) {
            emit boxDrawn(box);
        }
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void CanvasView::mouseDoubleClickEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton && tool_ == CanvasTool::Polygon && !polygonPoints_.isEmpty()) {
        // The press before it already added this corner (once: equal corners are not repeated).
        finishPolygon(event->modifiers().testFlag(Qt::ShiftModifier));
        event->accept();
        return;
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void CanvasView::keyPressEvent(QKeyEvent* event) {
    if (!polygonPoints_.isEmpty()) {
        switch (event->key()) {
            case Qt::Key_Return:
            case Qt::Key_Enter:
                finishPolygon(event->modifiers().testFlag(Qt::ShiftModifier));
                event->accept();
                return;
            case Qt::Key_Backspace:
                polygonPoints_.pop_back();
                updatePolygonPreview(mapToScene(viewport()->mapFromGlobal(QCursor::pos())));
                event->accept();
                return;
            case Qt::Key_Escape:
                drawing_ = false;
                cancelPolygon();
                event->accept();
                return;
            default:
                break;
        }
    }
    if (event->key() == Qt::Key_Space) {
        if (!event->isAutoRepeat()) {
            spaceHeld_ = true;
            updateCursor();
        }
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Escape && drawing_) {
        drawing_ = false;  // the box or stroke is dropped
        box_->hide();
        stroke_->hide();
        strokePoints_.clear();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void CanvasView::keyReleaseEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        spaceHeld_ = false;
        updateCursor();
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void CanvasView::leaveEvent(QEvent* event) {
    brushOutline_->hide();
    emit cursorLeft();
    QGraphicsView::leaveEvent(event);
}

void CanvasView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    if (fit_ && hasImage()) {
        fitInView(image_, Qt::KeepAspectRatio);
        emit zoomChanged(zoom());
    }
}

void CanvasView::paintEvent(QPaintEvent* event) {
    QGraphicsView::paintEvent(event);
    if (hasImage() || placeholder_.isEmpty()) {
        return;
    }
    QPainter p(viewport());
    p.setPen(QColor(0xc8, 0xc8, 0xcc));
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 1.15);
    p.setFont(f);
    p.drawText(viewport()->rect().adjusted(40, 40, -40, -40), Qt::AlignCenter | Qt::TextWordWrap,
               placeholder_);
}

void CanvasView::updateCursor() {
    if (panning_) {
        viewport()->setCursor(Qt::ClosedHandCursor);
    } else if (spaceHeld_) {
        viewport()->setCursor(Qt::OpenHandCursor);
    } else if (tool_ != CanvasTool::Navigate) {
        viewport()->setCursor(Qt::CrossCursor);
    } else {
        viewport()->unsetCursor();
    }
}

}  // namespace pm::ui
