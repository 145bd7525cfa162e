#include "canvas/CanvasView.h"

#include <QGraphicsPixmapItem>
#include <QGraphicsScene>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "canvas/tools/BoxTool.h"
#include "canvas/tools/BrushTool.h"
#include "canvas/tools/FillTool.h"
#include "canvas/tools/PolygonTool.h"
#include "util/LatencyTrace.h"

namespace pm::ui {

namespace {
constexpr double kMinZoom = 0.02;
constexpr double kMaxZoom = 64.0;
}  // namespace

CanvasView::CanvasView(QWidget* parent)
    : QGraphicsView(parent), image_(new QGraphicsPixmapItem), overlay_(new QGraphicsPixmapItem) {
    setObjectName(QStringLiteral("canvas"));
    auto* scene = new QGraphicsScene(this);
    scene->addItem(image_);
    scene->addItem(overlay_);
    setScene(scene);
    overlay_->setZValue(1);
    tools_.box = new BoxTool(this);
    tools_.brush = new BrushTool(this, false);
    tools_.eraser = new BrushTool(this, true);
    tools_.polygon = new PolygonTool(this);
    tools_.fill = new FillTool(this);
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
    resetTools();  // what is half drawn belongs to the image it was drawn on
    scene()->setSceneRect(QRectF(QPointF(0, 0), image.size()));
    if (fit_ || !hasImage()) {
        fitToWindow();
    }
    viewport()->update();
}

void CanvasView::clearImage() {
    resetTools();
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

void CanvasView::forEachTool(const std::function<void(CanvasTool*)>& f) const {
    for (CanvasTool* tool : std::initializer_list<CanvasTool*>{tools_.box, tools_.brush, tools_.eraser,
                                                               tools_.polygon, tools_.fill}) {
        f(tool);
    }
}

void CanvasView::resetTools() {
    forEachTool([](CanvasTool* tool) { tool->reset(); });
}

void CanvasView::setTool(CanvasTool* tool) {
    tool_ = tool;
    resetTools();
    updateCursor();
}

void CanvasView::setBrushRadius(int radius) {
    brushRadius_ = std::clamp(radius, 0, 500);
    forEachTool([](CanvasTool* tool) { tool->styleChanged(); });
}

void CanvasView::setBrushColor(const QColor& color) {
    brushColor_ = color;
    forEachTool([](CanvasTool* tool) { tool->styleChanged(); });
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
    if (event->button() == Qt::LeftButton && tool_ && hasImage()) {
        tool_->mousePressed(event, mapToScene(event->position().toPoint()));
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
    if (tool_) {
        tool_->mouseMoved(scenePos);
    }
    if (hasImage() && image_->boundingRect().contains(scenePos)) {
        emit cursorMoved(
            QPoint(static_cast<int>(std::floor(scenePos.x())), static_cast<int>(std::floor(scenePos.y()))));
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
    if (event->button() == Qt::LeftButton && tool_ && tool_->mouseReleased(event)) {
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void CanvasView::mouseDoubleClickEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton && tool_ && tool_->mouseDoubleClicked(event)) {
        event->accept();
        return;
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void CanvasView::keyPressEvent(QKeyEvent* event) {
    if (tool_ && tool_->keyPressed(event)) {
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Space) {
        if (!event->isAutoRepeat()) {
            spaceHeld_ = true;
            updateCursor();
        }
        event->accept();
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
    if (tool_) {
        tool_->cursorLeft();
    }
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
    LatencyTrace::painted();  // a result set before this paint is now on screen (off unless traced)
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
    } else if (tool_) {
        viewport()->setCursor(Qt::CrossCursor);
    } else {
        viewport()->unsetCursor();
    }
}

}  // namespace pm::ui
