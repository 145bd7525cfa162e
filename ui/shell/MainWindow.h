#pragma once

#include <QMainWindow>
#include <QPointer>
#include <functional>
#include <memory>

#include "export/DatasetExporter.h"
#include "inference/SegmentationWorker.h"

class QAction;
class QActionGroup;
class QMenu;
class QMessageBox;
class QProgressDialog;

namespace pm::ui {

class AppSettings;
class AutoLabelController;
class CanvasView;
class DatasetDocument;
class ImageDock;
class KeyboardFocus;
class LabelsDock;
class NoticeBar;
class PromptLabDock;
class SegmentationController;
class StatusBarWidget;
class ThresholdAdvisor;

// The PromptMask window: Images dock, canvas, Labels dock, status bar, menus. Layout and wiring only:
// the dataset (images, labels, undo, saving, asking the model) is the DatasetDocument, every edit goes
// through its DocumentCommands, and inference runs in the SegmentationController. The window turns
// canvas gestures into commands and shows what the document says. GUI thread only.
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
    void setHeatMap(bool on);
    // File → Export Dataset…: asks for format and destination, then startExport().
    void exportDataset();
    // Exports on the exporter's thread with a progress dialog; false while another export runs.
    bool startExport(const ExportRequest& request);

    DatasetDocument* document() const { return document_; }
    ThresholdAdvisor* thresholdAdvisor() const { return thresholds_; }
    SegmentationController* controller() const { return controller_; }
    ImageDock* imageDock() const { return imageDock_; }
    LabelsDock* labelsDock() const { return labelsDock_; }
    PromptLabDock* promptLab() const { return lab_; }
    CanvasView* canvas() const { return canvas_; }
    NoticeBar* noticeBar() const { return notice_; }
    StatusBarWidget* statusBarWidget() const { return status_; }
    DatasetExporter* exporter() const { return exporter_; }
    AutoLabelController* autoLabel() const { return autoLabel_; }
    QProgressDialog* exportProgress() const;
    QMessageBox* exportSummaryBox() const;

signals:
    void exportFinished(const pm::ui::ExportSummary& summary);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void connectSignals();
    void connectDocument();
    void onBoxDrawn(const QRect& box);
    // A drawing with the selected label (a new one, in the same undo step, when none is selected).
    void drawn(const std::function<int(int row)>& command);
    void changeBrushSize(int steps);
    void showToolHint();      // what a drag does now, in the status bar
    void updateBrushColor();  // the stroke preview in the selected label's colour
    void onCursorMoved(const QPoint& pixel);
    void updateOverlay();
    void updateTitle();
    void updateRecentMenu();
    void onExportFinished(const ExportSummary& summary);
    void chooseMinArea();
    void updateInstanceOptions();
    static QString imagesText(int n);
    static QString annotationsText(int n);
    void chooseModel();
    void chooseImage();
    void chooseFolder();
    void showUserGuide();

    std::unique_ptr<AppSettings> settings_;
    SegmentationController* controller_;
    DatasetDocument* document_;
    CanvasView* canvas_;
    NoticeBar* notice_;
    ImageDock* imageDock_;
    LabelsDock* labelsDock_;
    PromptLabDock* lab_;
    StatusBarWidget* status_;
    KeyboardFocus* keyboard_ = nullptr;  // keeps the keyboard on the canvas between text edits
    QMenu* recentMenu_ = nullptr;

    QAction* overlayAction_ = nullptr;
    QAction* heatMapAction_ = nullptr;
    QAction* autoSegmentAction_ = nullptr;
    QAction* exclusiveAction_ = nullptr;
    QAction* overlappingAction_ = nullptr;
    QAction* autosaveAction_ = nullptr;
    QAction* instancePerLabelAction_ = nullptr;
    DatasetExporter* exporter_;
    AutoLabelController* autoLabel_ = nullptr;  // Image → Auto-Label Dataset…
    ThresholdAdvisor* thresholds_;              // Edit → Suggest Threshold…
    QPointer<QProgressDialog> exportProgress_;
    QPointer<QMessageBox> exportSummary_;

    bool heatMap_ = false;
    QPoint cursor_{-1, -1};
};

}  // namespace pm::ui
