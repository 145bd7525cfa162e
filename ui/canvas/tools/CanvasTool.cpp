#include "canvas/tools/CanvasTool.h"

#include <cmath>

#include "canvas/CanvasView.h"

namespace pm::ui {

CanvasTool::CanvasTool(CanvasView* view) : QObject(view), view_(view) {}

QPoint CanvasTool::imagePixel(const QPointF& scenePos) {
    return QPoint(static_cast<int>(std::floor(scenePos.x())), static_cast<int>(std::floor(scenePos.y())));
}

}  // namespace pm::ui
