#include "canvas/tools/PolygonTool.h"

#include <QCursor>
#include <QGraphicsPathItem>
#include <QGraphicsScene>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainterPath>
#include <QPen>
#include <utility>

#include "canvas/CanvasView.h"

namespace pm::ui {

namespace {
constexpr int kCloseDistance = 8;  // view pixels: a click this near the first corner closes a polygon
}

PolygonTool::PolygonTool(CanvasView* view) : CanvasTool(view), preview_(new QGraphicsPathItem) {
    view->scene()->addItem(preview_);
    preview_->setZValue(2);
    preview_->hide();
    styleChanged();
}

void PolygonTool::mousePressed(QMouseEvent* event, const QPointF& scenePos) {
    const QPoint viewPos = event->position().toPoint();
    if (corners_.size() >= 3 &&
        (view_->mapFromScene(pixelCentre(corners_.front())) - viewPos).manhattanLength() <= kCloseDistance) {
        finish(event->modifiers().testFlag(Qt::ShiftModifier));
    } else {
        tracing_ = true;  // a drag from here traces freehand
        addCorner(imagePixel(scenePos));
    }
}

void PolygonTool::mouseMoved(const QPointF& scenePos) {
    if (tracing_) {
        addCorner(imagePixel(scenePos));
    } else {
        updatePreview(scenePos);
    }
}

bool PolygonTool::mouseReleased(QMouseEvent*) {
    tracing_ = false;  // the corners stay until the polygon is closed
    return true;
}

bool PolygonTool::mouseDoubleClicked(QMouseEvent* event) {
    if (corners_.isEmpty()) {
        return false;
    }
    // The press before it already added this corner (once: equal corners are not repeated).
    finish(event->modifiers().testFlag(Qt::ShiftModifier));
    return true;
}

bool PolygonTool::keyPressed(QKeyEvent* event) {
    if (corners_.isEmpty()) {
        return false;
    }
    switch (event->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            finish(event->modifiers().testFlag(Qt::ShiftModifier));
            return true;
        case Qt::Key_Backspace:
            corners_.pop_back();
            updatePreview(view_->mapToScene(view_->viewport()->mapFromGlobal(QCursor::pos())));
            return true;
        case Qt::Key_Escape:
            reset();
            return true;
        default:
            return false;
    }
}

void PolygonTool::reset() {
    tracing_ = false;
    corners_.clear();
    preview_->hide();
}

void PolygonTool::styleChanged() {
    const QColor color = view_->brushColor();
    QPen edge(color, 1.5, Qt::DashLine);  // dashed: not applied yet
    edge.setCosmetic(true);               // the same width at every zoom
    preview_->setPen(edge);
    QColor fill = color;
    fill.setAlpha(90);
    preview_->setBrush(fill);
}

void PolygonTool::addCorner(const QPoint& pixel) {
    if (corners_.isEmpty() || corners_.back() != pixel) {
        corners_.push_back(pixel);
    }
    updatePreview(pixelCentre(pixel));
}

void PolygonTool::updatePreview(const QPointF& cursorScenePos) {
    if (corners_.isEmpty()) {
        preview_->hide();
        return;
    }
    QPainterPath path(pixelCentre(corners_.front()));
    for (qsizetype i = 1; i < corners_.size(); ++i) {
        path.lineTo(pixelCentre(corners_[i]));
    }
    path.lineTo(cursorScenePos);
    path.closeSubpath();  // the fill shows what closing now would cover
    preview_->setPath(path);
    preview_->show();
}

void PolygonTool::finish(bool erase) {
    const QVector<QPoint> corners = std::exchange(corners_, {});
    tracing_ = false;
    preview_->hide();
    if (corners.size() >= 3) {
        emit view_->polygonDrawn(corners, erase);
    }
}

}  // namespace pm::ui
