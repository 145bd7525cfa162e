#pragma once

#include <QAbstractListModel>
#include <QIcon>
#include <QString>
#include <QVector>
#include <array>

#include "document/ImageStatus.h"

namespace pm::ui {

// The images of the open dataset: relative paths and a status byte per row, nothing else. Opening a
// folder only lists file names (no decoding, no stat), so a 10,000-image folder opens in milliseconds
// and memory grows by a path per image, never by pixels. An image with a saved annotation beside it
// (see AnnotationFile) starts as "done"; the file is not read until the image is opened.
// GUI thread only.
class ImageListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Roles { StatusRole = Qt::UserRole + 1, PathRole };

    explicit ImageListModel(QObject* parent = nullptr);

    // Lists the images under `dir` (sorted naturally, "img2" before "img10"). Returns the number found.
    int openFolder(const QString& dir, bool recursive);
    // A dataset of one image; its folder is the dataset folder.
    void openImage(const QString& path);
    void clear();

    QString rootDir() const { return root_; }
    QString absolutePath(int row) const;
    int rowOf(const QString& absolutePath) const;
    QStringList absolutePaths() const;
    ImageStatus status(int row) const { return statuses_.at(row); }
    void setStatus(int row, ImageStatus status);
    int countStatus(ImageStatus status) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

    static bool isImageFile(const QString& fileName);
    static QStringList nameFilters();

private:
    QString root_;
    QVector<QString> paths_;  // relative to root_
    QVector<ImageStatus> statuses_;
    std::array<QIcon, kImageStatusCount> icons_;
};

}  // namespace pm::ui
