#pragma once

#include "canvas/tools/CanvasTool.h"

namespace pm::ui {

// A left click names one image pixel to fill from (with Shift held: to remove).
class FillTool : public CanvasTool {
public:
    using CanvasTool::CanvasTool;

    void mousePressed(QMouseEvent* event, const QPointF& scenePos) override;
};

}  // namespace pm::ui
