#include "shell/ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QTableWidget>
#include <QVBoxLayout>

namespace pm::ui {

namespace {

QString plainText(const QString& actionText) {
    QString t = actionText;
    t.remove(QLatin1Char('&'));
    if (t.endsWith(QChar(0x2026))) {  // "Open Folder…" reads fine without the ellipsis here
        t.chop(1);
    }
    return t;
}

void collect(const QMenu* menu, const QString& path, QList<QPair<QString, QString>>& rows) {
    for (const QAction* a : menu->actions()) {
        if (a->menu()) {
            collect(a->menu(), path + plainText(a->menu()->title()) + QStringLiteral(" › "), rows);
            continue;
        }
        QStringList keys;
        for (const QKeySequence& k : a->shortcuts()) {
            keys << k.toString(QKeySequence::NativeText);
        }
        if (!a->isSeparator() && !keys.isEmpty()) {
            rows.append({keys.join(QStringLiteral(", ")), path + plainText(a->text())});
        }
    }
}

}  // namespace

ShortcutsDialog::ShortcutsDialog(const QMenuBar* menus, QWidget* parent)
    : QDialog(parent), table_(new QTableWidget(this)) {
    setObjectName(QStringLiteral("ShortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    QList<QPair<QString, QString>> rows;
    for (const QAction* a : menus->actions()) {
        if (a->menu()) {
            collect(a->menu(), plainText(a->menu()->title()) + QStringLiteral(" › "), rows);
        }
    }
    // Keys the canvas and the label list handle themselves.
    rows.append({QStringLiteral("1 – 9"), tr("Select label 1 to 9")});
    rows.append({tr("Mouse wheel"), tr("Zoom around the cursor")});
    rows.append({tr("Space + drag, middle drag"), tr("Pan")});
    rows.append({tr("Enter, double-click"), tr("Polygon: fill it (with Shift: cut it out)")});
    rows.append({tr("Backspace"), tr("Polygon: take the last corner back")});
    rows.append({tr("Esc"), tr("Drop the box, stroke or polygon being drawn")});

    table_->setColumnCount(2);
    table_->setHorizontalHeaderLabels({tr("Key"), tr("Action")});
    table_->setRowCount(static_cast<int>(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        table_->setItem(r, 0, new QTableWidgetItem(rows[r].first));
        table_->setItem(r, 1, new QTableWidgetItem(rows[r].second));
    }
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setAlternatingRowColors(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(table_);
    layout->addWidget(buttons);
    resize(620, 640);
}

QList<QPair<QString, QString>> ShortcutsDialog::rows() const {
    QList<QPair<QString, QString>> out;
    for (int r = 0; r < table_->rowCount(); ++r) {
        out.append({table_->item(r, 0)->text(), table_->item(r, 1)->text()});
    }
    return out;
}

}  // namespace pm::ui
