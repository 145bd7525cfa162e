#include "document/EditJournal.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <opencv2/imgcodecs.hpp>
#include <vector>

#include "document/ImageListModel.h"
#include "document/ImageSession.h"
#include "document/ImageStatus.h"
#include "util/AtomicFile.h"
#include "util/Error.h"

namespace pm::ui {
namespace {

constexpr const char* kFormat = "promptmask-journal";
constexpr int kDebounceMs = 800;  // one write per burst of strokes
// A whole edit map, whatever the image size (MaskEdits::region clips to the map).
const cv::Rect kWholeMap(0, 0, 1 << 30, 1 << 30);
// Edit maps are image-sized; a journal entry claiming more than this many pixels is not ours.
constexpr qint64 kMaxMapPixels = qint64(1) << 28;

QByteArray encodeMap(const cv::Mat& map) {
    std::vector<uchar> png;
    if (!cv::imencode(".png", map, png)) {
        return {};
    }
    return QByteArray(reinterpret_cast<const char*>(png.data()), static_cast<int>(png.size())).toBase64();
}

// The map in a journal entry, or an empty Mat when it is not a sane edit map. The PNG header's size is
// checked before decoding, so a hostile journal cannot make the app allocate gigabytes.
cv::Mat decodeMap(const QString& base64) {
    const QByteArray png = QByteArray::fromBase64(base64.toLatin1());
    if (png.size() < 24 || !png.startsWith("\x89PNG\r\n\x1a\n")) {
        return {};
    }
    auto be32 = [&png](int at) {
        return (quint32(uchar(png[at])) << 24) | (quint32(uchar(png[at + 1])) << 16) |
               (quint32(uchar(png[at + 2])) << 8) | quint32(uchar(png[at + 3]));
    };
    if (qint64(be32(16)) * qint64(be32(20)) > kMaxMapPixels) {
        return {};
    }
    const std::vector<uchar> bytes(png.begin(), png.end());
    cv::Mat map = cv::imdecode(bytes, cv::IMREAD_UNCHANGED);
    if (map.empty() || map.type() != CV_8UC1) {
        return {};
    }
    double maxValue = 0;
    cv::minMaxLoc(map, nullptr, &maxValue);
    return maxValue <= 2 ? map : cv::Mat();  // MaskEdits values: none, paint, erase
}

}  // namespace

EditJournal::EditJournal(ImageSession& session, const ImageListModel& images, QObject* parent)
    : QObject(parent), session_(session), images_(images) {
    timer_.setSingleShot(true);
    timer_.setInterval(kDebounceMs);
    connect(&timer_, &QTimer::timeout, this, [this] { write(true); });
}

QString EditJournal::journalPath(const QString& datasetDir) {
    return QDir(datasetDir).filePath(QStringLiteral(".promptmask/journal.json"));
}

QStringList EditJournal::open(const QString& datasetDir) {
    timer_.stop();  // the caller flushed while the old dataset was listed; the list has changed since
    pending_.clear();
    datasetDir_ = datasetDir;
    const QString path = journalPath(datasetDir);
    if (datasetDir.isEmpty() || !QFileInfo::exists(path)) {
        return {};
    }
    QFile file(path);
    // PNG-packed edit maps stay far below this; a bigger file is not a journal we wrote.
    constexpr qint64 kMaxJournalBytes = qint64(256) << 20;
    const bool readable = file.size() <= kMaxJournalBytes && file.open(QIODevice::ReadOnly);
    const QJsonDocument doc = QJsonDocument::fromJson(readable ? file.readAll() : QByteArray());
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != QLatin1String(kFormat)) {
        try {
            AtomicFile::backup(path.toStdString());  // not ours or torn by hand: keep, never parse again
            QFile::remove(path);
        } catch (const pm::Error&) {
        }
        return {};
    }
    QStringList names;
    const QDir dir(datasetDir);
    for (const QJsonValue& value : root.value(QStringLiteral("images")).toArray()) {
        const QJsonObject entry = value.toObject();
        const QString relative = QDir::cleanPath(entry.value(QStringLiteral("image")).toString());
        if (relative.isEmpty() || relative.startsWith(QLatin1String("..")) ||
            QDir::isAbsolutePath(relative)) {
            continue;  // the journal speaks only of images inside its dataset
        }
        Image image;
        image.path = dir.absoluteFilePath(relative);
        const QJsonObject labels = entry.value(QStringLiteral("labels")).toObject();
        for (auto it = labels.begin(); it != labels.end(); ++it) {
            const cv::Mat map = decodeMap(it.value().toString());
            if (!map.empty()) {
                image.maps.insert(it.key(), map);
            }
        }
        if (!image.maps.isEmpty() && QFileInfo::exists(image.path)) {
            names << relative;
            pending_ << image;
        }
    }
    return names;
}

QStringList EditJournal::restore() {
    QStringList restored;
    for (const Image& image : std::as_const(pending_)) {
        MaskEdits& edits = session_.edits(image.path);
        for (auto it = image.maps.cbegin(); it != image.maps.cend(); ++it) {
            const cv::Size size = it.value().size();
            edits.setRegion(it.key(), size, cv::Rect(cv::Point(0, 0), size), it.value());
        }
        restored << image.path;
    }
    pending_.clear();
    touch();
    return restored;
}

void EditJournal::touch() {
    if (!datasetDir_.isEmpty()) {
        timer_.start();
    }
}

void EditJournal::flush() {
    if (timer_.isActive()) {
        write(true);
    }
}

void EditJournal::discard() {
    timer_.stop();
    if (!datasetDir_.isEmpty()) {
        write(false);  // keeps only what a previous session left and nobody restored yet
    }
}

void EditJournal::write(bool includeSession) {
    timer_.stop();
    const QDir dir(datasetDir_);
    QJsonArray entries;
    QStringList included;
    if (includeSession) {
        for (const QString& path : session_.editedPaths()) {
            const int row = images_.rowOf(path);
            if (row < 0 || images_.status(row) != ImageStatus::Edited) {
                continue;  // saved, or not in this dataset
            }
            MaskEdits& edits = session_.edits(path);
            QJsonObject labels;
            for (const QString& id : edits.labelIds()) {
                labels.insert(id, QString::fromLatin1(encodeMap(edits.region(id, kWholeMap))));
            }
            if (path != session_.path()) {
                edits.pack();  // region() unpacked it; images off screen stay compressed
            }
            entries.append(QJsonObject{{QStringLiteral("image"), dir.relativeFilePath(path)},
                                       {QStringLiteral("labels"), labels}});
            included << path;
        }
    }
    for (const Image& image : std::as_const(pending_)) {
        if (included.contains(image.path)) {
            continue;
        }
        QJsonObject labels;
        for (auto it = image.maps.cbegin(); it != image.maps.cend(); ++it) {
            labels.insert(it.key(), QString::fromLatin1(encodeMap(it.value())));
        }
        entries.append(QJsonObject{{QStringLiteral("image"), dir.relativeFilePath(image.path)},
                                   {QStringLiteral("labels"), labels}});
    }
    const QString path = journalPath(datasetDir_);
    lastError_.clear();
    try {
        if (entries.isEmpty()) {
            QFile::remove(path);  // nothing unsaved: a journal would only offer stale edits
        } else {
            if (!dir.mkpath(QStringLiteral(".promptmask"))) {
                throw pm::Error(pm::ErrorKind::Io,
                                "cannot create folder '" + QFileInfo(path).path().toStdString() + "'");
            }
            const QJsonObject root{{QStringLiteral("format"), QLatin1String(kFormat)},
                                   {QStringLiteral("version"), 1},
                                   {QStringLiteral("images"), entries}};
            AtomicFile::write(path.toStdString(),
                              QJsonDocument(root).toJson(QJsonDocument::Compact).toStdString());
        }
    } catch (const pm::Error& e) {
        lastError_ = QString::fromStdString(e.what());  // the edits are still in memory
    }
    emit written(static_cast<int>(entries.size()));
}

}  // namespace pm::ui
