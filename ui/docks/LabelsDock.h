#pragma once

#include <QDockWidget>

#include "commands/EditLabelCommand.h"
#include "image/VisualPromptMode.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLineEdit;
class QListView;
class QListWidget;
class QSlider;
class QStackedWidget;
class QLabel;
class QToolButton;

namespace pm::ui {

class DocumentCommands;
class LabelListModel;

// The "Labels" dock: the label list (keys 1-9 select) and an editor for the selected label: name,
// colour, text prompts, threshold (slider + spin box), visibility and visual exemplars. Every edit
// goes through `commands` (one undo step each); the model and commands must outlive the dock.
class LabelsDock : public QDockWidget {
    Q_OBJECT
public:
    LabelsDock(LabelListModel* model, DocumentCommands* commands, QWidget* parent = nullptr);

    int selectedRow() const;
    void selectRow(int row);
    // Focuses the prompt field of the selected label, creating a first label when there is none.
    void focusPrompt();
    int addLabel(const QString& name = {});
    void removeSelected();
    void moveSelected(int delta);
    void setThreshold(int row, double threshold);

    pm::VisualPromptMode exemplarMode() const;
    QLineEdit* promptEdit() const { return prompt_; }
    QSlider* thresholdSlider() const { return slider_; }
    QDoubleSpinBox* thresholdSpin() const { return spin_; }
    QListView* view() const { return view_; }

signals:
    void selectedLabelChanged(int row);
    // Enter in the prompt field: the prompt was applied and the user wants to see the result now.
    void segmentRequested();

private:
    void updateEmptyHint();
    void refreshEditor();
    void edit(int row, EditLabelCommand::Field field, const std::function<void(LabelDefinition&)>& change);
    void applyPrompts();
    void chooseColor();
    void removeExemplar();

    LabelListModel* model_;
    DocumentCommands* commands_;
    QListView* view_;
    QLabel* emptyHint_;  // shown instead of the empty list: how to make a first label
    QStackedWidget* listStack_;
    QToolButton* add_;
    QToolButton* remove_;
    QToolButton* up_;
    QToolButton* down_;
    QGroupBox* editor_;
    QLineEdit* name_;
    QToolButton* color_;
    QLineEdit* prompt_;
    QSlider* slider_;
    QDoubleSpinBox* spin_;
    QCheckBox* visible_;
    QListWidget* exemplars_;
    QToolButton* removeExemplar_;
    QComboBox* mode_;
};

}  // namespace pm::ui
