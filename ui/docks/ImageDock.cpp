#include "docks/ImageDock.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QVBoxLayout>

#include "document/ImageFilterModel.h"
#include "document/ImageListModel.h"

namespace pm::ui {

ImageDock::ImageDock(ImageListModel* model, QWidget* parent)
    : QDockWidget(tr("Images"), parent),
      model_(model),
      proxy_(new ImageFilterModel(this)),
      filter_(new QLineEdit),
      statusFilter_(new QComboBox),
      recursive_(new QCheckBox(tr("Include subfolders"))),
      view_(new QListView),
      count_(new QLabel) {
    setObjectName(QStringLiteral("ImagesDock"));
    proxy_->setSourceModel(model_);

    filter_->setPlaceholderText(tr("Filter by name…"));
    filter_->setClearButtonEnabled(true);
    statusFilter_->addItem(tr("All"), -1);
    statusFilter_->addItem(tr("New"), static_cast<int>(ImageStatus::New));
    statusFilter_->addItem(tr("Auto"), static_cast<int>(ImageStatus::Auto));
    statusFilter_->addItem(tr("Edited"), static_cast<int>(ImageStatus::Edited));
    statusFilter_->addItem(tr("Done"), static_cast<int>(ImageStatus::Done));
    statusFilter_->addItem(tr("Error"), static_cast<int>(ImageStatus::Error));

    view_->setModel(proxy_);
    view_->setUniformItemSizes(true);  // constant-time layout for huge folders
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Ctrl/Shift+click select several images for Image → Auto-Label Dataset…; the current row is the
    // image shown, as before.
    view_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view_->setTextElideMode(Qt::ElideMiddle);
    count_->setForegroundRole(QPalette::PlaceholderText);

    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(filter_, 1);
    filterRow->addWidget(statusFilter_);
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filterRow);
    layout->addWidget(view_, 1);
    auto* bottomRow = new QHBoxLayout;
    bottomRow->addWidget(recursive_);
    bottomRow->addStretch();
    bottomRow->addWidget(count_);
    layout->addLayout(bottomRow);
    setWidget(content);

    connect(filter_, &QLineEdit::textChanged, this, [this](const QString& text) {
        proxy_->setText(text);
        updateCount();
    });
    connect(statusFilter_, &QComboBox::currentIndexChanged, this, [this] {
        proxy_->setStatusFilter(statusFilter_->currentData().toInt());
        updateCount();
    });
    connect(recursive_, &QCheckBox::toggled, this, &ImageDock::recursiveToggled);
    connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid()) {
                    emit imageActivated(proxy_->mapToSource(current).row());
                }
            });
    connect(model_, &QAbstractItemModel::modelReset, this, &ImageDock::updateCount);
    updateCount();
}

void ImageDock::setCurrentRow(int sourceRow) {
    const QModelIndex index = proxy_->mapFromSource(model_->index(sourceRow));
    if (index.isValid() && view_->currentIndex() != index) {
        // Moving to another image (D, A, Ctrl+Enter) replaces the selection: the view's own
        // setCurrentIndex() would read the held Ctrl as "add to the selection", and a stale
        // multi-selection would then become Auto-Label's "selected images" scope.
        view_->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        view_->scrollTo(index);
    }
}

int ImageDock::currentRow() const {
    const QModelIndex index = view_->currentIndex();
    return index.isValid() ? proxy_->mapToSource(index).row() : -1;
}

void ImageDock::setRecursive(bool recursive) {
    const QSignalBlocker blocker(recursive_);
    recursive_->setChecked(recursive);
}

bool ImageDock::recursive() const {
    return recursive_->isChecked();
}

void ImageDock::updateCount() {
    const int total = model_->rowCount();
    const int shown = proxy_->rowCount();
    count_->setText(shown == total ? tr("%n image(s)", nullptr, total)
                                   : tr("%1 of %2").arg(shown).arg(total));
}

}  // namespace pm::ui
