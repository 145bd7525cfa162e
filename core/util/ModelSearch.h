#pragma once

#include <string>
#include <vector>

namespace pm {

// Where the GUI and the CLI look for a model bundle, in this order (man pages and USER_GUIDE.md say
// the same):
//   1. --model on the command line        used even when broken: the user must see why it fails
//   2. $PROMPTMASK_MODEL                   likewise
//   3. the GUI setting (File → Open Model) only when it still is a bundle (a stale setting falls through)
//   4. the user's models folder            $XDG_DATA_HOME/promptmask/models, else ~/.local/share/...
//   5. the system models folder            <prefix>/share/promptmask/models beside the binary (the demo)
// A models folder counts when it is a bundle itself or holds one (the first by name).
class ModelSearch {
public:
    struct Choice {
        std::string path;    // empty: no model found
        std::string source;  // "--model", "PROMPTMASK_MODEL", "setting", "user models", "system models"
    };

    // configured: the GUI setting ("" when none). systemDirs: the system models folders, most specific first.
    static Choice find(const std::string& commandLine, const std::string& configured,
                       const std::vector<std::string>& systemDirs);

    // A folder with manifest.json.
    static bool isBundle(const std::string& dir);

    // dir itself when it is a bundle, else its first bundle subfolder by name, else "".
    static std::string firstBundleIn(const std::string& dir);

    // $XDG_DATA_HOME/promptmask/models, or $HOME/.local/share/promptmask/models; "" without either.
    static std::string userModelsDir();

    // <exe dir>/../share/promptmask/models (the installed layout), from /proc/self/exe.
    static std::string installedModelsDir();
};

}  // namespace pm
