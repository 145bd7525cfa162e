#pragma once

#include <QDialog>

class QMenuBar;
class QTableWidget;

namespace pm::ui {

// Help → Keyboard Shortcuts: every menu action that has a key, read from the menus themselves (so the
// list cannot drift from what the keys do), plus the canvas keys that belong to no action.
class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ShortcutsDialog(const QMenuBar* menus, QWidget* parent = nullptr);

    // Rows as shown: {key(s), what it does}.
    QList<QPair<QString, QString>> rows() const;

private:
    QTableWidget* table_;
};

}  // namespace pm::ui
