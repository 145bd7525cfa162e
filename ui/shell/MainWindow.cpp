#include "shell/MainWindow.h"

#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QListView>
#include <QMessageBox>
#include <QProgressDialog>
#include <QUndoStack>
#include <QVBoxLayout>
#include <algorithm>
#include <utility>

#include "autolabel/AutoLabelController.h"
#include "canvas/CanvasView.h"
#include "commands/EditLabelCommand.h"
#include "docks/ImageDock.h"
#include "docks/LabelsDock.h"
#include "document/AnnotationFile.h"
#include "document/EditJournal.h"
#include "document/ImageListModel.h"
#include "document/LabelListModel.h"
#include "document/ProjectStore.h"
#include "inference/DecodedImageCache.h"
#include "inference/SegmentationController.h"
#include "shell/AppSettings.h"
#include "shell/KeyboardFocus.h"
#include "shell/NoticeBar.h"
#include "shell/StatusBarWidget.h"
#include "util/AtomicFile.h"
#include "util/Error.h"

namespace pm::ui {

MainWindow::MainWindow(OpenSegmenterFn openSegmenter, QWidget* parent)
    : QMainWindow(parent),
      settings_(std::make_unique<AppSettings>()),
      undo_(new QUndoStack(this)),
      images_(new ImageListModel(this)),
      labels_(new LabelListModel(this)),
      controller_(new SegmentationController(std::move(openSegmenter), this)),
      canvas_(new CanvasView),
      notice_(new NoticeBar),
      imageDock_(new ImageDock(images_, this)),
      labelsDock_(new LabelsDock(labels_, undo_, this)),
      status_(new StatusBarWidget(this)),
      exporter_(new DatasetExporter(this)),
      decodedImages_(std::make_unique<DecodedImageCache>()) {
    setObjectName(QStringLiteral("MainWindow"));
    journal_ = new EditJournal(session_, *images_, this);
    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(notice_);
    layout->addWidget(canvas_, 1);
    setCentralWidget(central);
    addDockWidget(Qt::LeftDockWidgetArea, imageDock_);
    addDockWidget(Qt::RightDockWidgetArea, labelsDock_);
    setStatusBar(status_);
    canvas_->setPlaceholderText(
        tr("Open an image (Ctrl+O) or a folder (Ctrl+Shift+O).\nThen press T and type what to find, "
           "e.g. \"a glass\", or draw a box around one example with the box tool (B)."));
    imageDock_->setRecursive(settings_->recursive());
    saveTimer_.setSingleShot(true);
    saveTimer_.setInterval(400);  // debounce: one write per burst of edits
    autoLabel_ =
        new AutoLabelController({controller_, images_, labels_, imageDock_->view(),
                                 [this] { return overlapMode_; }, [this] { return instanceOptions(); }},
                                this);

    createActions();
    connectSignals();
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
    if (saveTimer_.isActive()) {
        saveLabels();
    }
    // ~QWidget deletes the undo stack after our members are gone, and its clear() emits indexChanged:
    // our slot would then run on a destroyed MainWindow (UBSan found it in the asan preset).
    undo_->disconnect(this);
}

void MainWindow::connectSignals() {
    connect(&saveTimer_, &QTimer::timeout, this, &MainWindow::saveLabels);
    connect(imageDock_, &ImageDock::imageActivated, this, &MainWindow::goToImage);
    connect(imageDock_, &ImageDock::recursiveToggled, this, [this](bool on) {
        settings_->setRecursive(on);
        if (!datasetDir_.isEmpty() && images_->rowCount() != 1) {
            openFolder(datasetDir_);
        }
    });
    connect(labels_, &LabelListModel::labelsChanged, this, &MainWindow::onLabelsChanged);
    connect(labelsDock_, &LabelsDock::selectedLabelChanged, this, [this] {
        updateBrushColor();
        if (heatMap_) {
            updateOverlay();
        }
        onCursorMoved(cursor_);
    });
    connect(labelsDock_, &LabelsDock::segmentRequested, this, &MainWindow::segmentCurrent);
    connect(undo_, &QUndoStack::indexChanged, this, [this] {
        // A brush stroke marks its own image (onEditsChanged), which need not be the one shown.
        if (std::exchange(strokeChanged_, false)) {
            return;
        }
        // A saved annotation on screen does not change with label edits; model masks do, and then
        // they differ from what the model gave (auto) or from what was saved (done).
        if (currentRow_ < 0 || session_.showingSaved()) {
            return;
        }
        const ImageStatus status = images_->status(currentRow_);
        if (status == ImageStatus::Auto || status == ImageStatus::Done) {
            markCurrent(static_cast<int>(ImageStatus::Edited));
        }
    });
    connect(canvas_, &CanvasView::boxDrawn, this, &MainWindow::onBoxDrawn);
    connect(canvas_, &CanvasView::strokeDrawn, this, &MainWindow::onStrokeDrawn);
    connect(canvas_, &CanvasView::polygonDrawn, this, &MainWindow::onPolygonDrawn);
    connect(canvas_, &CanvasView::fillClicked, this, &MainWindow::onFillClicked);
    connect(canvas_, &CanvasView::cursorMoved, this, &MainWindow::onCursorMoved);
    connect(canvas_, &CanvasView::cursorLeft, this, [this] { onCursorMoved(QPoint(-1, -1)); });
    // The banner's button: Retry for a save that failed (full disk, read-only folder), else Open Model.
    connect(notice_, &NoticeBar::actionTriggered, this, [this] {
        if (notice_->topic() == NoticeBar::Topic::Annotation) {
            saveAnnotation(false);
        } else if (notice_->topic() == NoticeBar::Topic::Labels) {
            saveLabels();
        } else if (notice_->topic() == NoticeBar::Topic::Recovery) {
            restoreJournal();
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
        updateTitle();
        if (session_.isOpen() && autoSegmentAction_->isChecked()) {
            segmentCurrent();
        }
    });
    connect(controller_, &SegmentationController::modelFailed, this,
            [this](const QString&, const QString& message) { showNoModel(message); });
    connect(controller_, &SegmentationController::segmented, this, &MainWindow::onSegmented);
    connect(controller_, &SegmentationController::segmentFailed, this,
            [this](quint64 id, const QString& path, const QString& message) {
                if (id == inFlightId_) {
                    inFlight_.clear();
                }
                onSegmentFailed(path, message);
            });
    connect(controller_, &SegmentationController::prefetched, this,
            [this](const QString&, const pm::CacheStats& stats, double) { status_->setCache(stats); });
    connect(controller_, &SegmentationController::busyChanged, this, [this](bool busy) {
        status_->setBusy(busy, busy && controller_->hasModel() ? tr("Segmenting…") : QString());
        if (!busy) {
            prefetchNeighbours();
        }
    });
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
    const QFileInfo info(path);
    if (info.isDir()) {
        return openFolder(path);
    }
    return openImage(path);
}

bool MainWindow::openFolder(const QString& dir) {
    if (!QFileInfo(dir).isDir()) {
        notice_->showNotice(NoticeBar::Kind::Error, tr("Folder not found: %1").arg(dir.toHtmlEscaped()));
        return false;
    }
    openDataset([&] { return images_->openFolder(dir, imageDock_->recursive()); }, QString());
    return true;
}

bool MainWindow::openImage(const QString& path) {
    if (!QFileInfo(path).isFile()) {
        notice_->showNotice(NoticeBar::Kind::Error, tr("Image not found: %1").arg(path.toHtmlEscaped()));
        return false;
    }
    openDataset(
        [&] {
            images_->openImage(path);
            return 1;
        },
        QFileInfo(path).absoluteFilePath());
    return true;
}

void MainWindow::openDataset(const std::function<int()>& listImages, const QString& recentEntry) {
    leaveCurrent();
    journal_->flush();  // while the old dataset's images are still listed
    saveLabels();
    // Before the list changes: nothing may mark rows of the new list on behalf of the old image.
    currentRow_ = -1;
    session_.reset();
    const int count = listImages();
    datasetDir_ = images_->rootDir();
    autoLabel_->datasetOpened();  // auto results of an earlier run are listed as auto, not done
    settings_->addRecentDataset(recentEntry.isEmpty() ? datasetDir_ : recentEntry);
    updateRecentMenu();
    loadProject();
    offerRecovery();
    canvas_->clearImage();
    if (count == 0) {
        status_->showMessage(tr("No images in %1").arg(QDir::toNativeSeparators(datasetDir_)), 5000);
    } else {
        goToImage(0);
    }
    updateTitle();
}

void MainWindow::loadProject() {
    loadingProject_ = true;
    undo_->clear();
    try {
        const ProjectData data = ProjectStore::load(datasetDir_);
        labels_->setLabels(data.labels);
        setOverlapMode(data.overlapMode);
    } catch (const pm::Error& e) {
        // Keep the unreadable file: it is backed up before our first save replaces it.
        pm::AtomicFile::backup(ProjectStore::labelsPath(datasetDir_).toStdString());
        labels_->setLabels({});
        notice_->showNotice(
            NoticeBar::Kind::Warning,
            tr("The saved labels could not be read (a backup was kept as labels.json.bak): %1")
                .arg(QString::fromStdString(e.what()).toHtmlEscaped()),
            {}, NoticeBar::Topic::Labels);
    }
    loadingProject_ = false;
    if (labels_->rowCount() > 0) {
        labelsDock_->selectRow(0);
    }
}

void MainWindow::saveLabels() {
    saveTimer_.stop();
    if (datasetDir_.isEmpty()) {
        return;
    }
    if (labels_->rowCount() == 0 && !QFileInfo::exists(ProjectStore::labelsPath(datasetDir_))) {
        return;  // nothing to save and nothing to update: leave the dataset folder untouched
    }
    try {
        ProjectStore::save(datasetDir_, ProjectData{labels_->labels(), overlapMode_});
        if (notice_->kind() == NoticeBar::Kind::Error) {
            notice_->dismiss(NoticeBar::Topic::Labels);  // a failed save's banner; a warning stays
        }
    } catch (const pm::Error& e) {
        notice_->showNotice(NoticeBar::Kind::Error,
                            tr("Labels could not be saved: %1 The labels are kept in this window; free some "
                               "space or fix the folder, then retry.")
                                .arg(QString::fromStdString(e.what()).toHtmlEscaped()),
                            tr("Retry"), NoticeBar::Topic::Labels);
    }
}

void MainWindow::goToImage(int row) {
    if (row < 0 || row >= images_->rowCount() || row == currentRow_) {
        return;
    }
    leaveCurrent();
    currentRow_ = row;
    savedOnDisk_ = false;
    notice_->dismiss(NoticeBar::Topic::Annotation);  // it spoke about the previous image's file
    imageDock_->setCurrentRow(row);
    const QString path = images_->absolutePath(row);
    overlay_ = QImage();
    areas_.clear();
    inFlight_.clear();
    // Prefetched when stepping through; a decode still under way arrives later, the GUI never waits.
    const std::optional<DecodedImage> decoded =
        decodedImages_->image(path, this, [this, row, path](const DecodedImage& later) {
            if (currentRow_ == row && session_.path() == path && !session_.isOpen()) {
                showImage(row, later);
            }
        });
    if (decoded) {
        showImage(row, *decoded);
        return;
    }
    session_.reset(path);
    canvas_->clearImage();
    canvas_->setPlaceholderText(tr("Loading %1…").arg(QFileInfo(path).fileName()));
    updateTitle();
}

void MainWindow::showImage(int row, const DecodedImage& decoded) {
    const QString path = images_->absolutePath(row);
    const QImage& image = decoded.image;
    if (image.isNull()) {
        session_.reset(path);
        canvas_->clearImage();
        canvas_->setPlaceholderText(tr("This image cannot be read."));
        notice_->showNotice(
            NoticeBar::Kind::Error,
            tr("Cannot read %1: %2")
                .arg(QDir::toNativeSeparators(path).toHtmlEscaped(), decoded.error.toHtmlEscaped()),
            {}, NoticeBar::Topic::Image);
        images_->setStatus(row, ImageStatus::Error);
        updateTitle();
        emit imageShown(path);
        return;
    }
    notice_->dismiss(NoticeBar::Topic::Image);  // an error about the previous image
    session_.reset(path, image);
    showSavedAnnotation(row);
    canvas_->setImage(image);
    updateOverlay();
    updateTitle();
    emit imageShown(path);
    if (autoSegmentAction_->isChecked() && !session_.showingSaved()) {
        segmentCurrent();
    }
    if (!controller_->isBusy()) {
        prefetchNeighbours();
    }
    decodedImages_->prefetch(neighbourPaths());
}

void MainWindow::segmentCurrent() {
    if (!session_.isOpen() || !controller_->hasModel() || session_.showingSaved()) {
        return;  // a saved annotation is shown as saved until the user re-segments
    }
    const QVector<LabelDefinition> stale = session_.stale(labels_->labels());
    // Nothing new when the request in flight already covers every stale label. Otherwise the new request
    // carries all stale labels, as it supersedes (cancels) the one in flight.
    const bool covered = std::all_of(stale.begin(), stale.end(), [this](const LabelDefinition& l) {
        return inFlight_.value(l.id) == l.signature();
    });
    if (stale.isEmpty() || covered) {
        return;
    }
    inFlight_.clear();
    for (const LabelDefinition& l : stale) {
        inFlight_.insert(l.id, l.signature());
    }
    inFlightId_ = controller_->segment(session_.path(), stale);
}

QStringList MainWindow::neighbourPaths() const {
    QStringList paths;
    for (const int row : {currentRow_ + 1, currentRow_ - 1}) {
        if (row >= 0 && row < images_->rowCount() && images_->status(row) != ImageStatus::Error) {
            paths << images_->absolutePath(row);
        }
    }
    return paths;
}

void MainWindow::prefetchNeighbours() {
    if (!controller_->hasModel() || currentRow_ < 0) {
        return;
    }
    controller_->prefetch(neighbourPaths());
}

void MainWindow::onLabelsChanged() {
    if (!loadingProject_) {
        saveTimer_.start();
    }
    updateBrushColor();  // a colour edit shows in the next stroke
    updateOverlay();
    // Prompt edits need the model; threshold, colour and visibility edits were just rendered from cache.
    if (controller_->hasModel() && session_.isOpen() && !session_.stale(labels_->labels()).isEmpty()) {
        segmentCurrent();
    }
}

void MainWindow::onSegmented(const SegmentationOutcome& outcome) {
    if (outcome.requestId == inFlightId_) {
        inFlight_.clear();
    }
    if (outcome.imagePath != session_.path() || session_.showingSaved() || !session_.isOpen()) {
        return;  // stale: the user moved on (or a saved annotation is shown instead)
    }
    if (outcome.imageSize != session_.image().size()) {
        // The viewer (QImageReader) and the model (core/image) read the file differently: masks of
        // one size cannot go on an image of the other, and dropping them silently hides why.
        notice_->showNotice(NoticeBar::Kind::Error,
                            tr("%1 cannot be segmented: the model reads it as %2×%3 pixels, the viewer as "
                               "%4×%5 (an EXIF orientation or image format the two readers disagree on). "
                               "Save it again as PNG to label it.")
                                .arg(QDir::toNativeSeparators(outcome.imagePath).toHtmlEscaped())
                                .arg(outcome.imageSize.width())
                                .arg(outcome.imageSize.height())
                                .arg(session_.image().width())
                                .arg(session_.image().height()),
                            {}, NoticeBar::Topic::Image);
        markCurrent(static_cast<int>(ImageStatus::Error));
        return;
    }
    if (session_.store(outcome, labels_->labels()) == 0) {
        return;  // every label it was computed for has changed since
    }
    status_->setTimings(outcome.timings);
    status_->setCache(outcome.cacheStats);
    if (!outcome.warnings.isEmpty()) {
        status_->showMessage(outcome.warnings.join(QStringLiteral("; ")), 10000);
    }
    if (images_->status(currentRow_) == ImageStatus::New ||
        images_->status(currentRow_) == ImageStatus::Error) {
        markCurrent(static_cast<int>(ImageStatus::Auto));
    }
    updateOverlay();
}

void MainWindow::onSegmentFailed(const QString& imagePath, const QString& message) {
    if (imagePath != session_.path()) {
        return;
    }
    notice_->showNotice(NoticeBar::Kind::Error, tr("Segmentation failed: %1").arg(message.toHtmlEscaped()),
                        {}, NoticeBar::Topic::Image);
    markCurrent(static_cast<int>(ImageStatus::Error));
}

void MainWindow::markCurrent(int status) {
    if (currentRow_ >= 0) {
        images_->setStatus(currentRow_, static_cast<ImageStatus>(status));
    }
}

void MainWindow::onBoxDrawn(const QRect& box) {
    if (!session_.isOpen()) {
        return;
    }
    const int row = labelsDock_->selectedOrNewRow();
    const LabelDefinition before = labels_->label(row);
    LabelDefinition after = before;
    ExemplarDefinition e;
    e.imagePath = session_.path();
    e.box = box;
    e.mode = labelsDock_->exemplarMode();
    e.thumbnail = session_.image().copy(box).scaled(64, 64, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    after.exemplars.push_back(e);
    undo_->push(new EditLabelCommand(labels_, before, after, EditLabelCommand::Field::Exemplars));
    keyboard_->returnHome();  // the next key is a command, wherever the focus was before the drag
}

void MainWindow::onCursorMoved(const QPoint& pixel) {
    cursor_ = pixel;
    if (pixel.x() < 0 || !session_.isOpen()) {
        status_->setCursorText({});
        return;
    }
    QString text = QStringLiteral("%1, %2").arg(pixel.x()).arg(pixel.y());
    const int row = labelsDock_->selectedRow();
    if (row >= 0) {
        const float p = session_.probabilityAt(labels_->label(row), pixel);
        if (p >= 0.0f) {
            text += QStringLiteral("  ·  p(%1) = %2").arg(labels_->label(row).name).arg(p, 0, 'f', 3);
        }
    }
    status_->setCursorText(text);
}

void MainWindow::updateOverlay() {
    if (!session_.isOpen()) {
        canvas_->setOverlay({});
        return;
    }
    overlay_ = session_.renderOverlay(labels_->labels(), overlapMode_, &areas_);
    const int row = labelsDock_->selectedRow();
    if (heatMap_ && row >= 0) {
        const cv::Mat p = session_.probability(labels_->label(row));
        canvas_->setOverlay(p.empty() ? QImage() : OverlayRenderer::heatMap(p));
    } else {
        canvas_->setOverlay(overlay_);
    }
    emit overlayUpdated();
}

void MainWindow::setOverlapMode(OverlapMode mode) {
    if (mode == overlapMode_) {
        return;
    }
    overlapMode_ = mode;
    if (exclusiveAction_) {
        exclusiveAction_->setChecked(mode == OverlapMode::Exclusive);
        overlappingAction_->setChecked(mode == OverlapMode::Overlapping);
    }
    if (!loadingProject_) {
        saveTimer_.start();
    }
    updateOverlay();
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
    if (session_.isOpen() || !session_.path().isEmpty()) {
        parts << QFileInfo(session_.path()).fileName();
    } else if (!datasetDir_.isEmpty()) {
        parts << QDir(datasetDir_).dirName();
    }
    if (controller_->hasModel()) {
        parts << QString::fromStdString(controller_->modelInfo().name);
    } else if (!controller_->isLoading()) {
        parts << tr("no model");
    }
    setWindowTitle(parts.join(QStringLiteral(" — ")));
}

void MainWindow::closeEvent(QCloseEvent* event) {
    leaveCurrent();
    // Brush work is the user's own: never drop it silently.
    const QStringList unsaved = unsavedPaintedImages();
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
    saveLabels();
    exporter_->cancel();
    journal_->discard();  // a clean end: what is unsaved now was discarded on purpose
    event->accept();
}

}  // namespace pm::ui
