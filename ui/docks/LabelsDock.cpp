#include "docks/LabelsDock.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QSlider>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <cmath>

#include "commands/DocumentCommands.h"
#include "document/LabelListModel.h"

namespace pm::ui {

namespace {

QToolButton* toolButton(const QString& text, const QString& tip) {
    auto* b = new QToolButton;
    b->setText(text);
    b->setToolTip(tip);
    b->setAutoRaise(true);
    return b;
}

QStringList splitPrompts(const QString& text) {
    QStringList result;
    for (const QString& part : text.split(QLatin1Char(';'))) {
        if (!part.trimmed().isEmpty()) {
            result << part.trimmed();
        }
    }
    return result;
}

}  // namespace

LabelsDock::LabelsDock(LabelListModel* model, DocumentCommands* commands, QWidget* parent)
    : QDockWidget(tr("Labels"), parent),
      model_(model),
      commands_(commands),
      view_(new QListView),
      emptyHint_(new QLabel),
      listStack_(new QStackedWidget),
      add_(toolButton(QStringLiteral("+"), tr("Add a label"))),
      remove_(toolButton(QStringLiteral("−"), tr("Remove the selected label"))),
      up_(toolButton(QStringLiteral("▲"), tr("Move up"))),
      down_(toolButton(QStringLiteral("▼"), tr("Move down"))),
      editor_(new QGroupBox(tr("Selected label"))),
      name_(new QLineEdit),
      color_(new QToolButton),
      prompt_(new QLineEdit),
      slider_(new QSlider(Qt::Horizontal)),
      spin_(new QDoubleSpinBox),
      visible_(new QCheckBox(tr("Visible"))),
      exemplars_(new QListWidget),
      removeExemplar_(toolButton(QStringLiteral("−"), tr("Remove the selected visual prompt"))),
      mode_(new QComboBox) {
    setObjectName(QStringLiteral("LabelsDock"));
    view_->setModel(model_);
    view_->setIconSize(QSize(100, 24));
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);

    prompt_->setObjectName(QStringLiteral("promptEdit"));
    prompt_->setPlaceholderText(tr("What to find, e.g. \"a glass\" (; separates prompts)"));
    prompt_->setClearButtonEnabled(true);
    slider_->setRange(0, 100);
    spin_->setRange(0.0, 1.0);
    spin_->setSingleStep(0.01);
    spin_->setDecimals(2);
    color_->setToolTip(tr("Label colour"));
    exemplars_->setViewMode(QListView::IconMode);
    exemplars_->setIconSize(QSize(48, 48));
    exemplars_->setFixedHeight(64);
    exemplars_->setFlow(QListView::LeftToRight);
    exemplars_->setWrapping(false);
    exemplars_->setToolTip(tr("Visual prompts: draw a box on any image with the box tool (B)"));
    mode_->addItem(tr("Crop, blur, highlight (paper default)"), int(pm::VisualPromptMode::CropBlurHighlight));
    mode_->addItem(tr("Crop only"), int(pm::VisualPromptMode::Crop));
    mode_->addItem(tr("Whole image"), int(pm::VisualPromptMode::Plain));
    mode_->setToolTip(tr("How a drawn box becomes a visual prompt"));

    auto* buttons = new QHBoxLayout;
    for (QToolButton* b : {add_, remove_, up_, down_}) {
        buttons->addWidget(b);
    }
    buttons->addStretch();

    auto* nameRow = new QHBoxLayout;
    nameRow->addWidget(name_, 1);
    nameRow->addWidget(color_);
    auto* thresholdRow = new QHBoxLayout;
    thresholdRow->addWidget(slider_, 1);
    thresholdRow->addWidget(spin_);
    auto* exemplarRow = new QHBoxLayout;
    exemplarRow->addWidget(exemplars_, 1);
    exemplarRow->addWidget(removeExemplar_, 0, Qt::AlignTop);
    auto* form = new QFormLayout(editor_);
    form->addRow(tr("Name"), nameRow);
    form->addRow(tr("Prompt"), prompt_);
    form->addRow(tr("Threshold"), thresholdRow);
    form->addRow(QString(), visible_);
    form->addRow(tr("Visual"), exemplarRow);
    form->addRow(tr("Box mode"), mode_);

    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    emptyHint_->setObjectName(QStringLiteral("labelsEmptyHint"));
    emptyHint_->setText(tr(
        "No labels yet.\n\nPress T and type what to find, e.g. \"red circle\" — or click + to add a label."));
    emptyHint_->setAlignment(Qt::AlignCenter);
    emptyHint_->setWordWrap(true);
    emptyHint_->setEnabled(false);  // drawn greyed out, like a placeholder
    listStack_->addWidget(view_);
    listStack_->addWidget(emptyHint_);
    layout->addWidget(listStack_, 1);
    layout->addLayout(buttons);
    layout->addWidget(editor_);
    setWidget(content);
    updateEmptyHint();

    connect(add_, &QToolButton::clicked, this, [this] {
        addLabel();
        name_->setFocus();
        name_->selectAll();
    });
    connect(remove_, &QToolButton::clicked, this, &LabelsDock::removeSelected);
    connect(up_, &QToolButton::clicked, this, [this] { moveSelected(-1); });
    connect(down_, &QToolButton::clicked, this, [this] { moveSelected(+1); });
    connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& i) {
                refreshEditor();
                emit selectedLabelChanged(i.isValid() ? i.row() : -1);
            });
    connect(model_, &LabelListModel::labelsChanged, this, [this](int row) {
        updateEmptyHint();
        if (row < 0 && selectedRow() < 0 && model_->rowCount() > 0) {
            selectRow(0);
        }
        refreshEditor();
    });
    connect(name_, &QLineEdit::editingFinished, this, [this] {
        const QString name = name_->text().trimmed();
        if (!name.isEmpty()) {
            edit(selectedRow(), EditLabelCommand::Field::Name, [&](LabelDefinition& l) { l.name = name; });
        }
    });
    connect(prompt_, &QLineEdit::editingFinished, this, &LabelsDock::applyPrompts);
    connect(prompt_, &QLineEdit::returnPressed, this, [this] {
        applyPrompts();  // returnPressed comes before editingFinished
        emit segmentRequested();
    });
    connect(slider_, &QSlider::valueChanged, this, [this](int v) { setThreshold(selectedRow(), v / 100.0); });
    connect(spin_, &QDoubleSpinBox::valueChanged, this, [this](double v) { setThreshold(selectedRow(), v); });
    connect(visible_, &QCheckBox::toggled, this, [this](bool on) {
        edit(selectedRow(), EditLabelCommand::Field::Visible, [&](LabelDefinition& l) { l.visible = on; });
    });
    connect(color_, &QToolButton::clicked, this, &LabelsDock::chooseColor);
    connect(removeExemplar_, &QToolButton::clicked, this, &LabelsDock::removeExemplar);
    refreshEditor();
}

int LabelsDock::selectedRow() const {
    const QModelIndex i = view_->currentIndex();
    return i.isValid() ? i.row() : -1;
}

void LabelsDock::selectRow(int row) {
    if (row >= 0 && row < model_->rowCount()) {
        view_->setCurrentIndex(model_->index(row));
    }
}

void LabelsDock::focusPrompt() {
    if (model_->rowCount() == 0) {
        addLabel();
    } else if (selectedRow() < 0) {
        selectRow(0);
    }
    if (!isVisible()) {
        show();  // T must reach a prompt field even after the dock was closed
    }
    prompt_->setFocus(Qt::ShortcutFocusReason);
    prompt_->selectAll();
}

int LabelsDock::addLabel(const QString& name) {
    const int row = commands_->addLabel(name);
    selectRow(row);
    return row;
}

void LabelsDock::removeSelected() {
    const int row = selectedRow();
    if (row < 0) {
        return;
    }
    commands_->removeLabel(row);
    selectRow(std::min(row, model_->rowCount() - 1));
}

void LabelsDock::moveSelected(int delta) {
    const int row = selectedRow();
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= model_->rowCount()) {
        return;
    }
    commands_->moveLabel(row, target);
    selectRow(target);
}

void LabelsDock::setThreshold(int row, double threshold) {
    threshold = std::clamp(std::round(threshold * 100.0) / 100.0, 0.0, 1.0);
    edit(row, EditLabelCommand::Field::Threshold, [&](LabelDefinition& l) { l.threshold = threshold; });
}

pm::VisualPromptMode LabelsDock::exemplarMode() const {
    return static_cast<pm::VisualPromptMode>(mode_->currentData().toInt());
}

void LabelsDock::edit(int row, EditLabelCommand::Field field,
                      const std::function<void(LabelDefinition&)>& change) {
    commands_->editLabel(row, field, change);
}

void LabelsDock::applyPrompts() {
    const QStringList prompts = splitPrompts(prompt_->text());
    edit(selectedRow(), EditLabelCommand::Field::Prompts, [&](LabelDefinition& l) {
        // A label still named "label N" takes the name of its first prompt.
        if (!prompts.isEmpty() && l.hasPlaceholderName() && l.prompts.isEmpty()) {
            l.name = prompts.first();
        }
        l.prompts = prompts;
    });
}

void LabelsDock::chooseColor() {
    const int row = selectedRow();
    if (row < 0) {
        return;
    }
    const QColor c = QColorDialog::getColor(model_->label(row).color, this, tr("Label colour"));
    if (c.isValid()) {
        edit(row, EditLabelCommand::Field::Color, [&](LabelDefinition& l) { l.color = c; });
    }
}

void LabelsDock::removeExemplar() {
    const int index = exemplars_->currentRow();
    if (index < 0) {
        return;
    }
    edit(selectedRow(), EditLabelCommand::Field::Exemplars, [&](LabelDefinition& l) {
        if (index < l.exemplars.size()) {
            l.exemplars.removeAt(index);
        }
    });
}

void LabelsDock::refreshEditor() {
    const int row = selectedRow();
    const bool has = row >= 0;
    editor_->setEnabled(has);
    remove_->setEnabled(has);
    up_->setEnabled(has && row > 0);
    down_->setEnabled(has && row + 1 < model_->rowCount());
    const LabelDefinition l = has ? model_->label(row) : LabelDefinition{};

    const QSignalBlocker b1(slider_), b2(spin_), b3(visible_);
    if (!name_->hasFocus()) {
        name_->setText(l.name);
    }
    if (!prompt_->hasFocus()) {
        prompt_->setText(l.prompts.join(QStringLiteral("; ")));
    }
    slider_->setValue(static_cast<int>(std::lround(l.threshold * 100.0)));
    spin_->setValue(l.threshold);
    visible_->setChecked(l.visible);
    QPixmap swatch(16, 16);
    swatch.fill(has ? l.color : Qt::transparent);
    color_->setIcon(QIcon(swatch));

    exemplars_->clear();
    for (const ExemplarDefinition& e : l.exemplars) {
        auto* item = new QListWidgetItem(QIcon(QPixmap::fromImage(e.thumbnail)), QString());
        item->setToolTip(QStringLiteral("%1 @ %2,%3 %4×%5 (%6)")
                             .arg(e.imagePath)
                             .arg(e.box.x())
                             .arg(e.box.y())
                             .arg(e.box.width())
                             .arg(e.box.height())
                             .arg(QString::fromLatin1(pm::toString(e.mode))));
        exemplars_->addItem(item);
    }
    removeExemplar_->setEnabled(!l.exemplars.isEmpty());
}

void LabelsDock::updateEmptyHint() {
    listStack_->setCurrentWidget(model_->rowCount() > 0 ? static_cast<QWidget*>(view_) : emptyHint_);
}

}  // namespace pm::ui
