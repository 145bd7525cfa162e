#include "document/ImageFilterModel.h"

#include "document/ImageListModel.h"

namespace pm::ui {

ImageFilterModel::ImageFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {
    setDynamicSortFilter(false);  // statuses change while the user works; rows must not jump away
}

void ImageFilterModel::setText(const QString& text) {
    text_ = text.trimmed();
    invalidateFilter();
}

void ImageFilterModel::setStatusFilter(int status) {
    status_ = status;
    invalidateFilter();
}

bool ImageFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    if (text_.isEmpty() && status_ < 0) {
        return true;
    }
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (status_ >= 0 && index.data(ImageListModel::StatusRole).toInt() != status_) {
        return false;
    }
    return text_.isEmpty() || index.data(Qt::DisplayRole).toString().contains(text_, Qt::CaseInsensitive);
}

}  // namespace pm::ui
