#pragma once

#include <QDialog>
#include <optional>

#include "image/ThresholdSuggester.h"

class QLabel;
class QPushButton;

namespace pm::ui {

class ThresholdCurveView;

// Shows one label's threshold suggestions: Otsu's guess on the current image and, once enough saved
// images contain the label, the learned threshold with its IoU curve. Applies nothing itself: a "Use"
// button emits thresholdChosen() (the caller makes it an undoable edit) and closes the dialog.
class ThresholdDialog : public QDialog {
    Q_OBJECT
public:
    struct Suggestion {
        QString label;
        double current = 0.5;
        std::optional<double> otsu;  // none when the current image has no map for the label
        std::optional<pm::LearnedThreshold> learned;
        int imagesWithLabel = 0;  // saved images (this session) that contain the label
        int minImages = 3;
    };

    explicit ThresholdDialog(const Suggestion& suggestion, QWidget* parent = nullptr);

    QPushButton* useOtsuButton() const { return useOtsu_; }
    QPushButton* useLearnedButton() const { return useLearned_; }

signals:
    void thresholdChosen(double threshold);

private:
    QPushButton* useOtsu_;
    QPushButton* useLearned_;
};

}  // namespace pm::ui
