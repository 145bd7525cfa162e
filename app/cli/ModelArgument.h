#pragma once

#include <string>

namespace pm::cli {

class ArgParser;

// The model bundle a command uses: --model, else the search order of pm::ModelSearch (PROMPTMASK_MODEL,
// the GUI's setting, the user's and the system's models folders). Throws a usage error naming every
// place it looked when none holds a bundle.
std::string modelBundle(const ArgParser& args);

// The GUI's "model/path" setting, read from its QSettings file ($XDG_CONFIG_HOME or ~/.config,
// PromptMask/PromptMask.conf) without Qt; "" when absent.
std::string guiModelSetting();

}  // namespace pm::cli
