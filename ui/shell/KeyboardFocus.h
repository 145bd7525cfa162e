#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

class QWidget;

namespace pm::ui {

// Keeps the keyboard on the canvas ("home"), where single-letter keys are commands, except while the
// user edits text. Watches the application's events (an application event filter) for one window:
//  - Enter or Esc that a text field of the window leaves unhandled gives the focus back home; Esc
//    first puts back the text the line edit had when it got the focus (nothing typed is applied);
//  - a modal dialog that closes gives the focus home; so does a modeless one, unless the user types
//    in a text field of the window meanwhile (a progress dialog that ends by itself);
//  - in a text field, Ctrl+Z / Ctrl+Shift+Z edit the field while it has typing to undo / redo;
//    after that they reach the window's Undo / Redo actions.
// GUI thread only; a child of the window, so it goes with it.
class KeyboardFocus : public QObject {
    Q_OBJECT
public:
    KeyboardFocus(QWidget* window, QWidget* home);
    ~KeyboardFocus() override;

    // Gives `home` the focus (recorded for later when the window is not active yet).
    void returnHome();

    // Whether key presses in `widget` type text: an editable line edit, spin box, text edit or combo.
    static bool editsText(const QWidget* widget);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool belongsToWindow(const QWidget* widget) const;
    bool isWindowLevel(const QObject* receiver) const;
    bool passUndoToWindow(QWidget* field, QEvent* event) const;
    void dropTyping(QWidget* field);

    QPointer<QWidget> window_;
    QPointer<QWidget> home_;   // may go first while the window's children are destroyed
    QPointer<QWidget> field_;  // the text field that has the focus
    QString textAtFocus_;      // its text when it got the focus
};

}  // namespace pm::ui
