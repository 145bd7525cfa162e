#pragma once

#include <QMainWindow>
#include <QTimer>
#include <vector>

#include "ImageSession.h"
#include "OverlapMode.h"
#include "SegmentationWorker.h"

class QAction;
class QActionGroup;
class QMenu;
class QUndoStack;

namespace pm::ui {

class AppSettings;
class CanvasView;
class ImageDock;
class ImageListModel;
class LabelListModel;
class LabelsDock;
class NoticeBar;
class SegmentationController;
class StatusBarWidget;

// The PromptMask window: Images dock, canvas, Labels dock, status bar. It wires user actions to the
// SegmentationController (inference on its own thread) and renders overlays from cached maps. Owns
// every widget, model, the undo stack and the controller; GUI thread only.
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
    QString datasetDir() const { return datasetDir_; }
    void saveLabels();

signals:
    void imageShown(const QString& path);
    void overlayUpdated();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void connectSignals();
    void onLabelsChanged();
    void onSegmented(const SegmentationOutcome& outcome);
    void onSegmentFailed(const QString& imagePath, const QString& message);
    void onBoxDrawn(const QRect& box);
    void onCursorMoved(const QPoint& pixel);
    void updateOverlay();
    void updateTitle();
    void updateRecentMenu();
    void prefetchNeighbours();
    void loadProject();
    void markCurrent(int status);
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
    QMenu* recentMenu_ = nullptr;

    QAction* overlayAction_ = nullptr;
    QAction* heatMapAction_ = nullptr;
    QAction* boxToolAction_ = nullptr;
    QAction* autoSegmentAction_ = nullptr;
    QAction* exclusiveAction_ = nullptr;
    QAction* overlappingAction_ = nullptr;

    ImageSession session_;
    QString datasetDir_;
    int currentRow_ = -1;
    OverlapMode overlapMode_ = OverlapMode::Exclusive;
    bool heatMap_ = false;
    bool loadingProject_ = false;
    QImage overlay_;
    std::vector<qint64> areas_;
    QTimer saveTimer_;
    QPoint cursor_{-1, -1};
    QHash<QString, QString> inFlight_;  // label id -> signature of the request running for this image
    quint64 inFlightId_ = 0;
};

}  // namespace pm::ui
