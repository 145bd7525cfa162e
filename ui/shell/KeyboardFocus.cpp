#include "shell/KeyboardFocus.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDockWidget>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>

namespace pm::ui {

namespace {

// The line edit that holds a field's text and undo history (a spin box keeps one inside).
QLineEdit* lineEditOf(QWidget* field) {
    if (auto* edit = qobject_cast<QLineEdit*>(field)) {
        return edit;
    }
    if (qobject_cast<QAbstractSpinBox*>(field) || qobject_cast<QComboBox*>(field)) {
        return field->findChild<QLineEdit*>();
    }
    return nullptr;
}

bool isEnterOrEscape(const QKeyEvent* key) {
    const Qt::KeyboardModifiers modifiers = key->modifiers() & ~Qt::KeypadModifier;
    return modifiers == Qt::NoModifier &&
           (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter || key->key() == Qt::Key_Escape);
}

}  // namespace

KeyboardFocus::KeyboardFocus(QWidget* window, QWidget* home) : QObject(window), window_(window), home_(home) {
    qApp->installEventFilter(this);
}

KeyboardFocus::~KeyboardFocus() {
    qApp->removeEventFilter(this);
}

void KeyboardFocus::returnHome() {
    if (home_ && home_->isEnabled()) {
        home_->setFocus(Qt::OtherFocusReason);
    }
}

bool KeyboardFocus::editsText(const QWidget* widget) {
    if (const auto* edit = qobject_cast<const QLineEdit*>(widget)) {
        return !edit->isReadOnly();
    }
    if (const auto* spin = qobject_cast<const QAbstractSpinBox*>(widget)) {
        return !spin->isReadOnly();
    }
    if (const auto* text = qobject_cast<const QTextEdit*>(widget)) {
        return !text->isReadOnly();
    }
    if (const auto* plain = qobject_cast<const QPlainTextEdit*>(widget)) {
        return !plain->isReadOnly();
    }
    if (const auto* combo = qobject_cast<const QComboBox*>(widget)) {
        return combo->isEditable();
    }
    return false;
}

bool KeyboardFocus::belongsToWindow(const QWidget* widget) const {
    if (!widget) {
        return false;
    }
    const QWidget* top = widget->window();
    // A floating dock is a window of its own, still part of this one.
    return top == window_ || (qobject_cast<const QDockWidget*>(top) && top->parentWidget() == window_);
}

bool KeyboardFocus::isWindowLevel(const QObject* receiver) const {
    const auto* widget = qobject_cast<const QWidget*>(receiver);
    return widget && widget->isWindow() && belongsToWindow(widget);
}

bool KeyboardFocus::passUndoToWindow(QWidget* field, QEvent* event) const {
    const auto* key = static_cast<QKeyEvent*>(event);
    const QLineEdit* edit = lineEditOf(field);
    if (!edit) {
        return false;
    }
    if (key->matches(QKeySequence::Undo)) {
        return !edit->isUndoAvailable();
    }
    if (key->matches(QKeySequence::Redo)) {
        return !edit->isRedoAvailable();
    }
    return false;
}

void KeyboardFocus::dropTyping(QWidget* field) {
    auto* edit = qobject_cast<QLineEdit*>(field);
    if (edit && field == field_ && edit->text() != textAtFocus_) {
        edit->setText(textAtFocus_);
    }
}

bool KeyboardFocus::eventFilter(QObject* watched, QEvent* event) {
    if (!window_ || !home_) {
        return false;
    }
    switch (event->type()) {
        case QEvent::FocusIn: {
            auto* widget = qobject_cast<QWidget*>(watched);
            if (editsText(widget) && belongsToWindow(widget)) {
                field_ = widget;
                auto* edit = qobject_cast<QLineEdit*>(widget);
                textAtFocus_ = edit ? edit->text() : QString();
                if (edit && (edit->isUndoAvailable() || edit->isRedoAvailable())) {
                    // Ctrl+Z undoes this visit's typing, never an earlier visit's (setText clears it).
                    edit->setText(textAtFocus_);
                }
            }
            break;
        }
        case QEvent::KeyPress: {
            // A key press travels from the focus widget up to its window until one accepts it: at the
            // window it is one that the text field did not handle (line edits leave Enter and Esc).
            const auto* key = static_cast<QKeyEvent*>(event);
            QWidget* focus = QApplication::focusWidget();
            if (isWindowLevel(watched) && isEnterOrEscape(key) && editsText(focus) &&
                belongsToWindow(focus)) {
                if (key->key() == Qt::Key_Escape) {
                    dropTyping(focus);
                }
                returnHome();
                return true;
            }
            break;
        }
        case QEvent::ShortcutOverride: {
            // Consumed without accepting: the text field does not claim the key, the shortcut runs.
            auto* widget = qobject_cast<QWidget*>(watched);
            if (editsText(widget) && belongsToWindow(widget) && passUndoToWindow(widget, event)) {
                return true;
            }
            break;
        }
        case QEvent::Hide: {
            const auto* dialog = qobject_cast<QDialog*>(watched);
            if (dialog && dialog->isWindow() && belongsToWindow(dialog->parentWidget())) {
                // A modal dialog had the user's attention. A modeless one (a progress dialog that ends
                // by itself) must not take the keyboard from a text field the user types in.
                QWidget* focus = QApplication::focusWidget();
                if (dialog->windowModality() != Qt::NonModal ||
                    !(editsText(focus) && belongsToWindow(focus))) {
                    returnHome();
                }
            }
            break;
        }
        default:
            break;
    }
    return false;
}

}  // namespace pm::ui
