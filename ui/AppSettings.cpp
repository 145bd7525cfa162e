#include "AppSettings.h"

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

}  // namespace pm::ui
