#include "inference/ModelLocator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include "util/ModelSearch.h"

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
    // The search order is shared with the CLI (core/util/ModelSearch.h); the demo model is the system one.
    const ModelSearch::Choice choice =
        ModelSearch::find(commandLine.toStdString(), configured.toStdString(), {demoModel().toStdString()});
    return QString::fromStdString(choice.path);
}

}  // namespace pm::ui
