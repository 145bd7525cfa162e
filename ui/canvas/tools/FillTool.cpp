#include "canvas/tools/FillTool.h"

#include <QMouseEvent>

#include "canvas/CanvasView.h"

namespace pm::ui {

void FillTool::mousePressed(QMouseEvent* event, const QPointF& scenePos) {
    const QPoint p = imagePixel(scenePos);
    if (view_->imageRect().contains(p)) {
        emit view_->fillClicked(p, event->modifiers().testFlag(Qt::ShiftModifier));
    }
}

}  // namespace pm::ui
