// MainWindow's menus, actions and keyboard shortcuts (the rest of the class is in MainWindow.cpp).
#include <QActionGroup>
#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QShortcut>
#include <QToolBar>
#include <QUndoStack>
#include <QUrl>
#include <algorithm>

#include "autolabel/AutoLabelController.h"
#include "canvas/CanvasView.h"
#include "canvas/tools/BoxTool.h"
#include "canvas/tools/BrushTool.h"
#include "canvas/tools/FillTool.h"
#include "canvas/tools/PolygonTool.h"
#include "commands/DocumentCommands.h"
#include "docks/ImageDock.h"
#include "docks/LabelsDock.h"
#include "document/DatasetDocument.h"
#include "document/ImageListModel.h"
#include "document/LabelListModel.h"
#include "inference/ModelLocator.h"
#include "lab/PromptLabDock.h"
#include "settings/LanguageMenu.h"
#include "shell/AppSettings.h"
#include "shell/MainWindow.h"
#include "shell/ShortcutsDialog.h"
#include "shell/StatusBarWidget.h"
#include "threshold/ThresholdAdvisor.h"
#include "util/Version.h"

namespace pm::ui {

namespace {
// Brush radii the [ and ] keys step through, in image pixels.
constexpr int kBrushRadii[] = {0, 1, 2, 3, 5, 8, 12, 16, 24, 32, 48, 64, 96, 128};

// All of the platform's keys for a standard action (QKeySequence(StandardKey) keeps only the first:
// Redo would answer Ctrl+Y but not Ctrl+Shift+Z), plus `usual` where the platform theme lacks it
// (offscreen and minimal themes have no Quit key at all).
QList<QKeySequence> standardKeys(QKeySequence::StandardKey key, const QKeySequence& usual) {
    QList<QKeySequence> keys = QKeySequence::keyBindings(key);
    if (!keys.contains(usual)) {
        keys.append(usual);
    }
    return keys;
}
}  // namespace

void MainWindow::createActions() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    file->addAction(tr("Open &Image…"), QKeySequence::Open, this, &MainWindow::chooseImage);
    file->addAction(tr("Open &Folder…"), QKeySequence(tr("Ctrl+Shift+O")), this, &MainWindow::chooseFolder);
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    updateRecentMenu();
    file->addSeparator();
    file->addAction(tr("Open &Model…"), QKeySequence(tr("Ctrl+M")), this, &MainWindow::chooseModel);
    QAction* demo =
        file->addAction(tr("Use &Demo Model"), this, [this] { loadModel(ModelLocator::demoModel()); });
    demo->setEnabled(!ModelLocator::demoModel().isEmpty());
    file->addSeparator();
    file->addAction(tr("&Save Annotation"), QKeySequence::Save, this,
                    [this] { document_->saveAnnotation(); });
    file->addAction(tr("&Export Dataset…"), QKeySequence(tr("Ctrl+E")), this, &MainWindow::exportDataset);
    file->addSeparator();
    file->addAction(tr("&Quit"), this, &QWidget::close)
        ->setShortcuts(standardKeys(QKeySequence::Quit, QKeySequence(tr("Ctrl+Q"))));

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("editMenu"));
    QAction* undo = document_->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcuts(standardKeys(QKeySequence::Undo, QKeySequence(tr("Ctrl+Z"))));
    QAction* redo = document_->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts(standardKeys(QKeySequence::Redo, QKeySequence(tr("Ctrl+Shift+Z"))));
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(tr("&Type a Prompt"), QKeySequence(Qt::Key_T), labelsDock_, &LabelsDock::focusPrompt);
    edit->addAction(tr("&Add Label"), QKeySequence(tr("Ctrl+L")), this, [this] { labelsDock_->addLabel(); });
    edit->addAction(tr("Remo&ve Label"), this, [this] { labelsDock_->removeSelected(); });
    edit->addAction(tr("Su&ggest Threshold…"), this,
                    [this] { thresholds_->suggest(labelsDock_->selectedRow()); });
    edit->addSeparator();
    // One drawing tool at a time; pressing a tool's key again goes back to plain navigation.
    auto* tools = new QActionGroup(this);
    tools->setExclusionPolicy(QActionGroup::ExclusionPolicy::ExclusiveOptional);
    // The same actions sit on a tool bar at the left edge of the canvas, as in other annotation tools.
    QToolBar* toolBar = new QToolBar(tr("Tools"), this);
    toolBar->setObjectName(QStringLiteral("toolsBar"));
    toolBar->setIconSize(QSize(24, 24));
    addToolBar(Qt::LeftToolBarArea, toolBar);
    auto addTool = [&](const QString& text, Qt::Key key, CanvasTool* tool, const QString& icon,
                       const QString& tip) {
        QAction* a = edit->addAction(text);
        a->setShortcut(QKeySequence(key));
        a->setCheckable(true);
        a->setIcon(QIcon(QStringLiteral(":/icons/%1.svg").arg(icon)));
        a->setToolTip(QStringLiteral("%1 (%2)").arg(tip, a->shortcut().toString(QKeySequence::NativeText)));
        a->setData(QVariant::fromValue<QObject*>(tool));
        tools->addAction(a);
        toolBar->addAction(a);
    };
    addTool(tr("&Box Tool (Visual Prompt)"), Qt::Key_B, canvas_->tools().box, QStringLiteral("tool-box"),
            tr("Draw a box around one example: its crop becomes a visual prompt"));
    addTool(tr("&Paint Brush"), Qt::Key_P, canvas_->tools().brush, QStringLiteral("tool-brush"),
            tr("Paint pixels into the selected label's mask"));
    addTool(tr("&Eraser"), Qt::Key_E, canvas_->tools().eraser, QStringLiteral("tool-eraser"),
            tr("Erase pixels from the selected label's mask"));
    addTool(tr("Pol&ygon Fill"), Qt::Key_G, canvas_->tools().polygon, QStringLiteral("tool-polygon"),
            tr("Click corners around a region to add it to the selected label's mask "
               "(Shift when closing: cut it out)"));
    addTool(tr("&Fill Holes"), Qt::Key_K, canvas_->tools().fill, QStringLiteral("tool-fill"),
            tr("Click inside a hole of the selected label to fill it; Shift+click a part to remove it"));
    canvas_->setBrushRadius(settings_->brushRadius());
    connect(tools, &QActionGroup::triggered, this, [this, tools] {
        QAction* checked = tools->checkedAction();
        canvas_->setTool(checked ? qobject_cast<CanvasTool*>(checked->data().value<QObject*>()) : nullptr);
        showToolHint();
    });
    QAction* larger = edit->addAction(tr("&Larger Brush"), this, [this] { changeBrushSize(+1); });
    larger->setShortcut(QKeySequence(Qt::Key_BracketRight));
    QAction* smaller = edit->addAction(tr("&Smaller Brush"), this, [this] { changeBrushSize(-1); });
    smaller->setShortcut(QKeySequence(Qt::Key_BracketLeft));

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    QAction* zoomIn = view->addAction(tr("Zoom &In"), canvas_, &CanvasView::zoomIn);
    zoomIn->setShortcuts({QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal), QKeySequence::ZoomIn});
    QAction* zoomOut = view->addAction(tr("Zoom &Out"), canvas_, &CanvasView::zoomOut);
    zoomOut->setShortcuts({QKeySequence(Qt::Key_Minus), QKeySequence::ZoomOut});
    view->addAction(tr("&Fit to Window"), QKeySequence(Qt::Key_F), canvas_, &CanvasView::fitToWindow);
    view->addAction(tr("&Actual Size (1:1)"), QKeySequence(tr("Ctrl+0")), canvas_, &CanvasView::actualSize);
    view->addSeparator();
    overlayAction_ = view->addAction(tr("Show O&verlay"));
    overlayAction_->setShortcut(QKeySequence(Qt::Key_O));
    overlayAction_->setCheckable(true);
    overlayAction_->setChecked(true);
    connect(overlayAction_, &QAction::toggled, canvas_, &CanvasView::setOverlayVisible);
    heatMapAction_ = view->addAction(tr("Probability &Heat Map"));
    heatMapAction_->setShortcut(QKeySequence(Qt::Key_H));
    heatMapAction_->setCheckable(true);
    connect(heatMapAction_, &QAction::toggled, this, &MainWindow::setHeatMap);
    QMenu* overlap = view->addMenu(tr("Over&lapping Labels"));
    auto* group = new QActionGroup(this);
    exclusiveAction_ = overlap->addAction(tr("&Exclusive (highest probability wins)"));
    overlappingAction_ = overlap->addAction(tr("&Overlapping (independent masks)"));
    for (QAction* a : {exclusiveAction_, overlappingAction_}) {
        a->setCheckable(true);
        group->addAction(a);
    }
    exclusiveAction_->setChecked(document_->overlapMode() == OverlapMode::Exclusive);
    overlappingAction_->setChecked(document_->overlapMode() == OverlapMode::Overlapping);
    connect(exclusiveAction_, &QAction::triggered, this,
            [this] { document_->commands()->setOverlapMode(OverlapMode::Exclusive); });
    connect(overlappingAction_, &QAction::triggered, this,
            [this] { document_->commands()->setOverlapMode(OverlapMode::Overlapping); });
    view->addSeparator();
    view->addAction(imageDock_->toggleViewAction());
    view->addAction(labelsDock_->toggleViewAction());
    view->addAction(lab_->openAction());

    QMenu* image = menuBar()->addMenu(tr("&Image"));
    image->setObjectName(QStringLiteral("imageMenu"));
    QAction* next = image->addAction(tr("&Next Image"), document_, &DatasetDocument::nextImage);
    next->setShortcuts({QKeySequence(Qt::Key_D), QKeySequence(Qt::Key_Right)});
    QAction* previous = image->addAction(tr("&Previous Image"), document_, &DatasetDocument::previousImage);
    previous->setShortcuts({QKeySequence(Qt::Key_A), QKeySequence(Qt::Key_Left)});
    QAction* resegment = image->addAction(tr("&Re-segment"), document_, &DatasetDocument::resegmentCurrent);
    resegment->setShortcuts({QKeySequence(Qt::Key_R), QKeySequence(tr("Ctrl+R"))});
    resegment->setToolTip(tr("Run the model on this image, also when it shows a saved annotation"));
    QAction* clearEdits = image->addAction(tr("&Clear Brush Edits"), this,
                                           [this] { document_->commands()->clearBrushEdits(); });
    clearEdits->setShortcut(QKeySequence(tr("Shift+E")));
    clearEdits->setToolTip(tr("Remove every brush and eraser stroke of this image (undoable)"));
    QAction* done = image->addAction(tr("Save, Mark &Done and Go On"), this, [this] {
        if (document_->saveAnnotation()) {
            document_->nextImage();
        }
    });
    done->setShortcuts({QKeySequence(tr("Ctrl+Return")), QKeySequence(tr("Ctrl+Enter"))});
    image->addSeparator();
    QAction* autoLabel =
        image->addAction(tr("Auto-&Label Dataset…"), autoLabel_, &AutoLabelController::chooseAndRun);
    autoLabel->setObjectName(QStringLiteral("autoLabelAction"));
    autoLabel->setShortcut(QKeySequence(tr("Ctrl+Shift+A")));
    autoLabel->setToolTip(
        tr("Label all images, the selected ones or the unannotated ones with the current "
           "labels, in the background"));
    autoSegmentAction_ = image->addAction(tr("&Auto-Segment on Open"));
    autoSegmentAction_->setCheckable(true);
    autoSegmentAction_->setChecked(settings_->autoSegment());
    connect(autoSegmentAction_, &QAction::toggled, this, [this](bool on) {
        settings_->setAutoSegment(on);
        document_->setAutoSegment(on);
    });
    autosaveAction_ = image->addAction(tr("Save A&utomatically When Leaving an Image"));
    autosaveAction_->setCheckable(true);
    autosaveAction_->setChecked(settings_->autosave());
    autosaveAction_->setToolTip(tr("Leaving an image whose masks you changed (status edited) saves them"));
    connect(autosaveAction_, &QAction::toggled, this, [this](bool on) {
        settings_->setAutosave(on);
        document_->setAutosave(on);
    });
    instancePerLabelAction_ = image->addAction(tr("One &Instance per Label"));
    instancePerLabelAction_->setCheckable(true);
    instancePerLabelAction_->setChecked(settings_->instancePerLabel());
    instancePerLabelAction_->setToolTip(
        tr("Save each label's mask as one instance instead of one per connected part"));
    connect(instancePerLabelAction_, &QAction::toggled, this, [this](bool on) {
        settings_->setInstancePerLabel(on);
        updateInstanceOptions();
    });
    image->addAction(tr("&Minimum Area…"), this, &MainWindow::chooseMinArea);

    menuBar()->addMenu(tr("&Settings"))->addMenu(new LanguageMenu(this));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    help->addAction(tr("&User Guide"), QKeySequence::HelpContents, this, &MainWindow::showUserGuide);
    help->addAction(tr("&Keyboard Shortcuts"), QKeySequence(tr("Ctrl+/")), this, [this] {
        ShortcutsDialog dialog(menuBar(), this);
        dialog.exec();
    });
    help->addAction(tr("&About PromptMask"), this, [this] {
        QMessageBox::about(
            this, tr("About PromptMask"),
            tr("<h3>PromptMask %1</h3><p>Label images by saying what you want: type a prompt or "
               "draw a box around one example, and CLIPSeg paints the mask.</p>")
                .arg(QString::fromLatin1(pm::kVersion)));
    });

    // Keys 1-9 select labels. Window shortcuts: text fields with focus keep their digits.
    for (int i = 0; i < 9; ++i) {
        auto* shortcut = new QShortcut(QKeySequence(Qt::Key_1 + i), this);
        connect(shortcut, &QShortcut::activated, this, [this, i] { labelsDock_->selectRow(i); });
    }
}

void MainWindow::updateRecentMenu() {
    if (!recentMenu_) {
        return;
    }
    recentMenu_->clear();
    for (const QString& path : settings_->recentDatasets()) {
        recentMenu_->addAction(QDir::toNativeSeparators(path), this, [this, path] { openPath(path); });
    }
    recentMenu_->setEnabled(!recentMenu_->isEmpty());
}

void MainWindow::chooseModel() {
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Open Model Bundle"), settings_->modelPath());
    if (dir.isEmpty()) {
        return;
    }
    settings_->setModelPath(dir);
    loadModel(dir);
}

void MainWindow::chooseImage() {
    QStringList patterns = ImageListModel::nameFilters();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Image"), document_->datasetDir(),
                                                      tr("Images (%1)").arg(patterns.join(QLatin1Char(' '))));
    if (!path.isEmpty()) {
        openImage(path);
    }
}

void MainWindow::chooseFolder() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Folder"), document_->datasetDir());
    if (!dir.isEmpty()) {
        openFolder(dir);
    }
}

void MainWindow::showUserGuide() {
    QStringList candidates{QDir(QCoreApplication::applicationDirPath())
                               .filePath(QStringLiteral("../share/doc/promptmask/USER_GUIDE.md"))};
#ifdef PROMPTMASK_SOURCE_DIR
    candidates << QStringLiteral(PROMPTMASK_SOURCE_DIR "/docs/USER_GUIDE.md");
#endif
    for (const QString& c : candidates) {
        if (QFileInfo::exists(c)) {
            QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(c).absoluteFilePath()));
            return;
        }
    }
    QMessageBox::information(this, tr("User Guide"),
                             tr("The user guide is docs/USER_GUIDE.md in the sources."));
}

void MainWindow::updateBrushColor() {
    if (const int row = labelsDock_->selectedRow(); row >= 0 && row < document_->labelModel()->rowCount()) {
        canvas_->setBrushColor(document_->labelModel()->label(row).color);
    }
}

void MainWindow::showToolHint() {
    const int row = labelsDock_->selectedRow();
    const QString label = row >= 0 ? document_->labelModel()->label(row).name : tr("a new label");
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

}  // namespace pm::ui
