#pragma once

#include <QFrame>

#include "document/Notice.h"

class QLabel;
class QPushButton;

namespace pm::ui {

// A banner above the canvas for states the user must know about without a modal dialog: no model
// loaded (with how to get one), a model that failed to load, an unreadable image, an inference error.
class NoticeBar : public QFrame {
    Q_OBJECT
public:
    using Kind = NoticeKind;
    using Topic = NoticeTopic;

    explicit NoticeBar(QWidget* parent = nullptr);

    // `action` names an optional button; clicking it emits actionTriggered(). Rich text is allowed.
    void showNotice(Kind kind, const QString& text, const QString& action = {}, Topic topic = Topic::General);
    void dismiss();
    // Hides the banner only if it is showing a notice about `topic`.
    void dismiss(Topic topic);
    Kind kind() const { return kind_; }
    Topic topic() const { return topic_; }
    QString text() const;

signals:
    void actionTriggered();
    void linkActivated(const QString& link);

private:
    Kind kind_ = Kind::Info;
    Topic topic_ = Topic::General;
    QLabel* label_;
    QPushButton* action_;
    QPushButton* close_;
};

}  // namespace pm::ui
