#pragma once

#include <QMainWindow>
#include <QPointer>
#include <QTimer>
#include <functional>
#include <vector>

#include "commands/PaintStrokeCommand.h"
#include "document/AnnotationBuilder.h"
#include "document/ImageSession.h"
#include "document/OverlapMode.h"
#include "export/DatasetExporter.h"
#include "inference/DecodedImageCache.h"
#include "inference/SegmentationWorker.h"

class QAction;
class QActionGroup;
class QMenu;
class QMessageBox;
class QProgressDialog;
class QUndoStack;

namespace pm::ui {

class AppSettings;
class AutoLabelController;
class CanvasView;
class EditJournal;
class ImageDock;
class KeyboardFocus;
class ImageListModel;
class LabelListModel;
class LabelsDock;
class NoticeBar;
class SegmentationController;
class StatusBarWidget;

// The PromptMask window: Images dock, canvas, Labels dock, status bar. It wires user actions to the
// SegmentationController (inference on its own thread) and renders overlays from cached maps. Owns
// every widget, model, the undo stack, the controller and the exporter; GUI thread only.
//
// Annotations: the masks shown are saved beside the image as labelme JSON (AnnotationFile) on
// Ctrl+S, on Ctrl+Enter, and, with autosave on, when the user leaves an image they changed. An image
// with a saved file opens showing it (no model call) until re-segmented. Saving is a file write, not
// an undoable edit; the status bar says what was written.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(OpenSegmenterFn openSegmenter, QWidget* parent = nullptr);
    ~MainWindow() override;

    void loadModel(const QString& bundleDir);
    void showNoModel(const QString& problem = {});
    bool openPath(const QString& path);  // an image or a folder
    bool openFolder(const QString& dir);
    bool openImage(const QString& path);
    void goToImage(int row);
    void nextImage() { goToImage(currentRow_ + 1); }
    void previousImage() { goToImage(currentRow_ - 1); }
    // Segments the current image with every visible label whose map is missing or stale.
    void segmentCurrent();
    void setOverlapMode(OverlapMode mode);
    void setHeatMap(bool on);

    // Writes the current image's masks as shown (visible labels, thresholds, overlap mode) beside the
    // image and marks it done. Returns false, saying why in the status bar or banner, when it cannot:
    // no image, labels not segmented yet, or the file cannot be written.
    bool saveAnnotation(bool automatic = false);
    // Leaves the saved annotation of the current image and runs the model on it (R).
    void resegmentCurrent();
    // File → Export Dataset…: asks for format and destination, then startExport().
    void exportDataset();
    // Exports on the exporter's thread with a progress dialog; false while another export runs.
    bool startExport(const ExportRequest& request);
    void setAutosave(bool on);
    bool autosave() const;
    InstanceOptions instanceOptions() const;

    // For tests and the status bar.
    ImageListModel* imageModel() const { return images_; }
    LabelListModel* labelModel() const { return labels_; }
    ImageDock* imageDock() const { return imageDock_; }
    LabelsDock* labelsDock() const { return labelsDock_; }
    CanvasView* canvas() const { return canvas_; }
    NoticeBar* noticeBar() const { return notice_; }
    StatusBarWidget* statusBarWidget() const { return status_; }
    SegmentationController* controller() const { return controller_; }
    QUndoStack* undoStack() const { return undo_; }
    const ImageSession& session() const { return session_; }
    const QImage& overlayImage() const { return overlay_; }
    const std::vector<qint64>& labelAreas() const { return areas_; }
    int currentRow() const { return currentRow_; }
    DatasetExporter* exporter() const { return exporter_; }
    AutoLabelController* autoLabel() const { return autoLabel_; }
    QProgressDialog* exportProgress() const;
    QMessageBox* exportSummaryBox() const;
    const ExportSummary& lastExportSummary() const { return lastExport_; }
    QString datasetDir() const { return datasetDir_; }
    void saveLabels();

signals:
    void imageShown(const QString& path);
    void overlayUpdated();
    void annotationSaved(const QString& imagePath, const QString& file);
    void exportFinished(const pm::ui::ExportSummary& summary);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void connectSignals();
    void onLabelsChanged();
    void onSegmented(const SegmentationOutcome& outcome);
    void onSegmentFailed(const QString& imagePath, const QString& message);
    void onBoxDrawn(const QRect& box);
    void onStrokeDrawn(const QVector<QPoint>& points, int radius, bool erase);
    void onPolygonDrawn(const QVector<QPoint>& corners, bool erase);
    void onFillClicked(const QPoint& pixel, bool erase);
    // One drawing on the selected label (a new one when none is) of the current image, as one undo
    // step: `bounds` gives the rectangle it can change, `draw` changes the label's edit map.
    void editSelectedLabel(bool erase, const std::function<cv::Rect(cv::Size)>& bounds,
                           const std::function<void(MaskEdits&, const QString&, cv::Size)>& draw);
    void onEditsChanged(const QString& imagePath);
    void changeBrushSize(int steps);
    void showToolHint();      // what a drag does now, in the status bar
    void updateBrushColor();  // the stroke preview in the selected label's colour
    void clearBrushEdits();   // of the image shown, as one undo step
    PaintStrokeCommand* strokeCommand(PaintStrokeCommand::Stroke stroke, QUndoCommand* parent = nullptr);
    // Images whose brush/eraser edits are not in a saved file (listed as edited).
    QStringList unsavedPaintedImages() const;
    void onCursorMoved(const QPoint& pixel);
    void updateOverlay();
    void updateTitle();
    void updateRecentMenu();
    QStringList neighbourPaths() const;  // the next and previous image, unless unreadable
    void prefetchNeighbours();
    // The one way into a dataset, a folder or a single image: the old one is left and saved first;
    // listImages fills the image list and returns how many it holds; recentEntry empty = the folder.
    void openDataset(const std::function<int()>& listImages, const QString& recentEntry);
    void loadProject();
    // Crash recovery: offers the brush edits a killed session left in the journal (EditJournal).
    void offerRecovery();
    void restoreJournal();
    void markCurrent(int status);
    void leaveCurrent();
    void showSavedAnnotation(int row);
    void showImage(int row, const DecodedImage& decoded);  // the rest of goToImage, once decoded
    void onExportFinished(const ExportSummary& summary);
    void chooseMinArea();
    static QString imagesText(int n);
    static QString annotationsText(int n);
    static QString instancesText(int n);
    void chooseModel();
    void chooseImage();
    void chooseFolder();
    void showUserGuide();

    std::unique_ptr<AppSettings> settings_;
    QUndoStack* undo_;
    ImageListModel* images_;
    LabelListModel* labels_;
    SegmentationController* controller_;
    CanvasView* canvas_;
    NoticeBar* notice_;
    ImageDock* imageDock_;
    LabelsDock* labelsDock_;
    StatusBarWidget* status_;
    KeyboardFocus* keyboard_ = nullptr;  // keeps the keyboard on the canvas between text edits
    QMenu* recentMenu_ = nullptr;

    QAction* overlayAction_ = nullptr;
    QAction* heatMapAction_ = nullptr;
    bool strokeChanged_ = false;  // the undo stack's last change was a brush stroke
    QAction* autoSegmentAction_ = nullptr;
    QAction* exclusiveAction_ = nullptr;
    QAction* overlappingAction_ = nullptr;
    QAction* autosaveAction_ = nullptr;
    QAction* instancePerLabelAction_ = nullptr;
    DatasetExporter* exporter_;
    AutoLabelController* autoLabel_ = nullptr;  // Image → Auto-Label Dataset…
    QPointer<QProgressDialog> exportProgress_;
    QPointer<QMessageBox> exportSummary_;
    ExportSummary lastExport_;

    std::unique_ptr<DecodedImageCache> decodedImages_;
    ImageSession session_;
    EditJournal* journal_ = nullptr;
    QString datasetDir_;
    int currentRow_ = -1;
    OverlapMode overlapMode_ = OverlapMode::Exclusive;
    bool heatMap_ = false;
    bool loadingProject_ = false;
    bool savedOnDisk_ = false;  // the current image had a readable saved annotation
    QImage overlay_;
    std::vector<qint64> areas_;
    QTimer saveTimer_;
    QPoint cursor_{-1, -1};
    QHash<QString, QString> inFlight_;  // label id -> signature of the request running for this image
    quint64 inFlightId_ = 0;
};

}  // namespace pm::ui
