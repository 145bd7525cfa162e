#pragma once

#include <QSortFilterProxyModel>

namespace pm::ui {

// Filters the image list by a case-insensitive substring of the path and, optionally, by status.
class ImageFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit ImageFilterModel(QObject* parent = nullptr);

    void setText(const QString& text);
    void setStatusFilter(int status);  // -1: every status

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString text_;
    int status_ = -1;
};

}  // namespace pm::ui
