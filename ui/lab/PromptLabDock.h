#pragma once

#include <QDockWidget>
#include <QImage>
#include <QPointer>
#include <QVector>
#include <functional>

#include "lab/CandidatePromoter.h"

class QAction;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;
class QSpinBox;
class QTableWidget;

namespace pm::ui {

class DocumentCommands;
class LabSweep;
class LabTile;
class LabelListModel;
class PromptLabModel;
class SegmentationController;

// The Prompt lab: type candidate prompts, see each one's heat map on the current image side by side
// with its mask area at one shared threshold and its decode time, then promote the best to a label in
// one click (one undo step). A second tab runs the candidates over the next K images of the folder in
// the background. All model work goes through the controller's probe requests (inference thread);
// the state lives in PromptLabModel and LabSweep, this dock only shows it.
class PromptLabDock : public QDockWidget {
    Q_OBJECT
public:
    // The absolute paths of up to `count` images after the current one.
    using NextImagesFn = std::function<QStringList(int count)>;

    // Label edits go through `commands` (the document's facade), model work through `controller`.
    PromptLabDock(LabelListModel* labels, DocumentCommands* commands, SegmentationController* controller,
                  QWidget* parent = nullptr);
    ~PromptLabDock() override;

    void setNextImages(NextImagesFn nextImages) { nextImages_ = std::move(nextImages); }
    // View → Prompt Lab (L): shows the lab and puts the keyboard in its prompt field.
    QAction* openAction() const { return openAction_; }
    void openLab();
    void setImage(const QString& imagePath);

    // One click each; every one is a single undo step on the window's stack.
    void promote(const QString& candidateId);
    void addToLabel(const QString& candidateId, const QString& labelId,
                    CandidatePromoter::Role role = CandidatePromoter::Role::Prompt);

    void runAcrossImages();
    void cancelAcrossImages();

    PromptLabModel* model() const { return model_; }
    LabSweep* sweep() const { return sweep_; }
    QLineEdit* promptEdit() const { return prompt_; }
    QSlider* thresholdSlider() const { return threshold_; }
    QSpinBox* countBox() const { return count_; }
    QTableWidget* matrix() const { return matrix_; }
    QString statusText() const;
    const QVector<LabTile*>& tiles() const { return tiles_; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* buildTilesTab();
    QWidget* buildSweepTab();
    void addTile(int row);
    void removeTile(int row);
    void rebuildTiles();
    void updateTile(int row);
    void layoutTiles();
    int columnsFor(int width) const;
    void updateStatus();
    void showAddToMenu(const QString& candidateId);
    void loadBase();
    void updateMatrixColumn(int column);
    void onSweepStarted();
    void onSweepFinished(bool cancelled);
    void cancelProbe(quint64 id);

    LabelListModel* labels_;
    DocumentCommands* commands_;
    QPointer<SegmentationController> controller_;  // the window may destroy it before this dock
    PromptLabModel* model_;
    LabSweep* sweep_;
    NextImagesFn nextImages_;
    QAction* openAction_;
    QLineEdit* prompt_ = nullptr;
    QSlider* threshold_ = nullptr;
    QLabel* thresholdValue_ = nullptr;
    QLabel* status_ = nullptr;
    QWidget* grid_ = nullptr;
    QGridLayout* gridLayout_ = nullptr;
    QVector<LabTile*> tiles_;  // in candidate order
    int columns_ = 0;
    QImage base_;  // the current image, scaled for the tiles
    bool baseStale_ = true;
    QSpinBox* count_ = nullptr;
    QPushButton* run_ = nullptr;
    QLabel* sweepStatus_ = nullptr;
    QTableWidget* matrix_ = nullptr;
    QVector<QImage> sweepBases_;  // per matrix column: its image, thumbnail size
    bool sized_ = false;          // given a height that fits a row of tiles, once
    static constexpr int kOpenHeight = 350;
};

}  // namespace pm::ui
