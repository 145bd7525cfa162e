#include "inference/ModelLocator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace pm::ui {

bool ModelLocator::isBundle(const QString& dir) {
    return !dir.isEmpty() && QFileInfo(QDir(dir).filePath(QStringLiteral("manifest.json"))).isFile();
}

QString ModelLocator::demoModel() {
    QStringList candidates;
    candidates << qEnvironmentVariable("PROMPTMASK_DEMO_MODEL");
    const QString appDir = QCoreApplication::applicationDirPath();
    candidates << QDir(appDir).filePath(QStringLiteral("../share/promptmask/models/demo-shapes"));
#ifdef PROMPTMASK_SOURCE_DIR
    candidates << QStringLiteral(PROMPTMASK_SOURCE_DIR "/resources/models/demo-shapes");
#endif
    for (const QString& c : candidates) {
        if (isBundle(c)) {
            return QDir::cleanPath(QDir(c).absolutePath());
        }
    }
    return {};
}

QString ModelLocator::startupModel(const QString& commandLine, const QString& configured) {
    if (!commandLine.isEmpty()) {
        return commandLine;  // even when broken: the user asked for it and must see why it fails
    }
    if (isBundle(configured)) {
        return configured;
    }
    return demoModel();
}

}  // namespace pm::ui
