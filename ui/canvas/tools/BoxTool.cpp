#include "canvas/tools/BoxTool.h"

#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QKeyEvent>
#include <QPen>

#include "canvas/CanvasView.h"

namespace pm::ui {

namespace {
constexpr int kMinBox = 4;  // pixels; smaller drags are clicks, not boxes
}

BoxTool::BoxTool(CanvasView* view) : CanvasTool(view), box_(new QGraphicsRectItem) {
    view->scene()->addItem(box_);
    box_->setZValue(2);
    QPen pen(QColor(255, 255, 255), 0, Qt::DashLine);
    pen.setCosmetic(true);
    box_->setPen(pen);
    box_->setBrush(QColor(255, 255, 255, 40));
    box_->hide();
}

void BoxTool::mousePressed(QMouseEvent*, const QPointF& scenePos) {
    drawing_ = true;
    from_ = scenePos;
    box_->setRect(QRectF(from_, from_));
    box_->show();
}

void BoxTool::mouseMoved(const QPointF& scenePos) {
    if (drawing_) {
        box_->setRect(QRectF(from_, scenePos).normalized().intersected(view_->imageRect()));
    }
}

bool BoxTool::mouseReleased(QMouseEvent*) {
    if (!drawing_) {
        return false;
    }
    drawing_ = false;
    const QRect box = box_->rect().toAlignedRect().intersected(view_->imageRect());
    box_->hide();
    if (box.width() >= kMinBox && box.height() >= kMinBox) {
        emit view_->boxDrawn(box);
    }
    return true;
}

bool BoxTool::keyPressed(QKeyEvent* event) {
    if (event->key() == Qt::Key_Escape && drawing_) {
        reset();  // the box is dropped
        return true;
    }
    return false;
}

void BoxTool::reset() {
    drawing_ = false;
    box_->hide();
}

}  // namespace pm::ui
