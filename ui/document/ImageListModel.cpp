#include "document/ImageListModel.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QPainter>
#include <QPixmap>
#include <QSet>
#include <algorithm>

#include "document/AnnotationFile.h"

namespace pm::ui {

namespace {

QColor statusColor(ImageStatus s) {
    switch (s) {
        case ImageStatus::New:
            return QColor(0xb0, 0xb0, 0xb0);
        case ImageStatus::Auto:
            return QColor(0x56, 0xb4, 0xe9);
        case ImageStatus::Edited:
            return QColor(0xe6, 0x9f, 0x00);
        case ImageStatus::Done:
            return QColor(0x00, 0x9e, 0x73);
        case ImageStatus::Error:
            return QColor(0xd5, 0x2e, 0x00);
    }
    return Qt::gray;
}

// Natural order ("img2" before "img10"), case-insensitive. Written out because QCollator's numeric
// mode is unavailable in the C locale that servers and CI run in.
bool naturalLess(const QString& a, const QString& b) {
    int i = 0;
    int j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            int ei = i;
            int ej = j;
            while (ei < a.size() && a[ei].isDigit()) {
                ++ei;
            }
            while (ej < b.size() && b[ej].isDigit()) {
                ++ej;
            }
            int si = i;
            int sj = j;
            while (si + 1 < ei && a[si] == QLatin1Char('0')) {
                ++si;
            }
            while (sj + 1 < ej && b[sj] == QLatin1Char('0')) {
                ++sj;
            }
            if (ei - si != ej - sj) {
                return ei - si < ej - sj;  // fewer significant digits: smaller number
            }
            const int c = QStringView(a).mid(si, ei - si).compare(QStringView(b).mid(sj, ej - sj));
            if (c != 0) {
                return c < 0;
            }
            i = ei;
            j = ej;
            continue;
        }
        const QChar ca = a[i].toCaseFolded();
        const QChar cb = b[j].toCaseFolded();
        if (ca != cb) {
            return ca < cb;
        }
        ++i;
        ++j;
    }
    if ((a.size() - i) != (b.size() - j)) {
        return a.size() - i < b.size() - j;
    }
    return a < b;  // equal ignoring case and zeros: any stable tie-break
}

QIcon statusIcon(ImageStatus s) {
    QPixmap pm(12, 12);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(statusColor(s).darker(140));
    p.setBrush(statusColor(s));
    p.drawEllipse(QRectF(1.5, 1.5, 9, 9));
    return QIcon(pm);
}

}  // namespace

ImageListModel::ImageListModel(QObject* parent) : QAbstractListModel(parent) {
    for (int i = 0; i < kImageStatusCount; ++i) {
        icons_[static_cast<size_t>(i)] = statusIcon(static_cast<ImageStatus>(i));
    }
}

QStringList ImageListModel::nameFilters() {
    QStringList filters;
    for (const char* ext : {"jpg", "jpeg", "png", "bmp", "gif", "tif", "tiff", "webp", "ppm", "pgm"}) {
        filters << QStringLiteral("*.") + QLatin1String(ext)
                << QStringLiteral("*.") + QString::fromLatin1(ext).toUpper();
    }
    return filters;
}

bool ImageListModel::isImageFile(const QString& fileName) {
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    for (const QString& f : nameFilters()) {
        if (f.mid(2) == suffix) {
            return true;
        }
    }
    return false;
}

int ImageListModel::openFolder(const QString& dir, bool recursive) {
    beginResetModel();
    root_ = QDir(dir).absolutePath();
    paths_.clear();
    const QDir rootDir(root_);
    // Hidden folders (our own .promptmask among them) are skipped by the default filters.
    QDirIterator it(root_, nameFilters(), QDir::Files | QDir::Readable,
                    recursive ? QDirIterator::Subdirectories : QDirIterator::NoIteratorFlags);
    while (it.hasNext()) {
        paths_.push_back(rootDir.relativeFilePath(it.next()));
    }
    std::sort(paths_.begin(), paths_.end(), naturalLess);
    statuses_ = QVector<ImageStatus>(paths_.size(), ImageStatus::New);
    // Saved annotations ("<stem>.json" beside the image) make an image "done". One more directory walk
    // for the JSON names, no file is opened: a 10,000-image folder still opens at once.
    QSet<QString> annotations;
    QDirIterator json(root_, {QStringLiteral("*.json")}, QDir::Files,
                      recursive ? QDirIterator::Subdirectories : QDirIterator::NoIteratorFlags);
    while (json.hasNext()) {
        annotations.insert(rootDir.relativeFilePath(json.next()));
    }
    if (!annotations.isEmpty()) {
        for (int i = 0; i < paths_.size(); ++i) {
            if (annotations.contains(AnnotationFile::pathFor(paths_[i]))) {
                statuses_[i] = ImageStatus::Done;
            }
        }
    }
    endResetModel();
    return static_cast<int>(paths_.size());
}

void ImageListModel::openImage(const QString& path) {
    const QFileInfo info(path);
    beginResetModel();
    root_ = info.absolutePath();
    paths_ = {info.fileName()};
    statuses_ = {AnnotationFile::exists(QDir(root_).filePath(paths_[0])) ? ImageStatus::Done
                                                                         : ImageStatus::New};
    endResetModel();
}

void ImageListModel::clear() {
    beginResetModel();
    root_.clear();
    paths_.clear();
    statuses_.clear();
    endResetModel();
}

int ImageListModel::countStatus(ImageStatus status) const {
    return static_cast<int>(std::count(statuses_.begin(), statuses_.end(), status));
}

QStringList ImageListModel::absolutePaths() const {
    QStringList result;
    result.reserve(paths_.size());
    for (const QString& p : paths_) {
        result << root_ + QLatin1Char('/') + p;
    }
    return result;
}

QString ImageListModel::absolutePath(int row) const {
    if (row < 0 || row >= paths_.size()) {
        return {};
    }
    return root_ + QLatin1Char('/') + paths_[row];
}

int ImageListModel::rowOf(const QString& absolutePath) const {
    const QString rel = QDir(root_).relativeFilePath(absolutePath);
    return static_cast<int>(paths_.indexOf(rel));
}

void ImageListModel::setStatus(int row, ImageStatus status) {
    if (row < 0 || row >= statuses_.size() || statuses_[row] == status) {
        return;
    }
    statuses_[row] = status;
    emit dataChanged(index(row), index(row), {StatusRole, Qt::DecorationRole, Qt::ToolTipRole});
}

int ImageListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(paths_.size());
}

QVariant ImageListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= paths_.size()) {
        return {};
    }
    const int row = index.row();
    switch (role) {
        case Qt::DisplayRole:
            return paths_[row];
        case Qt::DecorationRole:
            return icons_[static_cast<size_t>(statuses_[row])];
        case Qt::ToolTipRole:
            return tr("%1 — %2").arg(paths_[row], QString::fromLatin1(toString(statuses_[row])));
        case StatusRole:
            return static_cast<int>(statuses_[row]);
        case PathRole:
            return absolutePath(row);
        default:
            return {};
    }
}

}  // namespace pm::ui
