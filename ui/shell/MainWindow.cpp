#include "shell/MainWindow.h"

#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QListView>
#include <QMessageBox>
#include <QProgressDialog>
#include <QUndoStack>
#include <QVBoxLayout>
#include <utility>

#include "autolabel/AutoLabelController.h"
#include "canvas/CanvasView.h"
#include "commands/DocumentCommands.h"
#include "docks/ImageDock.h"
#include "docks/LabelsDock.h"
#include "document/DatasetDocument.h"
#include "document/ImageListModel.h"
#include "document/LabelListModel.h"
#include "inference/SegmentationController.h"
#include "lab/PromptLabDock.h"
#include "shell/AppSettings.h"
#include "shell/KeyboardFocus.h"
#include "shell/NoticeBar.h"
#include "shell/StatusBarWidget.h"
#include "threshold/ThresholdAdvisor.h"

namespace pm::ui {

MainWindow::MainWindow(OpenSegmenterFn openSegmenter, QWidget* parent)
    : QMainWindow(parent),
      settings_(std::make_unique<AppSettings>()),
      controller_(new SegmentationController(std::move(openSegmenter), this)),
      document_(new DatasetDocument(controller_, this)),
      canvas_(new CanvasView),
      notice_(new NoticeBar),
      imageDock_(new ImageDock(document_->imageModel(), this)),
      labelsDock_(new LabelsDock(document_->labelModel(), document_->commands(), this)),
      lab_(new PromptLabDock(document_->labelModel(), document_->commands(), controller_, this)),
      status_(new StatusBarWidget(this)),
      exporter_(new DatasetExporter(this)),
      thresholds_(new ThresholdAdvisor(document_, this)) {
    setObjectName(QStringLiteral("MainWindow"));
    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(notice_);
    layout->addWidget(canvas_, 1);
    setCentralWidget(central);
    addDockWidget(Qt::LeftDockWidgetArea, imageDock_);
    addDockWidget(Qt::RightDockWidgetArea, labelsDock_);
    addDockWidget(Qt::BottomDockWidgetArea, lab_);
    lab_->hide();  // View → Prompt Lab (L) opens it
    lab_->setNextImages([this](int count) {
        QStringList paths;
        const ImageListModel* images = document_->imageModel();
        for (int row = document_->currentRow() + 1; row < images->rowCount() && paths.size() < count; ++row) {
            paths << images->absolutePath(row);
        }
        return paths;
    });
    setStatusBar(status_);
    canvas_->setPlaceholderText(
        tr("Open an image (Ctrl+O) or a folder (Ctrl+Shift+O).\nThen press T and type what to find, "
           "e.g. \"a glass\", or draw a box around one example with the box tool (B)."));
    imageDock_->setRecursive(settings_->recursive());
    document_->setAutosave(settings_->autosave());
    document_->setAutoSegment(settings_->autoSegment());
    updateInstanceOptions();
    autoLabel_ = new AutoLabelController(
        {controller_, document_->imageModel(), document_->labelModel(), imageDock_->view(),
         [this] { return document_->overlapMode(); }, [this] { return document_->instanceOptions(); }},
        this);
    document_->setAutoResultCheck([this](const QString& path) { return autoLabel_->isAutoResult(path); });
    connect(document_, &DatasetDocument::datasetOpened, autoLabel_, &AutoLabelController::datasetOpened);

    createActions();
    connectSignals();
    connectDocument();
    // Single-letter keys are commands on the canvas: it has the keyboard from the start.
    keyboard_ = new KeyboardFocus(this, canvas_);
    canvas_->setFocus(Qt::OtherFocusReason);
    showNoModel();
    updateTitle();
    resize(1400, 880);
}

MainWindow::~MainWindow() {
    delete keyboard_;  // it watches the whole application: not while the widgets go
    keyboard_ = nullptr;
    // The document outlives this window's members by a moment (it is a child): its last signals
    // (labels saved on the way out) must reach nothing here.
    document_->disconnect();
}

void MainWindow::connectSignals() {
    connect(imageDock_, &ImageDock::imageActivated, document_, &DatasetDocument::goToImage);
    connect(imageDock_, &ImageDock::recursiveToggled, this, [this](bool on) {
        settings_->setRecursive(on);
        if (!document_->datasetDir().isEmpty() && document_->imageModel()->rowCount() != 1) {
            openFolder(document_->datasetDir());
        }
    });
    connect(labelsDock_, &LabelsDock::selectedLabelChanged, this, [this] {
        updateBrushColor();
        if (heatMap_) {
            updateOverlay();
        }
        onCursorMoved(cursor_);
    });
    connect(labelsDock_, &LabelsDock::segmentRequested, document_, &DatasetDocument::segmentCurrent);
    connect(document_->labelModel(), &LabelListModel::labelsChanged, this,
            &MainWindow::updateBrushColor);  // a colour edit shows in the next stroke
    connect(document_, &DatasetDocument::imageShown, lab_, &PromptLabDock::setImage);
    connect(canvas_, &CanvasView::boxDrawn, this, &MainWindow::onBoxDrawn);
    connect(
        canvas_, &CanvasView::strokeDrawn, this,
        [this](const QVector<QPoint>& points, int radius, bool erase) {
            drawn([&](int row) { return document_->commands()->paintStroke(row, points, radius, erase); });
        });
    connect(canvas_, &CanvasView::polygonDrawn, this, [this](const QVector<QPoint>& corners, bool erase) {
        drawn([&](int row) { return document_->commands()->paintPolygon(row, corners, erase); });
    });
    connect(canvas_, &CanvasView::fillClicked, this, [this](const QPoint& pixel, bool erase) {
        document_->commands()->fill(labelsDock_->selectedRow(), pixel, erase);
    });
    connect(canvas_, &CanvasView::cursorMoved, this, &MainWindow::onCursorMoved);
    connect(canvas_, &CanvasView::cursorLeft, this, [this] { onCursorMoved(QPoint(-1, -1)); });
    // The banner's button: Retry for a save that failed (full disk, read-only folder), else Open Model.
    connect(notice_, &NoticeBar::actionTriggered, this, [this] {
        if (notice_->topic() == NoticeBar::Topic::Annotation) {
            document_->saveAnnotation(false);
        } else if (notice_->topic() == NoticeBar::Topic::Labels) {
            document_->saveLabels();
        } else if (notice_->topic() == NoticeBar::Topic::Recovery) {
            document_->restoreJournal();
        } else {
            chooseModel();
        }
    });
    connect(notice_, &NoticeBar::linkActivated, this, [this] { showUserGuide(); });

    connect(exporter_, &DatasetExporter::progress, this, [this](int done, int total) {
        if (exportProgress_) {
            exportProgress_->setMaximum(total);
            exportProgress_->setValue(done);
        }
    });
    connect(exporter_, &DatasetExporter::finished, this, &MainWindow::onExportFinished);

    connect(controller_, &SegmentationController::modelLoading, this, [this](const QString& dir) {
        status_->setNoModel(tr("Loading model…"));
        status_->setBusy(true, tr("Loading model %1…").arg(QDir::toNativeSeparators(dir)));
    });
    connect(controller_, &SegmentationController::modelLoaded, this, [this](const pm::ModelInfo& info) {
        notice_->dismiss(NoticeBar::Topic::Model);
        status_->setModel(info);
        status_->showMessage(tr("Model loaded: %1").arg(QString::fromStdString(info.name)), 5000);
        canvas_->setPlaceholderText(
            tr("Open an image (Ctrl+O) or a folder (Ctrl+Shift+O).\nThen press T and type what to find, "
               "e.g. \"a glass\", or draw a box around one example with the box tool (B)."));
        document_->onModelLoaded();
    });
    connect(controller_, &SegmentationController::modelFailed, this,
            [this](const QString&, const QString& message) { showNoModel(message); });
    connect(controller_, &SegmentationController::segmented, document_, &DatasetDocument::onSegmented);
    connect(controller_, &SegmentationController::segmentFailed, document_,
            &DatasetDocument::onSegmentFailed);
    connect(controller_, &SegmentationController::prefetched, this,
            [this](const QString&, const pm::CacheStats& stats, double) { status_->setCache(stats); });
    connect(controller_, &SegmentationController::busyChanged, this, [this](bool busy) {
        status_->setBusy(busy, busy && controller_->hasModel() ? tr("Segmenting…") : QString());
        document_->onBusyChanged(busy);
    });
}

// What the document says, shown: canvas, banner, status bar, title, menus.
void MainWindow::connectDocument() {
    DatasetDocument* d = document_;
    connect(d, &DatasetDocument::datasetOpened, this, [this](const QString& entry) {
        settings_->addRecentDataset(entry);
        updateRecentMenu();
    });
    connect(d, &DatasetDocument::labelsLoaded, this, [this] {
        if (document_->labelModel()->rowCount() > 0) {
            labelsDock_->selectRow(0);
        }
    });
    connect(d, &DatasetDocument::currentRowChanged, imageDock_, &ImageDock::setCurrentRow);
    connect(d, &DatasetDocument::imageLoading, this, [this](const QString& path) {
        canvas_->clearImage();
        canvas_->setPlaceholderText(tr("Loading %1…").arg(QFileInfo(path).fileName()));
    });
    connect(d, &DatasetDocument::imageOpened, this,
            [this](const QImage& image) { canvas_->setImage(image); });
    connect(d, &DatasetDocument::imageClosed, this, [this](const QString& placeholder) {
        canvas_->clearImage();
        if (!placeholder.isEmpty()) {
            canvas_->setPlaceholderText(placeholder);
        }
    });
    connect(d, &DatasetDocument::overlayChanged, this, &MainWindow::updateOverlay);
    connect(d, &DatasetDocument::currentChanged, this, &MainWindow::updateTitle);
    connect(d, &DatasetDocument::overlapModeChanged, this, [this](OverlapMode mode) {
        exclusiveAction_->setChecked(mode == OverlapMode::Exclusive);
        overlappingAction_->setChecked(mode == OverlapMode::Overlapping);
    });
    connect(d, &DatasetDocument::autosaveChanged, autosaveAction_, &QAction::setChecked);
    connect(d, &DatasetDocument::segmentationTimings, this, [this](const SegmentationOutcome& outcome) {
        status_->setTimings(outcome.timings);
        status_->setCache(outcome.cacheStats);
    });
    connect(d, &DatasetDocument::notice, notice_,
            [this](NoticeKind kind, const QString& text, const QString& action, NoticeTopic topic) {
                notice_->showNotice(kind, text, action, topic);
            });
    connect(d, &DatasetDocument::noticeDismissed, notice_, [this](NoticeTopic topic, bool onlyError) {
        if (!onlyError || notice_->kind() == NoticeKind::Error) {
            notice_->dismiss(topic);
        }
    });
    connect(d, &DatasetDocument::message, status_,
            [this](const QString& text, int timeoutMs) { status_->showMessage(text, timeoutMs); });
}

void MainWindow::loadModel(const QString& bundleDir) {
    if (bundleDir.isEmpty()) {
        showNoModel();
        return;
    }
    notice_->showNotice(
        NoticeBar::Kind::Info,
        tr("Loading model <b>%1</b>…").arg(QDir::toNativeSeparators(bundleDir).toHtmlEscaped()), {},
        NoticeBar::Topic::Model);
    controller_->loadModel(bundleDir);
}

void MainWindow::showNoModel(const QString& problem) {
    QString text;
    if (!problem.isEmpty()) {
        text = tr("<b>The model could not be loaded.</b> %1<br>").arg(problem.toHtmlEscaped());
    }
    text +=
        tr("<b>No model loaded</b> — here is how to get one: open a model bundle (a folder with "
           "<code>manifest.json</code> and <code>model.pt</code>) with <i>File → Open Model…</i>. "
           "Export CLIPSeg from Hugging Face with <code>packaging/models/export_clipseg.py</code>, or use "
           "the demo model <code>resources/models/demo-shapes</code>. "
           "<a href=\"guide\">Read the user guide</a>.");
    notice_->showNotice(problem.isEmpty() ? NoticeBar::Kind::Warning : NoticeBar::Kind::Error, text,
                        tr("Open Model…"), NoticeBar::Topic::Model);
    status_->setNoModel(tr("No model"));
    canvas_->setPlaceholderText(
        tr("No model loaded.\nOpen a model bundle with File → Open Model… (Ctrl+M); "
           "you can still browse images and set up labels."));
    updateTitle();
}

bool MainWindow::openPath(const QString& path) {
    return QFileInfo(path).isDir() ? openFolder(path) : openImage(path);
}

bool MainWindow::openFolder(const QString& dir) {
    return document_->openFolder(dir, imageDock_->recursive());
}

bool MainWindow::openImage(const QString& path) {
    return document_->openImage(path);
}

void MainWindow::onBoxDrawn(const QRect& box) {
    const int row =
        document_->commands()->addExemplar(labelsDock_->selectedRow(), box, labelsDock_->exemplarMode());
    if (row >= 0) {
        labelsDock_->selectRow(row);
    }
    keyboard_->returnHome();  // the next key is a command, wherever the focus was before the drag
}

void MainWindow::drawn(const std::function<int(int row)>& command) {
    const int row = command(labelsDock_->selectedRow());
    if (row >= 0 && row != labelsDock_->selectedRow()) {
        labelsDock_->selectRow(row);  // the label made for it
    }
}

void MainWindow::onCursorMoved(const QPoint& pixel) {
    cursor_ = pixel;
    const ImageSession& session = document_->session();
    if (pixel.x() < 0 || !session.isOpen()) {
        status_->setCursorText({});
        return;
    }
    QString text = QStringLiteral("%1, %2").arg(pixel.x()).arg(pixel.y());
    const int row = labelsDock_->selectedRow();
    if (row >= 0) {
        const LabelDefinition& label = document_->labelModel()->label(row);
        const float p = session.probabilityAt(label, pixel);
        if (p >= 0.0f) {
            text += QStringLiteral("  ·  p(%1) = %2").arg(label.name).arg(p, 0, 'f', 3);
        }
    }
    status_->setCursorText(text);
}

void MainWindow::updateOverlay() {
    const ImageSession& session = document_->session();
    const int row = labelsDock_->selectedRow();
    if (!session.isOpen()) {
        canvas_->setOverlay({});
    } else if (heatMap_ && row >= 0) {
        const cv::Mat p = session.probability(document_->labelModel()->label(row));
        canvas_->setOverlay(p.empty() ? QImage() : OverlayRenderer::heatMap(p));
    } else {
        canvas_->setOverlay(document_->overlayImage());
    }
}

void MainWindow::setHeatMap(bool on) {
    heatMap_ = on;
    if (heatMapAction_) {
        heatMapAction_->setChecked(on);
    }
    updateOverlay();
}

void MainWindow::updateTitle() {
    QStringList parts{QStringLiteral("PromptMask")};
    const ImageSession& session = document_->session();
    if (session.isOpen() || !session.path().isEmpty()) {
        parts << QFileInfo(session.path()).fileName();
    } else if (!document_->datasetDir().isEmpty()) {
        parts << QDir(document_->datasetDir()).dirName();
    }
    if (controller_->hasModel()) {
        parts << QString::fromStdString(controller_->modelInfo().name);
    } else if (!controller_->isLoading()) {
        parts << tr("no model");
    }
    setWindowTitle(parts.join(QStringLiteral(" — ")));
}

void MainWindow::closeEvent(QCloseEvent* event) {
    document_->leaveCurrent();
    // Brush work is the user's own: never drop it silently.
    const QStringList unsaved = document_->unsavedPaintedImages();
    if (!unsaved.isEmpty()) {
        const auto answer = QMessageBox::warning(
            this, tr("Unsaved Brush Edits"),
            tr("Brush or eraser edits on %n image(s) are not saved: %1.\n\nQuit and discard them?", nullptr,
               static_cast<int>(unsaved.size()))
                .arg(unsaved.join(QStringLiteral(", "))),
            QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard) {
            event->ignore();
            return;
        }
    }
    document_->close();
    exporter_->cancel();
    event->accept();
}

}  // namespace pm::ui
