#include "threshold/ThresholdDialog.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "threshold/ThresholdCurveView.h"

namespace pm::ui {

ThresholdDialog::ThresholdDialog(const Suggestion& s, QWidget* parent)
    : QDialog(parent), useOtsu_(new QPushButton(this)), useLearned_(new QPushButton(this)) {
    setObjectName(QStringLiteral("thresholdDialog"));
    setWindowTitle(tr("Threshold for \"%1\"").arg(s.label));
    const auto number = [](double v) { return QString::number(v, 'f', 3); };

    auto* grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("Current threshold:"), this), 0, 0);
    grid->addWidget(new QLabel(number(s.current), this), 0, 1);

    grid->addWidget(new QLabel(tr("Otsu's guess on this image:"), this), 1, 0);
    auto* otsu = new QLabel(s.otsu ? number(*s.otsu) : tr("segment this image first"), this);
    otsu->setObjectName(QStringLiteral("otsuValue"));
    grid->addWidget(otsu, 1, 1);
    useOtsu_->setText(tr("Use Otsu's Guess"));
    useOtsu_->setEnabled(s.otsu.has_value());
    grid->addWidget(useOtsu_, 1, 2);

    grid->addWidget(new QLabel(tr("Learned from your saved images:"), this), 2, 0);
    auto* learned = new QLabel(this);
    learned->setObjectName(QStringLiteral("learnedValue"));
    if (s.learned) {
        learned->setText(
            tr("%1 (mean IoU %2 over %n saved image(s))", nullptr, static_cast<int>(s.learned->samples))
                .arg(number(s.learned->threshold), number(s.learned->meanIoU)));
    } else {
        learned->setText(tr("save %n more image(s) containing this label", nullptr,
                            std::max(1, s.minImages - s.imagesWithLabel)));
    }
    grid->addWidget(learned, 2, 1);
    useLearned_->setText(tr("Use Learned Threshold"));
    useLearned_->setEnabled(s.learned.has_value());
    grid->addWidget(useLearned_, 2, 2);

    auto* curve = new ThresholdCurveView(this);
    curve->setObjectName(QStringLiteral("iouCurve"));
    curve->setCurve(s.learned, s.current, s.otsu.value_or(-1));
    curve->setToolTip(tr("Mean IoU with your saved masks at each threshold (dashed: current, dotted: Otsu)"));
    curve->setVisible(s.learned.has_value());

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(grid);
    layout->addWidget(curve, 1);
    layout->addWidget(buttons);

    const double otsuValue = s.otsu.value_or(0.5);
    connect(useOtsu_, &QPushButton::clicked, this, [this, otsuValue] {
        emit thresholdChosen(otsuValue);
        accept();
    });
    const double learnedValue = s.learned ? s.learned->threshold : 0.5;
    connect(useLearned_, &QPushButton::clicked, this, [this, learnedValue] {
        emit thresholdChosen(learnedValue);
        accept();
    });
}

}  // namespace pm::ui
