#pragma once

#include <QString>

namespace pm::ui {

// Decides which model bundle the app opens at start-up.
class ModelLocator {
public:
    // The demo bundle shipped with PromptMask ("demo: synthetic shapes"), or empty when absent. Looked
    // up in $PROMPTMASK_DEMO_MODEL, then <prefix>/share/promptmask/models/demo-shapes beside the
    // installed binary, then the source tree the binary was built from.
    static QString demoModel();

    // --model wins, then the configured model, then the demo model; empty means "no model".
    static QString startupModel(const QString& commandLine, const QString& configured);

    // A folder that looks like a model bundle (has manifest.json).
    static bool isBundle(const QString& dir);
};

}  // namespace pm::ui
