#pragma once

#include <QWidget>
#include <optional>

#include "image/ThresholdSuggester.h"

namespace pm::ui {

// The learned threshold's IoU curve (mean IoU against threshold, both 0..1), with markers at the
// label's current threshold, Otsu's guess and the learned one. Painting only.
class ThresholdCurveView : public QWidget {
    Q_OBJECT
public:
    explicit ThresholdCurveView(QWidget* parent = nullptr);

    void setCurve(std::optional<pm::LearnedThreshold> learned, double current, double otsu);
    QSize sizeHint() const override { return {360, 200}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::optional<pm::LearnedThreshold> learned_;
    double current_ = 0.5;
    double otsu_ = 0.5;
};

}  // namespace pm::ui
