#include "shell/NoticeBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace pm::ui {

NoticeBar::NoticeBar(QWidget* parent)
    : QFrame(parent),
      label_(new QLabel),
      action_(new QPushButton),
      close_(new QPushButton(QStringLiteral("✕"))) {
    setObjectName(QStringLiteral("noticeBar"));
    label_->setWordWrap(true);
    label_->setTextFormat(Qt::RichText);
    label_->setTextInteractionFlags(Qt::TextBrowserInteraction);
    label_->setOpenExternalLinks(false);
    close_->setFlat(true);
    close_->setToolTip(tr("Dismiss"));
    close_->setFixedWidth(28);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(label_, 1);
    layout->addWidget(action_);
    layout->addWidget(close_);
    connect(action_, &QPushButton::clicked, this, &NoticeBar::actionTriggered);
    connect(close_, &QPushButton::clicked, this, qOverload<>(&NoticeBar::dismiss));
    connect(label_, &QLabel::linkActivated, this, &NoticeBar::linkActivated);
    hide();
}

void NoticeBar::showNotice(Kind kind, const QString& text, const QString& action, Topic topic) {
    kind_ = kind;
    topic_ = topic;
    static const char* kStyles[] = {
        "#noticeBar { background: #e8f1fb; border-bottom: 1px solid #9cc3ea; } QLabel { color: #14324f; }",
        "#noticeBar { background: #fff4d6; border-bottom: 1px solid #e3c05c; } QLabel { color: #4a3800; }",
        "#noticeBar { background: #fde3df; border-bottom: 1px solid #e39a8f; } QLabel { color: #5c130a; }",
    };
    setStyleSheet(QString::fromLatin1(kStyles[static_cast<int>(kind)]));
    label_->setText(text);
    action_->setText(action);
    action_->setVisible(!action.isEmpty());
    show();
}

void NoticeBar::dismiss() {
    hide();
}

void NoticeBar::dismiss(Topic topic) {
    if (topic_ == topic) {
        hide();
    }
}

QString NoticeBar::text() const {
    return label_->text();
}

}  // namespace pm::ui
