#include "autolabel/AutoLabelDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace pm::ui {

AutoLabelDialog::AutoLabelDialog(int all, int selected, int unannotated, int labels, QWidget* parent)
    : QDialog(parent),
      all_(new QRadioButton(tr("&All images (%1)").arg(all), this)),
      selected_(new QRadioButton(tr("The &selected images (%1)").arg(selected), this)),
      unannotated_(new QRadioButton(tr("Images &without a saved annotation (%1)").arg(unannotated), this)) {
    setObjectName(QStringLiteral("autoLabelDialog"));
    setWindowTitle(tr("Auto-Label Dataset"));
    all_->setObjectName(QStringLiteral("scopeAll"));
    selected_->setObjectName(QStringLiteral("scopeSelected"));
    unannotated_->setObjectName(QStringLiteral("scopeUnannotated"));
    selected_->setEnabled(selected > 0);
    setMinimumWidth(460);  // the explanations wrap into a few lines, not a narrow column
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Label the images with the labels of the Labels dock (%1 now), their prompts "
                                "and thresholds, and save the masks beside each image as auto annotations.")
                                 .arg(labels),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addWidget(all_);
    layout->addWidget(selected_);
    layout->addWidget(unannotated_);
    auto* kept = new QLabel(tr("Images marked done, images with your changes and annotations saved by you "
                               "are never replaced. The app stays usable while the run goes on."),
                            this);
    kept->setWordWrap(true);
    layout->addWidget(kept);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Start"));
    buttons->button(QDialogButtonBox::Ok)->setDefault(true);  // Enter starts the run
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setScope(selected > 1 ? AutoLabelScope::Selected : AutoLabelScope::Unannotated);
}

AutoLabelScope AutoLabelDialog::scope() const {
    if (selected_->isChecked()) {
        return AutoLabelScope::Selected;
    }
    return all_->isChecked() ? AutoLabelScope::All : AutoLabelScope::Unannotated;
}

void AutoLabelDialog::setScope(AutoLabelScope scope) {
    switch (scope) {
        case AutoLabelScope::All:
            all_->setChecked(true);
            break;
        case AutoLabelScope::Selected:
            (selected_->isEnabled() ? selected_ : unannotated_)->setChecked(true);
            break;
        case AutoLabelScope::Unannotated:
            unannotated_->setChecked(true);
            break;
    }
}

}  // namespace pm::ui
