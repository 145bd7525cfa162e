#include "shell/AppSettings.h"

#include <algorithm>

#include "annotation/AnnotationFormat.h"

namespace pm::ui {

QString AppSettings::modelPath() const {
    return settings_.value(QStringLiteral("model/path")).toString();
}

void AppSettings::setModelPath(const QString& path) {
    settings_.setValue(QStringLiteral("model/path"), path);
}

QStringList AppSettings::recentDatasets() const {
    return settings_.value(QStringLiteral("datasets/recent")).toStringList();
}

void AppSettings::addRecentDataset(const QString& path) {
    QStringList recent = recentDatasets();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent) {
        recent.removeLast();
    }
    settings_.setValue(QStringLiteral("datasets/recent"), recent);
}

bool AppSettings::autoSegment() const {
    return settings_.value(QStringLiteral("segment/auto"), true).toBool();
}

void AppSettings::setAutoSegment(bool on) {
    settings_.setValue(QStringLiteral("segment/auto"), on);
}

bool AppSettings::recursive() const {
    return settings_.value(QStringLiteral("datasets/recursive"), false).toBool();
}

void AppSettings::setRecursive(bool on) {
    settings_.setValue(QStringLiteral("datasets/recursive"), on);
}

bool AppSettings::autosave() const {
    return settings_.value(QStringLiteral("annotations/autosave"), true).toBool();
}

void AppSettings::setAutosave(bool on) {
    settings_.setValue(QStringLiteral("annotations/autosave"), on);
}

bool AppSettings::instancePerLabel() const {
    return settings_.value(QStringLiteral("annotations/instancePerLabel"), false).toBool();
}

void AppSettings::setInstancePerLabel(bool on) {
    settings_.setValue(QStringLiteral("annotations/instancePerLabel"), on);
}

int AppSettings::minArea() const {
    return std::max(0, settings_.value(QStringLiteral("annotations/minArea"), kDefaultMinArea).toInt());
}

void AppSettings::setMinArea(int pixels) {
    settings_.setValue(QStringLiteral("annotations/minArea"), std::max(0, pixels));
}

int AppSettings::brushRadius() const {
    return std::max(0, settings_.value(QStringLiteral("canvas/brushRadius"), kDefaultBrushRadius).toInt());
}

ExportChoices AppSettings::exportChoices() const {
    ExportChoices c;
    const QString format = settings_.value(QStringLiteral("export/format"), c.format).toString();
    if (pm::AnnotationFormat::create(format.toStdString())) {
        c.format = format;  // a format this build does not know falls back to the default
    }
    c.segmentation = settings_.value(QStringLiteral("export/segmentation"), c.segmentation).toInt();
    c.embedImages = settings_.value(QStringLiteral("export/embedImages"), c.embedImages).toBool();
    c.simplifyOutlines =
        settings_.value(QStringLiteral("export/simplifyOutlines"), c.simplifyOutlines).toBool();
    return c;
}

void AppSettings::setExportChoices(const ExportChoices& choices) {
    settings_.setValue(QStringLiteral("export/format"), choices.format);
    settings_.setValue(QStringLiteral("export/segmentation"), choices.segmentation);
    settings_.setValue(QStringLiteral("export/embedImages"), choices.embedImages);
    settings_.setValue(QStringLiteral("export/simplifyOutlines"), choices.simplifyOutlines);
}

void AppSettings::setBrushRadius(int pixels) {
    settings_.setValue(QStringLiteral("canvas/brushRadius"), std::max(0, pixels));
}

}  // namespace pm::ui
