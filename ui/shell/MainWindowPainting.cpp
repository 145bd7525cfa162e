// Brush, eraser, polygon and fill: each drawing becomes an undoable edit of the selected label's mask on the
// current image.
#include <QFileInfo>
#include <QUndoStack>
#include <algorithm>
#include <functional>
#include <opencv2/imgproc.hpp>

#include "canvas/CanvasView.h"
#include "canvas/tools/BrushTool.h"
#include "canvas/tools/FillTool.h"
#include "canvas/tools/PolygonTool.h"
#include "commands/PaintStrokeCommand.h"
#include "docks/LabelsDock.h"
#include "document/ImageListModel.h"
#include "document/LabelListModel.h"
#include "shell/AppSettings.h"
#include "shell/MainWindow.h"
#include "shell/StatusBarWidget.h"

namespace pm::ui {

namespace {
// Brush radii the [ and ] keys step through, in image pixels.
constexpr int kBrushRadii[] = {0, 1, 2, 3, 5, 8, 12, 16, 24, 32, 48, 64, 96, 128};

std::vector<cv::Point> toCvPoints(const QVector<QPoint>& points) {
    std::vector<cv::Point> out;
    out.reserve(static_cast<size_t>(points.size()));
    for (const QPoint& p : points) {
        out.emplace_back(p.x(), p.y());
    }
    return out;
}
}  // namespace

void MainWindow::updateBrushColor() {
    if (const int row = labelsDock_->selectedRow(); row >= 0 && row < labels_->rowCount()) {
        canvas_->setBrushColor(labels_->label(row).color);
    }
}

void MainWindow::showToolHint() {
    const int row = labelsDock_->selectedRow();
    const QString label = row >= 0 ? labels_->label(row).name : tr("a new label");
    const CanvasTool* tool = canvas_->tool();
    const CanvasTools& tools = canvas_->tools();
    if (tool == tools.brush) {
        status_->showMessage(
            tr("Brush: drag to paint into %1 ([ ] size, E eraser, P again to stop).").arg(label), 8000);
    } else if (tool == tools.eraser) {
        status_->showMessage(
            tr("Eraser: drag to erase from %1 ([ ] size, P brush, E again to stop).").arg(label), 8000);
    } else if (tool == tools.polygon) {
        status_->showMessage(tr("Polygon: click corners (or drag) around what belongs to %1; double-click or "
                                "Enter fills it, Shift cuts it out, Backspace undoes a corner, Esc drops it.")
                                 .arg(label),
                             10000);
    } else if (tool == tools.fill) {
        status_->showMessage(tr("Fill: click inside a hole of %1 to fill it; Shift+click a part of it to "
                                "remove that part.")
                                 .arg(label),
                             8000);
    }
}

void MainWindow::changeBrushSize(int steps) {
    const auto* begin = std::begin(kBrushRadii);
    const auto* end = std::end(kBrushRadii);
    const long at = std::lower_bound(begin, end, canvas_->brushRadius()) - begin;
    const long next = std::clamp(at + steps, 0L, long(end - begin) - 1);
    canvas_->setBrushRadius(kBrushRadii[next]);
    settings_->setBrushRadius(canvas_->brushRadius());
    status_->showMessage(tr("Brush: %1 px wide").arg(2 * canvas_->brushRadius() + 1), 3000);
}

PaintStrokeCommand* MainWindow::strokeCommand(PaintStrokeCommand::Stroke stroke, QUndoCommand* parent) {
    return new PaintStrokeCommand(
        &session_, std::move(stroke), [this](const QString& imagePath) { onEditsChanged(imagePath); },
        parent);
}

void MainWindow::onStrokeDrawn(const QVector<QPoint>& points, int radius, bool erase) {
    const std::vector<cv::Point> path = toCvPoints(points);
    editSelectedLabel(
        erase, [&](cv::Size size) { return MaskEdits::strokeBounds(path, radius, size); },
        [&](MaskEdits& edits, const QString& labelId, cv::Size size) {
            edits.stroke(labelId, size, path, radius, erase ? MaskEdits::kErase : MaskEdits::kPaint);
        });
}

void MainWindow::onPolygonDrawn(const QVector<QPoint>& corners, bool erase) {
    const std::vector<cv::Point> polygon = toCvPoints(corners);
    editSelectedLabel(
        erase, [&](cv::Size size) { return MaskEdits::polygonBounds(polygon, size); },
        [&](MaskEdits& edits, const QString& labelId, cv::Size size) {
            edits.fillPolygon(labelId, size, polygon, erase ? MaskEdits::kErase : MaskEdits::kPaint);
        });
}

void MainWindow::onFillClicked(const QPoint& pixel, bool erase) {
    const int row = labelsDock_->selectedRow();
    if (!session_.isOpen() || row < 0) {
        status_->showMessage(tr("Select the label to fill first."), 5000);
        return;
    }
    const LabelDefinition label = labels_->label(row);
    if (!label.visible) {
        status_->showMessage(tr("%1 is hidden: show it to paint it.").arg(label.name), 6000);
        return;
    }
    cv::Mat shown = session_.labelMasks(labels_->labels(), overlapMode_)[static_cast<size_t>(row)];
    if (shown.empty()) {  // no map and no edits yet
        shown = cv::Mat::zeros(session_.image().height(), session_.image().width(), CV_8UC1);
    }
    cv::Mat region;
    QString problem;
    switch (MaskEdits::fillRegion(shown, cv::Point(pixel.x(), pixel.y()), erase, region)) {
        case MaskEdits::FillResult::Ok:
            break;
        case MaskEdits::FillResult::AlreadyInside:
            problem =
                tr("This pixel is part of %1 already; click inside a hole of it, or Shift+click to remove "
                   "this part.");
            break;
        case MaskEdits::FillResult::NotInside:
            problem = tr("This pixel is not part of %1: Shift+click a part of it to remove that part.");
            break;
        case MaskEdits::FillResult::ReachesBorder:
            problem =
                tr("This area is not a hole of %1 (it reaches the image border); draw a polygon (G) to add "
                   "it.");
            break;
    }
    if (!problem.isEmpty()) {
        status_->showMessage(problem.arg(label.name), 6000);
        return;
    }
    editSelectedLabel(
        erase, [&](cv::Size) { return cv::boundingRect(region); },
        [&](MaskEdits& edits, const QString& labelId, cv::Size size) {
            edits.fillPixels(labelId, size, region, erase ? MaskEdits::kErase : MaskEdits::kPaint);
        });
}

void MainWindow::editSelectedLabel(bool erase, const std::function<cv::Rect(cv::Size)>& bounds,
                                   const std::function<void(MaskEdits&, const QString&, cv::Size)>& draw) {
    if (!session_.isOpen()) {
        return;
    }
    const int row = labelsDock_->selectedOrNewRow();
    const LabelDefinition label = labels_->label(row);
    if (!label.visible) {
        status_->showMessage(tr("%1 is hidden: show it to paint it.").arg(label.name), 6000);
        return;
    }
    const cv::Size size(session_.image().width(), session_.image().height());
    PaintStrokeCommand::Stroke stroke;
    stroke.roi = bounds(size);
    if (stroke.roi.empty()) {
        return;  // drawn entirely outside the image
    }
    MaskEdits& edits = session_.edits(session_.path());
    stroke.imagePath = session_.path();
    stroke.labelId = label.id;
    stroke.labelName = label.name;
    stroke.imageSize = size;
    stroke.erase = erase;
    stroke.before = edits.region(label.id, stroke.roi);
    draw(edits, label.id, size);
    stroke.after = edits.region(label.id, stroke.roi);
    undo_->push(strokeCommand(std::move(stroke)));
}

void MainWindow::onEditsChanged(const QString& imagePath) {
    strokeChanged_ = true;
    const int row = images_->rowOf(imagePath);
    if (row >= 0 && images_->status(row) != ImageStatus::Error) {
        images_->setStatus(row, ImageStatus::Edited);
    }
    if (imagePath == session_.path()) {
        updateOverlay();
    } else {
        status_->showMessage(
            tr("Changed the brush edits of %1 (not the image shown).").arg(QFileInfo(imagePath).fileName()),
            6000);
    }
}

void MainWindow::clearBrushEdits() {
    const QString path = session_.path();
    if (!session_.isOpen() || !session_.hasEdits(path)) {
        status_->showMessage(tr("This image has no brush edits."), 4000);
        return;
    }
    // One undo step made of one full-image "stroke" back to no edit per label.
    const cv::Size size(session_.image().width(), session_.image().height());
    const cv::Rect whole(cv::Point(0, 0), size);
    MaskEdits& edits = session_.edits(path);
    auto* clear = new QUndoCommand(tr("clear brush edits"));
    for (const QString& id : edits.labelIds()) {
        PaintStrokeCommand::Stroke stroke;
        stroke.imagePath = path;
        stroke.labelId = id;
        stroke.imageSize = size;
        stroke.roi = whole;
        stroke.before = edits.region(id, whole);
        stroke.after = cv::Mat(size, CV_8UC1, cv::Scalar(MaskEdits::kNone));
        stroke.erase = true;
        strokeCommand(std::move(stroke), clear);
    }
    undo_->push(clear);
}

QStringList MainWindow::unsavedPaintedImages() const {
    QStringList names;
    for (const QString& path : session_.editedPaths()) {
        const int row = images_->rowOf(path);
        if (row >= 0 && images_->status(row) == ImageStatus::Edited) {
            names << QFileInfo(path).fileName();
        }
    }
    names.sort();
    return names;
}

}  // namespace pm::ui
