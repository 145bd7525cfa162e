#include "lab/PromptLabDock.h"

#include <QAction>
#include <QEvent>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include "commands/DocumentCommands.h"
#include "document/LabelListModel.h"
#include "inference/SegmentationController.h"
#include "lab/CandidatePromoter.h"
#include "lab/LabSweep.h"
#include "lab/LabTile.h"
#include "lab/PromptLabModel.h"

namespace pm::ui {

namespace {

// The image scaled to fit a square of `side` pixels, EXIF-oriented as the model reads it.
QImage loadScaled(const QString& path, int side) {
    QImageReader reader(path);
    reader.setAutoTransform(true);
    QImage image = reader.read();
    if (image.isNull()) {
        return {};
    }
    return image.scaled(side, side, Qt::KeepAspectRatio, Qt::SmoothTransformation)
        .convertToFormat(QImage::Format_RGB32);
}

}  // namespace

PromptLabDock::PromptLabDock(LabelListModel* labels, DocumentCommands* commands,
                             SegmentationController* controller, QWidget* parent)
    : QDockWidget(tr("Prompt Lab"), parent),
      labels_(labels),
      commands_(commands),
      controller_(controller),
      model_(new PromptLabModel(
          [this](const QString& image, const QVector<LabelDefinition>& c) {
              return controller_ ? controller_->submitSideRequest(image, c,
                                                                  SegmentationController::SidePriority::Soon)
                                 : 0;
          },
          [this](quint64 id) { cancelProbe(id); }, this)),
      sweep_(new LabSweep(
          [this](const QString& image, const QVector<LabelDefinition>& c) {
              // Behind everything the user waits for.
              return controller_ ? controller_->submitSideRequest(image, c,
                                                                  SegmentationController::SidePriority::Idle)
                                 : 0;
          },
          [this](quint64 id) { cancelProbe(id); }, this)),
      openAction_(new QAction(tr("&Prompt Lab"), this)) {
    setObjectName(QStringLiteral("promptLabDock"));
    openAction_->setShortcut(QKeySequence(Qt::Key_L));
    connect(openAction_, &QAction::triggered, this, &PromptLabDock::openLab);

    auto* tabs = new QTabWidget;
    tabs->setDocumentMode(true);
    tabs->addTab(buildTilesTab(), tr("This image"));
    tabs->addTab(buildSweepTab(), tr("Across images"));
    setWidget(tabs);

    connect(model_, &PromptLabModel::candidateAdded, this, &PromptLabDock::addTile);
    connect(model_, &PromptLabModel::candidateRemoved, this, &PromptLabDock::removeTile);
    connect(model_, &PromptLabModel::candidateChanged, this, &PromptLabDock::updateTile);
    connect(model_, &PromptLabModel::reset, this, &PromptLabDock::rebuildTiles);
    connect(controller_, &SegmentationController::sideSegmented, this,
            [this](const SegmentationOutcome& outcome) {
                model_->applyOutcome(outcome);
                sweep_->applyOutcome(outcome);
            });
    connect(controller_, &SegmentationController::sideFailed, this,
            [this](quint64 id, const QString&, const QString& message) {
                model_->applyFailure(id, message);
                sweep_->applyFailure(id, message);
            });
    // Maps of another model are stale: decode again (only the visible lab asks).
    connect(controller_, &SegmentationController::modelLoaded, model_, &PromptLabModel::refresh);
    connect(sweep_, &LabSweep::started, this, &PromptLabDock::onSweepStarted);
    connect(sweep_, &LabSweep::columnReady, this, &PromptLabDock::updateMatrixColumn);
    connect(sweep_, &LabSweep::finished, this, &PromptLabDock::onSweepFinished);
    connect(this, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && baseStale_) {
            loadBase();
        }
        model_->setActive(visible);
    });
    model_->setActive(false);  // hidden until opened
    updateStatus();
}

PromptLabDock::~PromptLabDock() {
    sweep_->cancel();
}

void PromptLabDock::cancelProbe(quint64 id) {
    if (controller_) {  // the window may destroy the controller first
        controller_->cancelSideRequest(id);
    }
}

QWidget* PromptLabDock::buildTilesTab() {
    prompt_ = new QLineEdit;
    prompt_->setObjectName(QStringLiteral("labPromptEdit"));
    prompt_->setPlaceholderText(tr("Type a candidate prompt, then Enter (e.g. \"a red ellipse\")"));
    prompt_->setClearButtonEnabled(true);
    connect(prompt_, &QLineEdit::returnPressed, this, [this] {
        model_->addCandidate(prompt_->text());
        prompt_->clear();  // Enter also gives the keyboard back to the canvas (KeyboardFocus)
    });
    threshold_ = new QSlider(Qt::Horizontal);
    threshold_->setObjectName(QStringLiteral("labThreshold"));
    threshold_->setRange(0, 100);
    threshold_->setValue(50);
    threshold_->setFocusPolicy(Qt::NoFocus);
    threshold_->setToolTip(tr("Threshold for the mask areas of all candidates"));
    thresholdValue_ = new QLabel(QStringLiteral("0.50"));
    connect(threshold_, &QSlider::valueChanged, this, [this](int value) {
        const double t = value / 100.0;
        thresholdValue_->setText(QString::number(t, 'f', 2));
        model_->setThreshold(t);  // recounts areas only: no model call
        sweep_->setThreshold(t);
    });
    status_ = new QLabel;
    status_->setObjectName(QStringLiteral("labStatus"));

    auto* top = new QHBoxLayout;
    top->addWidget(prompt_, 3);
    top->addWidget(new QLabel(tr("Threshold")));
    top->addWidget(threshold_, 1);
    top->addWidget(thresholdValue_);

    grid_ = new QWidget;
    gridLayout_ = new QGridLayout(grid_);
    gridLayout_->setContentsMargins(4, 4, 4, 4);
    gridLayout_->setSpacing(8);
    gridLayout_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    auto* scroll = new QScrollArea;
    scroll->setWidget(grid_);
    scroll->setWidgetResizable(true);
    scroll->setFocusPolicy(Qt::NoFocus);
    scroll->viewport()->installEventFilter(this);  // re-flow the tiles to the dock's width

    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(status_);
    layout->addWidget(scroll, 1);
    return page;
}

QWidget* PromptLabDock::buildSweepTab() {
    count_ = new QSpinBox;
    count_->setObjectName(QStringLiteral("labImageCount"));
    count_->setRange(1, 100);
    count_->setValue(8);
    run_ = new QPushButton(tr("Run on the next images"));
    run_->setObjectName(QStringLiteral("labRunAcross"));
    connect(run_, &QPushButton::clicked, this, [this] {
        if (sweep_->isRunning()) {
            cancelAcrossImages();
        } else {
            runAcrossImages();
        }
    });
    sweepStatus_ =
        new QLabel(tr("Runs every candidate over the next images of the folder, in the background."));
    sweepStatus_->setWordWrap(true);
    matrix_ = new QTableWidget;
    matrix_->setObjectName(QStringLiteral("labMatrix"));
    matrix_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    matrix_->setIconSize(QSize(LabSweep::kThumbSide, LabSweep::kThumbSide));
    matrix_->verticalHeader()->setDefaultSectionSize(LabSweep::kThumbSide + 8);
    matrix_->horizontalHeader()->setDefaultSectionSize(LabSweep::kThumbSide + 64);  // the area beside it

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Images after this one:")));
    top->addWidget(count_);
    top->addWidget(run_);
    top->addStretch(1);
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(sweepStatus_);
    layout->addWidget(matrix_, 1);
    return page;
}

void PromptLabDock::openLab() {
    show();
    raise();
    if (!sized_) {
        sized_ = true;
        // Docked under the canvas it starts at its minimum height, which cuts the tiles' buttons off.
        if (auto* window = qobject_cast<QMainWindow*>(parentWidget()); window && !isFloating()) {
            window->resizeDocks({this}, {std::max(height(), kOpenHeight)}, Qt::Vertical);
        }
    }
    if (auto* tabs = qobject_cast<QTabWidget*>(widget())) {
        tabs->setCurrentIndex(0);
    }
    prompt_->setFocus(Qt::ShortcutFocusReason);
}

void PromptLabDock::setImage(const QString& imagePath) {
    if (imagePath == model_->imagePath()) {
        return;
    }
    baseStale_ = true;
    base_ = QImage();
    if (isVisible()) {
        loadBase();
    }
    model_->setImage(imagePath);
}

void PromptLabDock::loadBase() {
    base_ = model_->imagePath().isEmpty() ? QImage() : loadScaled(model_->imagePath(), LabTile::kImageSide);
    baseStale_ = false;
    for (int row = 0; row < tiles_.size(); ++row) {
        updateTile(row);
    }
}

void PromptLabDock::addTile(int row) {
    auto* tile = new LabTile(grid_);
    connect(tile, &LabTile::promoteClicked, this, &PromptLabDock::promote);
    connect(tile, &LabTile::addToClicked, this, &PromptLabDock::showAddToMenu);
    connect(tile, &LabTile::removeClicked, this,
            [this](const QString& id) { model_->removeCandidate(model_->rowOf(id)); });
    tiles_.insert(row, tile);
    updateTile(row);
    layoutTiles();
}

void PromptLabDock::removeTile(int row) {
    delete tiles_.takeAt(row);
    layoutTiles();
    updateStatus();
}

void PromptLabDock::rebuildTiles() {
    qDeleteAll(tiles_);
    tiles_.clear();
    for (int row = 0; row < model_->candidates().size(); ++row) {
        addTile(row);
    }
    updateStatus();
}

void PromptLabDock::updateTile(int row) {
    if (row >= 0 && row < tiles_.size()) {
        tiles_[row]->setCandidate(model_->candidates()[row], base_);
    }
    updateStatus();
}

int PromptLabDock::columnsFor(int width) const {
    return std::max(1, (width - 8) / (LabTile::kTileWidth + gridLayout_->spacing()));
}

void PromptLabDock::layoutTiles() {
    columns_ = columnsFor(grid_->parentWidget() ? grid_->parentWidget()->width() : grid_->width());
    for (LabTile* tile : std::as_const(tiles_)) {
        gridLayout_->removeWidget(tile);
    }
    for (int i = 0; i < tiles_.size(); ++i) {
        gridLayout_->addWidget(tiles_[i], i / columns_, i % columns_);
        tiles_[i]->show();
    }
}

bool PromptLabDock::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::Resize && watched == grid_->parentWidget()) {
        if (columnsFor(grid_->parentWidget()->width()) != columns_) {
            layoutTiles();
        }
    }
    return QDockWidget::eventFilter(watched, event);
}

QString PromptLabDock::statusText() const {
    return status_->text();
}

void PromptLabDock::updateStatus() {
    const int n = static_cast<int>(model_->candidates().size());
    const QString image = QFileInfo(model_->imagePath()).fileName();
    QString text;
    if (n == 0) {
        text = tr("No candidates yet: type one above and press Enter.");
    } else if (model_->pendingCount() > 0) {
        text = tr("%n candidate(s) on %1, decoding %2…", nullptr, n).arg(image).arg(model_->pendingCount());
    } else {
        text = tr("%n candidate(s) on %1, %2 shown", nullptr, n).arg(image).arg(model_->resultCount());
    }
    status_->setText(text);
    status_->setAccessibleName(text);  // what a screen reader (or a test) reads
}

void PromptLabDock::promote(const QString& candidateId) {
    const int row = model_->rowOf(candidateId);
    if (row < 0) {
        return;
    }
    const CandidatePromoter::Change change =
        CandidatePromoter::newLabel(*labels_, model_->candidates()[row].text, model_->threshold());
    if (!change.isEmpty()) {
        commands_->replaceLabels(change.labels, change.text);
    }
}

void PromptLabDock::addToLabel(const QString& candidateId, const QString& labelId,
                               CandidatePromoter::Role role) {
    const int row = model_->rowOf(candidateId);
    if (row < 0) {
        return;
    }
    const CandidatePromoter::Change change =
        CandidatePromoter::addTo(*labels_, labelId, model_->candidates()[row].text, role);
    if (!change.isEmpty()) {
        commands_->replaceLabels(change.labels, change.text);
    }
}

void PromptLabDock::showAddToMenu(const QString& candidateId) {
    const int row = model_->rowOf(candidateId);
    if (row < 0) {
        return;
    }
    QMenu menu(this);
    if (labels_->rowCount() == 0) {
        menu.addAction(tr("No labels yet"))->setEnabled(false);
    }
    for (const LabelDefinition& label : labels_->labels()) {
        const QString id = label.id;
        QMenu* sub = menu.addMenu(label.name);
        const auto add = [&](const QString& text, CandidatePromoter::Role role) {
            sub->addAction(text, this, [this, candidateId, id, role] { addToLabel(candidateId, id, role); });
        };
        add(tr("As a prompt (either one finds it)"), CandidatePromoter::Role::Prompt);
        add(tr("Into its ensemble (averaged)"), CandidatePromoter::Role::Ensemble);
        add(tr("As a negative (not this)"), CandidatePromoter::Role::Negative);
    }
    menu.exec(tiles_[row]->addToButton()->mapToGlobal(QPoint(0, tiles_[row]->addToButton()->height())));
}

void PromptLabDock::runAcrossImages() {
    const QStringList images = nextImages_ ? nextImages_(count_->value()) : QStringList();
    QVector<LabelDefinition> candidates;
    for (const LabCandidate& c : model_->candidates()) {
        candidates << PromptLabModel::asLabel(c);
    }
    if (candidates.isEmpty() || images.isEmpty()) {
        sweepStatus_->setText(candidates.isEmpty() ? tr("Add candidates first.")
                                                   : tr("There are no images after this one."));
        return;
    }
    sweep_->start(candidates, images, model_->threshold());
}

void PromptLabDock::cancelAcrossImages() {
    sweep_->cancel();
}

void PromptLabDock::onSweepStarted() {
    sweepBases_ = QVector<QImage>(sweep_->images().size());
    matrix_->clear();
    matrix_->setRowCount(static_cast<int>(sweep_->candidates().size()));
    matrix_->setColumnCount(static_cast<int>(sweep_->images().size()));
    QStringList rows;
    for (const LabelDefinition& c : sweep_->candidates()) {
        rows << c.name;
    }
    QStringList columns;
    for (const QString& path : sweep_->images()) {
        columns << QFileInfo(path).fileName();
    }
    matrix_->setVerticalHeaderLabels(rows);
    matrix_->setHorizontalHeaderLabels(columns);
    run_->setText(tr("Cancel"));
    sweepStatus_->setText(tr("Running: %1 of %2 images").arg(0).arg(sweep_->total()));
}

void PromptLabDock::updateMatrixColumn(int column) {
    if (column < 0 || column >= sweepBases_.size()) {
        return;
    }
    const int side = LabSweep::kThumbSide;
    if (sweepBases_[column].isNull() && sweep_->cell(0, column).done) {
        sweepBases_[column] = loadScaled(sweep_->images()[column], side);
    }
    for (int row = 0; row < sweep_->candidates().size(); ++row) {
        const LabSweep::Cell& cell = sweep_->cell(row, column);
        if (!cell.done) {
            continue;
        }
        auto* item = new QTableWidgetItem;
        if (!cell.error.isEmpty()) {
            item->setText(tr("failed"));
            item->setToolTip(cell.error);
        } else {
            const QSize size = sweepBases_[column].isNull() ? QSize(side, side) : sweepBases_[column].size();
            item->setIcon(
                QPixmap::fromImage(LabTile::heatPicture(sweepBases_[column], cell.thumbnail, size)));
            item->setText(QStringLiteral("%1 %").arg(cell.areaPercent, 0, 'f', 1));
        }
        matrix_->setItem(row, column, item);
    }
    if (sweep_->isRunning()) {
        sweepStatus_->setText(tr("Running: %1 of %2 images").arg(sweep_->doneCount()).arg(sweep_->total()));
    }
}

void PromptLabDock::onSweepFinished(bool cancelled) {
    run_->setText(tr("Run on the next images"));
    sweepStatus_->setText(
        cancelled ? tr("Cancelled after %1 of %2 images").arg(sweep_->doneCount()).arg(sweep_->total())
                  : tr("Done: %1 images").arg(sweep_->total()));
}

}  // namespace pm::ui
