#include "document/ProjectStore.h"

#include <QDir>
#include <QFileInfo>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "util/AtomicFile.h"
#include "util/Error.h"

namespace pm::ui {

namespace {
constexpr const char* kFormat = "promptmask-labels";
constexpr int kVersion = 1;

[[noreturn]] void fail(const QString& origin, const QString& problem) {
    throw pm::Error(pm::ErrorKind::Input, QStringLiteral("'%1': %2").arg(origin, problem).toStdString());
}
}  // namespace

QString ProjectStore::labelsPath(const QString& datasetDir) {
    return QDir(datasetDir).filePath(QStringLiteral(".promptmask/labels.json"));
}

ProjectData ProjectStore::load(const QString& datasetDir) {
    const QString path = labelsPath(datasetDir);
    if (!QFileInfo::exists(path)) {
        return {};
    }
    const std::string bytes = pm::AtomicFile::readAll(path.toStdString());
    return fromJson(datasetDir, QByteArray::fromStdString(bytes), path);
}

void ProjectStore::save(const QString& datasetDir, const ProjectData& data) {
    const QString path = labelsPath(datasetDir);
    if (!QDir(datasetDir).mkpath(QStringLiteral(".promptmask"))) {
        throw pm::Error(pm::ErrorKind::Io,
                        "cannot create folder '" + QFileInfo(path).path().toStdString() + "'");
    }
    pm::AtomicFile::write(path.toStdString(), toJson(datasetDir, data).toStdString());
}

QByteArray ProjectStore::toJson(const QString& datasetDir, const ProjectData& data) {
    const QDir dir(datasetDir);
    QJsonArray labels;
    for (const LabelDefinition& l : data.labels) {
        QJsonArray exemplars;
        for (const ExemplarDefinition& e : l.exemplars) {
            const QString rel = dir.relativeFilePath(e.imagePath);
            QJsonObject o;
            o["image"] = rel.startsWith(QStringLiteral("..")) ? e.imagePath : rel;
            o["box"] = QJsonArray{e.box.x(), e.box.y(), e.box.width(), e.box.height()};
            o["mode"] = QString::fromLatin1(pm::toString(e.mode));
            exemplars.append(o);
        }
        QJsonObject o;
        o["id"] = l.id;
        o["name"] = l.name;
        o["color"] = l.color.name(QColor::HexRgb);
        o["prompts"] = QJsonArray::fromStringList(l.prompts);
        o["exemplars"] = exemplars;
        o["threshold"] = l.threshold;
        o["visible"] = l.visible;
        labels.append(o);
    }
    QJsonObject root;
    root["format"] = kFormat;
    root["version"] = kVersion;
    root["overlapMode"] = data.overlapMode == OverlapMode::Exclusive ? "exclusive" : "overlapping";
    root["labels"] = labels;
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

ProjectData ProjectStore::fromJson(const QString& datasetDir, const QByteArray& json, const QString& origin) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (doc.isNull() || !doc.isObject()) {
        fail(origin,
             QStringLiteral("not a labels file (%1 at byte %2)").arg(error.errorString()).arg(error.offset));
    }
    const QJsonObject root = doc.object();
    if (root["format"].toString() != QLatin1String(kFormat)) {
        fail(origin, QStringLiteral("not a labels file (format is not \"%1\")").arg(kFormat));
    }
    if (root["version"].toInt() != kVersion) {
        fail(origin, QStringLiteral("unsupported version %1 (this PromptMask reads version %2)")
                         .arg(root["version"].toInt())
                         .arg(kVersion));
    }
    const QDir dir(datasetDir);
    ProjectData data;
    data.overlapMode = root["overlapMode"].toString() == QLatin1String("overlapping")
                           ? OverlapMode::Overlapping
                           : OverlapMode::Exclusive;
    for (const QJsonValue& v : root["labels"].toArray()) {
        const QJsonObject o = v.toObject();
        LabelDefinition l;
        l.id = o["id"].toString();
        l.name = o["name"].toString();
        if (l.id.isEmpty() || l.name.isEmpty()) {
            fail(origin, QStringLiteral("label %1 has no id or name").arg(data.labels.size() + 1));
        }
        l.color = QColor(o["color"].toString());
        if (!l.color.isValid()) {
            l.color = LabelDefinition::paletteColor(static_cast<int>(data.labels.size()));
        }
        for (const QJsonValue& p : o["prompts"].toArray()) {
            l.prompts << p.toString();
        }
        l.threshold = std::clamp(o["threshold"].toDouble(0.5), 0.0, 1.0);
        l.visible = o["visible"].toBool(true);
        for (const QJsonValue& ev : o["exemplars"].toArray()) {
            const QJsonObject eo = ev.toObject();
            const QJsonArray box = eo["box"].toArray();
            if (box.size() != 4) {
                fail(origin,
                     QStringLiteral("exemplar of label \"%1\" has no [x, y, width, height] box").arg(l.name));
            }
            ExemplarDefinition e;
            e.imagePath = QDir::cleanPath(dir.absoluteFilePath(eo["image"].toString()));
            e.box = QRect(box[0].toInt(), box[1].toInt(), box[2].toInt(), box[3].toInt());
            e.mode = pm::visualPromptModeFromString(eo["mode"].toString().toStdString())
                         .value_or(pm::VisualPromptMode::CropBlurHighlight);
            e.thumbnail = exemplarThumbnail(e.imagePath, e.box);
            l.exemplars.push_back(e);
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
