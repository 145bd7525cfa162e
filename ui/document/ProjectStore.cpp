#include "document/ProjectStore.h"

#include <QDir>
#include <QFileInfo>
#include <QImageReader>

#include "project/LabelSet.h"
#include "util/AtomicFile.h"
#include "util/Error.h"

namespace pm::ui {

QString ProjectStore::labelsPath(const QString& datasetDir) {
    return QDir(datasetDir).filePath(QStringLiteral(".promptmask/labels.json"));
}

ProjectData ProjectStore::load(const QString& datasetDir) {
    const QString path = labelsPath(datasetDir);
    if (!QFileInfo::exists(path)) {
        return {};
    }
    const std::string bytes = pm::AtomicFile::readAll(path.toStdString());
    return fromJson(datasetDir, QByteArray::fromStdString(bytes));
}

void ProjectStore::save(const QString& datasetDir, const ProjectData& data) {
    const QString path = labelsPath(datasetDir);
    if (!QDir(datasetDir).mkpath(QStringLiteral(".promptmask"))) {
        throw pm::Error(pm::ErrorKind::Io,
                        "cannot create folder '" + QFileInfo(path).path().toStdString() + "'");
    }
    pm::AtomicFile::write(path.toStdString(), toJson(datasetDir, data).toStdString());
}

// One schema, one parser: the file is pm::LabelSet's (core/project), the CLI's `label` reads it alike.
QByteArray ProjectStore::toJson(const QString& datasetDir, const ProjectData& data) {
    std::vector<pm::LabelSpec> labels;
    for (const LabelDefinition& l : data.labels) {
        labels.push_back(l.toSpec());
    }
    const pm::LabelSet set(std::move(labels),
                           data.overlapMode == OverlapMode::Exclusive ? pm::LabelSet::Overlap::Exclusive
                                                                      : pm::LabelSet::Overlap::Overlapping,
                           QDir::cleanPath(QDir(datasetDir).absolutePath()).toStdString());
    return QByteArray::fromStdString(set.toJson());
}

ProjectData ProjectStore::fromJson(const QString& datasetDir, const QByteArray& json) {
    // Errors name labelsPath(); relative exemplar paths are resolved against the dataset folder.
    const pm::LabelSet set = pm::LabelSet::parse(json.toStdString(), labelsPath(datasetDir).toStdString(),
                                                 pm::LabelSet::Use::Editor);
    ProjectData data;
    data.overlapMode = set.overlap() == pm::LabelSet::Overlap::Overlapping ? OverlapMode::Overlapping
                                                                           : OverlapMode::Exclusive;
    for (const pm::LabelSpec& spec : set.labels()) {
        LabelDefinition l = LabelDefinition::fromSpec(spec, static_cast<int>(data.labels.size()));
        for (ExemplarDefinition& e : l.exemplars) {
            e.thumbnail = exemplarThumbnail(e.imagePath, e.box);
        }
        for (ExemplarDefinition& e : l.negativeExemplars) {
            e.thumbnail = exemplarThumbnail(e.imagePath, e.box);
        }
        data.labels.push_back(l);
    }
    return data;
}

QImage ProjectStore::exemplarThumbnail(const QString& imagePath, const QRect& box, int size) {
    QImageReader reader(imagePath);
    reader.setAutoTransform(true);
    const QImage image = reader.read();
    if (image.isNull()) {
        return {};
    }
    return image.copy(box).scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
}

}  // namespace pm::ui
