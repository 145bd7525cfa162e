#include "util/ModelSearch.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;

namespace pm {

namespace {

std::string env(const char* name) {
    const char* value = std::getenv(name);
    return value ? value : "";
}

}  // namespace

bool ModelSearch::isBundle(const std::string& dir) {
    std::error_code ec;
    return !dir.empty() && fs::is_regular_file(fs::path(dir) / "manifest.json", ec);
}

std::string ModelSearch::firstBundleIn(const std::string& dir) {
    if (isBundle(dir)) {
        return dir;
    }
    std::error_code ec;
    if (dir.empty() || !fs::is_directory(dir, ec)) {
        return {};
    }
    std::vector<std::string> bundles;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (isBundle(it->path().string())) {
            bundles.push_back(it->path().string());
        }
    }
    return bundles.empty() ? std::string() : *std::min_element(bundles.begin(), bundles.end());
}

std::string ModelSearch::userModelsDir() {
    const std::string xdg = env("XDG_DATA_HOME");
    if (!xdg.empty() && fs::path(xdg).is_absolute()) {  // the XDG spec ignores a relative value
        return (fs::path(xdg) / "promptmask" / "models").string();
    }
    const std::string home = env("HOME");
    return home.empty() ? std::string() : (fs::path(home) / ".local/share/promptmask/models").string();
}

std::string ModelSearch::installedModelsDir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) {
        return {};
    }
    return (exe.parent_path().parent_path() / "share/promptmask/models").lexically_normal().string();
}

ModelSearch::Choice ModelSearch::find(const std::string& commandLine, const std::string& configured,
                                      const std::vector<std::string>& systemDirs) {
    if (!commandLine.empty()) {
        return {commandLine, "--model"};
    }
    if (const std::string fromEnv = env("PROMPTMASK_MODEL"); !fromEnv.empty()) {
        return {fromEnv, "PROMPTMASK_MODEL"};
    }
    if (isBundle(configured)) {
        return {configured, "setting"};
    }
    if (const std::string user = firstBundleIn(userModelsDir()); !user.empty()) {
        return {user, "user models"};
    }
    for (const std::string& dir : systemDirs) {
        if (const std::string found = firstBundleIn(dir); !found.empty()) {
            return {found, "system models"};
        }
    }
    return {};
}

}  // namespace pm
