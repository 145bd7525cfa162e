#include "autolabel/AutoLabelRecord.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include "document/AnnotationFile.h"
#include "util/AtomicFile.h"

namespace pm::ui {

QString AutoLabelRecord::pathFor(const QString& datasetDir) {
    return QDir(datasetDir).filePath(QStringLiteral(".promptmask/autolabel.json"));
}

void AutoLabelRecord::load(const QString& datasetDir) {
    dir_ = datasetDir;
    entries_.clear();
    QFile file(pathFor(datasetDir));
    if (!file.open(QIODevice::ReadOnly)) {
        return;
    }
    const QJsonObject images = QJsonDocument::fromJson(file.readAll()).object().value("images").toObject();
    for (auto it = images.begin(); it != images.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        Entry e;
        e.labels = o.value("labels").toString();
        e.size = o.value("size").toInteger(-1);
        e.modifiedMs = o.value("modifiedMs").toInteger(-1);
        if (!e.labels.isEmpty() && e.size >= 0) {
            entries_.insert(it.key(), e);
        }
    }
}

void AutoLabelRecord::save() const {
    QJsonObject images;
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
        images.insert(
            it.key(),
            QJsonObject{{"labels", it->labels}, {"size", it->size}, {"modifiedMs", it->modifiedMs}});
    }
    const QJsonObject root{{"version", 1}, {"images", images}};
    QDir().mkpath(QFileInfo(pathFor(dir_)).absolutePath());
    pm::AtomicFile::write(pathFor(dir_).toStdString(), QJsonDocument(root).toJson().toStdString());
}

QString AutoLabelRecord::key(const QString& imagePath) const {
    return QDir(dir_).relativeFilePath(imagePath);
}

bool AutoLabelRecord::matches(const QString& imagePath, const Entry& entry) const {
    const QFileInfo annotation(AnnotationFile::pathFor(imagePath));
    return annotation.exists() && annotation.size() == entry.size &&
           annotation.lastModified().toMSecsSinceEpoch() == entry.modifiedMs;
}

bool AutoLabelRecord::isAuto(const QString& imagePath) const {
    const auto it = entries_.constFind(key(imagePath));
    return it != entries_.cend() && matches(imagePath, *it);
}

QString AutoLabelRecord::labelsOf(const QString& imagePath) const {
    const auto it = entries_.constFind(key(imagePath));
    return it != entries_.cend() && matches(imagePath, *it) ? it->labels : QString();
}

void AutoLabelRecord::add(const QString& imagePath, const QString& labelsSignature) {
    const QFileInfo annotation(AnnotationFile::pathFor(imagePath));
    entries_.insert(key(imagePath),
                    Entry{labelsSignature, annotation.size(), annotation.lastModified().toMSecsSinceEpoch()});
}

bool AutoLabelRecord::remove(const QString& imagePath) {
    return entries_.remove(key(imagePath)) > 0;
}

QStringList AutoLabelRecord::autoImages() const {
    QStringList paths;
    const QDir root(dir_);
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
        const QString path = root.filePath(it.key());
        if (matches(path, *it)) {
            paths << path;
        }
    }
    return paths;
}

}  // namespace pm::ui
