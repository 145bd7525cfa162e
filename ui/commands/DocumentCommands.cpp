#include "commands/DocumentCommands.h"

#include <QUndoStack>
#include <algorithm>
#include <opencv2/imgproc.hpp>

#include "commands/PaintStrokeCommand.h"
#include "commands/ReplaceLabelsCommand.h"
#include "commands/SetOverlapModeCommand.h"
#include "document/DatasetDocument.h"
#include "document/LabelListModel.h"

namespace pm::ui {

namespace {

std::vector<cv::Point> toCvPoints(const QVector<QPoint>& points) {
    std::vector<cv::Point> out;
    out.reserve(static_cast<size_t>(points.size()));
    for (const QPoint& p : points) {
        out.emplace_back(p.x(), p.y());
    }
    return out;
}

}  // namespace

DocumentCommands::DocumentCommands(DatasetDocument& document) : document_(document) {}

void DocumentCommands::push(QUndoCommand* command) {
    document_.undoStack()->push(command);  // push() runs redo(): the change happens here
}

int DocumentCommands::addLabel(const QString& name) {
    LabelListModel* model = document_.labelModel();
    QVector<LabelDefinition> after = model->labels();
    const LabelDefinition label = model->makeLabel(
        name.isEmpty() ? LabelDefinition::placeholderName(static_cast<int>(after.size()) + 1) : name);
    after.push_back(label);
    push(new ReplaceLabelsCommand(model, model->labels(), after, tr("Add label \"%1\"").arg(label.name)));
    return model->rowOfId(label.id);
}

void DocumentCommands::removeLabel(int row) {
    LabelListModel* model = document_.labelModel();
    if (row < 0 || row >= model->rowCount()) {
        return;
    }
    QVector<LabelDefinition> after = model->labels();
    const QString name = after[row].name;
    after.removeAt(row);
    push(new ReplaceLabelsCommand(model, model->labels(), after, tr("Remove label \"%1\"").arg(name)));
}

void DocumentCommands::moveLabel(int row, int target) {
    LabelListModel* model = document_.labelModel();
    if (row < 0 || row >= model->rowCount() || target < 0 || target >= model->rowCount() || row == target) {
        return;
    }
    QVector<LabelDefinition> after = model->labels();
    after.move(row, target);
    push(new ReplaceLabelsCommand(model, model->labels(), after, tr("Reorder labels")));
}

void DocumentCommands::editLabel(int row, EditLabelCommand::Field field,
                                 const std::function<void(LabelDefinition&)>& change) {
    LabelListModel* model = document_.labelModel();
    if (row < 0 || row >= model->rowCount()) {
        return;
    }
    const LabelDefinition before = model->label(row);
    LabelDefinition after = before;
    change(after);
    if (after != before) {
        push(new EditLabelCommand(model, before, after, field));
    }
}

void DocumentCommands::acceptThreshold(int row, double threshold) {
    LabelListModel* model = document_.labelModel();
    if (row < 0 || row >= model->rowCount()) {
        return;
    }
    const LabelDefinition before = model->label(row);
    LabelDefinition after = before;
    after.threshold = std::clamp(threshold, 0.0, 1.0);
    if (after == before) {
        return;
    }
    // A parent step has no id, so QUndoStack never merges it with the drag before or after it.
    auto* step = new QUndoCommand(
        tr("Use suggested threshold %1 for \"%2\"").arg(after.threshold, 0, 'f', 3).arg(before.name));
    new EditLabelCommand(model, before, after, EditLabelCommand::Field::Threshold, step);
    push(step);
}

LabelDefinition DocumentCommands::labelFor(int row, QUndoCommand* parent) {
    LabelListModel* model = document_.labelModel();
    if (row >= 0) {
        return model->label(row);
    }
    QVector<LabelDefinition> after = model->labels();
    const LabelDefinition label =
        model->makeLabel(LabelDefinition::placeholderName(static_cast<int>(after.size()) + 1));
    after.push_back(label);
    new ReplaceLabelsCommand(model, model->labels(), after, tr("Add label \"%1\"").arg(label.name), parent);
    return label;
}

int DocumentCommands::addExemplar(int row, const QRect& box, pm::VisualPromptMode mode) {
    const ImageSession& session = document_.session();
    if (!session.isOpen() || row >= document_.labelModel()->rowCount()) {
        return -1;
    }
    auto* step = new QUndoCommand;
    const LabelDefinition before = labelFor(row, step);
    LabelDefinition after = before;
    ExemplarDefinition e;
    e.imagePath = session.path();
    e.box = box;
    e.mode = mode;
    e.thumbnail = session.image().copy(box).scaled(64, 64, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    after.exemplars.push_back(e);
    LabelListModel* model = document_.labelModel();
    auto* edit = new EditLabelCommand(model, before, after, EditLabelCommand::Field::Exemplars,
                                      row < 0 ? step : nullptr);
    if (row < 0) {
        step->setText(edit->text());
        push(step);
    } else {
        delete step;
        push(edit);
    }
    return model->rowOfId(after.id);
}

int DocumentCommands::paintStroke(int row, const QVector<QPoint>& points, int radius, bool erase) {
    const std::vector<cv::Point> path = toCvPoints(points);
    return draw(
        row, erase, [&](cv::Size size) { return MaskEdits::strokeBounds(path, radius, size); },
        [&](MaskEdits& edits, const QString& labelId, cv::Size size) {
            edits.stroke(labelId, size, path, radius, erase ? MaskEdits::kErase : MaskEdits::kPaint);
        });
}

int DocumentCommands::paintPolygon(int row, const QVector<QPoint>& corners, bool erase) {
    const std::vector<cv::Point> polygon = toCvPoints(corners);
    return draw(
        row, erase, [&](cv::Size size) { return MaskEdits::polygonBounds(polygon, size); },
        [&](MaskEdits& edits, const QString& labelId, cv::Size size) {
            edits.fillPolygon(labelId, size, polygon, erase ? MaskEdits::kErase : MaskEdits::kPaint);
        });
}

int DocumentCommands::fill(int row, const QPoint& pixel, bool erase) {
    const ImageSession& session = document_.session();
    LabelListModel* model = document_.labelModel();
    if (!session.isOpen() || row < 0 || row >= model->rowCount()) {
        document_.showMessage(tr("Select the label to fill first."), 5000);
        return -1;
    }
    const LabelDefinition label = model->label(row);
    if (!label.visible) {
        document_.showMessage(tr("%1 is hidden: show it to paint it.").arg(label.name), 6000);
        return -1;
    }
    cv::Mat shown = session.labelMasks(model->labels(), document_.overlapMode())[static_cast<size_t>(row)];
    if (shown.empty()) {  // no map and no edits yet
        shown = cv::Mat::zeros(session.image().height(), session.image().width(), CV_8UC1);
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
        document_.showMessage(problem.arg(label.name), 6000);
        return -1;
    }
    return draw(
        row, erase, [&](cv::Size) { return cv::boundingRect(region); },
        [&](MaskEdits& edits, const QString& labelId, cv::Size size) {
            edits.fillPixels(labelId, size, region, erase ? MaskEdits::kErase : MaskEdits::kPaint);
        });
}

int DocumentCommands::draw(int row, bool erase, const std::function<cv::Rect(cv::Size)>& bounds,
                           const Draw& drawing) {
    ImageSession& session = document_.session();
    LabelListModel* model = document_.labelModel();
    if (!session.isOpen() || row >= model->rowCount()) {
        return -1;
    }
    if (row >= 0 && !model->label(row).visible) {
        document_.showMessage(tr("%1 is hidden: show it to paint it.").arg(model->label(row).name), 6000);
        return -1;
    }
    const cv::Size size(session.image().width(), session.image().height());
    PaintStrokeCommand::Stroke stroke;
    stroke.roi = bounds(size);
    if (stroke.roi.empty()) {
        return -1;  // drawn entirely outside the image
    }
    auto* step = new QUndoCommand;
    const LabelDefinition label = labelFor(row, step);
    stroke.imagePath = session.path();
    stroke.labelId = label.id;
    stroke.labelName = label.name;
    stroke.imageSize = size;
    stroke.erase = erase;
    stroke.before = session.edits(session.path()).region(label.id, stroke.roi);
    // The drawing is made on a scratch copy of the touched rectangle: the session changes only when
    // the command's redo() runs, on push.
    MaskEdits scratch;
    scratch.setRegion(label.id, size, stroke.roi, stroke.before);
    drawing(scratch, label.id, size);
    stroke.after = scratch.region(label.id, stroke.roi);
    DatasetDocument* document = &document_;
    auto* paint = new PaintStrokeCommand(
        &session, std::move(stroke), [document](const QString& path) { document->editsApplied(path); },
        row < 0 ? step : nullptr);
    if (row < 0) {
        step->setText(paint->text());  // "paint label 1": the new label comes with it
        push(step);
    } else {
        delete step;
        push(paint);
    }
    return model->rowOfId(label.id);
}

bool DocumentCommands::clearBrushEdits() {
    ImageSession& session = document_.session();
    const QString path = session.path();
    if (!session.isOpen() || !session.hasEdits(path)) {
        document_.showMessage(tr("This image has no brush edits."), 4000);
        return false;
    }
    // One undo step made of one full-image "stroke" back to no edit per label.
    const cv::Size size(session.image().width(), session.image().height());
    const cv::Rect whole(cv::Point(0, 0), size);
    MaskEdits& edits = session.edits(path);
    DatasetDocument* document = &document_;
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
        new PaintStrokeCommand(
            &session, std::move(stroke), [document](const QString& p) { document->editsApplied(p); }, clear);
    }
    push(clear);
    return true;
}

void DocumentCommands::setOverlapMode(OverlapMode mode) {
    if (mode != document_.overlapMode()) {
        push(new SetOverlapModeCommand(&document_, document_.overlapMode(), mode));
    }
}

}  // namespace pm::ui
