#pragma once

#include <QDialog>

#include "autolabel/AutoLabelPlan.h"

class QRadioButton;

namespace pm::ui {

// Image → Auto-Label Dataset…: which images to label. Shows how many each scope holds and what is
// never replaced; the run itself starts when it is accepted.
class AutoLabelDialog : public QDialog {
    Q_OBJECT
public:
    AutoLabelDialog(int all, int selected, int unannotated, int labels, QWidget* parent = nullptr);

    AutoLabelScope scope() const;
    void setScope(AutoLabelScope scope);

private:
    QRadioButton* all_;
    QRadioButton* selected_;
    QRadioButton* unannotated_;
};

}  // namespace pm::ui
