#include "ModelArgument.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "ArgParser.h"
#include "util/Error.h"
#include "util/ModelSearch.h"

namespace fs = std::filesystem;

namespace pm::cli {

namespace {

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r");
    const auto last = s.find_last_not_of(" \t\r");
    return first == std::string::npos ? std::string() : s.substr(first, last - first + 1);
}

// QSettings' ini format quotes a value with leading/trailing spaces, commas or semicolons, and escapes
// backslash and quote. Paths need no more than that.
std::string unquote(std::string value) {
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        value = value.substr(1, value.size() - 2);
    }
    std::string out;
    for (size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '\\' && i + 1 < value.size()) {
            ++i;
        }
        out += value[i];
    }
    return out;
}

}  // namespace

std::string guiModelSetting() {
    fs::path config;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && fs::path(xdg).is_absolute()) {
        config = xdg;
    } else if (const char* home = std::getenv("HOME"); home && *home) {
        config = fs::path(home) / ".config";
    } else {
        return {};
    }
    std::ifstream in(config / "PromptMask" / "PromptMask.conf");
    std::string section;
    for (std::string line; std::getline(in, line);) {
        line = trim(line);
        if (!line.empty() && line.front() == '[') {
            section = line;
        } else if (section == "[model]" && line.rfind("path=", 0) == 0) {
            return unquote(trim(line.substr(5)));
        }
    }
    return {};
}

std::string modelBundle(const ArgParser& args) {
    const std::string installed = ModelSearch::installedModelsDir();
    const ModelSearch::Choice choice =
        ModelSearch::find(args.value("model").value_or(""), guiModelSetting(), {installed});
    if (choice.path.empty()) {
        throw Error(
            ErrorKind::Usage,
            "no model bundle found: give --model BUNDLE, or set PROMPTMASK_MODEL, or put a bundle in " +
                ModelSearch::userModelsDir() + " or " + installed);
    }
    return choice.path;
}

}  // namespace pm::cli
