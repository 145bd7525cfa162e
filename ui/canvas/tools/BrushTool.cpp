#include "canvas/tools/BrushTool.h"

#include <QGraphicsEllipseItem>
#include <QGraphicsPathItem>
#include <QGraphicsScene>
#include <QKeyEvent>
#include <QPainterPath>
#include <QPen>
#include <utility>

#include "canvas/CanvasView.h"

namespace pm::ui {

BrushTool::BrushTool(CanvasView* view, bool erase)
    : CanvasTool(view), erase_(erase), stroke_(new QGraphicsPathItem), outline_(new QGraphicsEllipseItem) {
    view->scene()->addItem(stroke_);
    view->scene()->addItem(outline_);
    stroke_->setZValue(2);
    outline_->setZValue(3);
    stroke_->hide();
    QPen edge(QColor(255, 255, 255), 0);
    edge.setCosmetic(true);
    outline_->setPen(edge);
    outline_->hide();
    styleChanged();
}

void BrushTool::mousePressed(QMouseEvent*, const QPointF& scenePos) {
    drawing_ = true;
    const QPoint p = imagePixel(scenePos);
    points_ = {p};
    QPainterPath path(pixelCentre(p));
    path.lineTo(pixelCentre(p));
    stroke_->setPath(path);
    stroke_->show();
}

void BrushTool::mouseMoved(const QPointF& scenePos) {
    if (drawing_) {
        const QPoint p = imagePixel(scenePos);
        if (p != points_.back()) {
            points_.push_back(p);
            QPainterPath path = stroke_->path();
            path.lineTo(pixelCentre(p));
            stroke_->setPath(path);
        }
    }
    updateOutline(scenePos);
}

bool BrushTool::mouseReleased(QMouseEvent*) {
    if (!drawing_) {
        return false;
    }
    drawing_ = false;
    stroke_->hide();
    const QVector<QPoint> points = std::exchange(points_, {});
    emit view_->strokeDrawn(points, view_->brushRadius(), erase_);
    return true;
}

bool BrushTool::keyPressed(QKeyEvent* event) {
    if (event->key() == Qt::Key_Escape && drawing_) {
        drawing_ = false;  // the stroke is dropped
        stroke_->hide();
        points_.clear();
        return true;
    }
    return false;
}

void BrushTool::cursorLeft() {
    outline_->hide();
}

void BrushTool::reset() {
    drawing_ = false;
    stroke_->hide();
    points_.clear();
    outline_->hide();
}

void BrushTool::styleChanged() {
    QColor c = view_->brushColor();
    c.setAlpha(140);
    stroke_->setPen(QPen(c, 2 * view_->brushRadius() + 1, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    if (outline_->isVisible()) {
        updateOutline(outline_->rect().center());
    }
}

void BrushTool::updateOutline(const QPointF& scenePos) {
    if (!view_->showsToolCursor()) {
        outline_->hide();
        return;
    }
    // Centred on the pixel under the cursor, as the stroke will be.
    const QPoint p = imagePixel(scenePos);
    const double r = view_->brushRadius() + 0.5;
    outline_->setRect(QRectF(p.x() + 0.5 - r, p.y() + 0.5 - r, 2 * r, 2 * r));
    outline_->show();
}

}  // namespace pm::ui
