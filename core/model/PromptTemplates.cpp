#include "model/PromptTemplates.h"

#include <map>

#include "util/Error.h"

namespace pm {

namespace {

const std::map<std::string, std::vector<std::string>>& table() {
    static const std::map<std::string, std::vector<std::string>> sets = {
        {"none", {"{}"}},
        {"fixed", {"a photo of a {}."}},
        {"clipseg", {"a photo of a {}.", "a photograph of a {}.", "an image of a {}.", "{}."}},
        {"clipseg-plus",
         {"a photo of a {}.", "a photograph of a {}.", "an image of a {}.", "{}.", "a cropped photo of a {}.",
          "a good photo of a {}.", "a photo of one {}.", "a bad photo of a {}.", "a photo of the {}."}},
        {"clip7",
         {"itap of a {}.", "a bad photo of the {}.", "a origami {}.", "a photo of the large {}.",
          "a {} in a video game.", "art of the {}.", "a photo of the small {}."}},
    };
    return sets;
}

}  // namespace

std::vector<std::string> PromptTemplates::names() {
    return {"none", "fixed", "clipseg", "clipseg-plus", "clip7"};
}

bool PromptTemplates::exists(const std::string& set) {
    return table().count(set) != 0;
}

const std::vector<std::string>& PromptTemplates::patterns(const std::string& set) {
    const auto it = table().find(set);
    if (it == table().end()) {
        throw Error(ErrorKind::Usage,
                    "unknown template set '" + set + "' (one of none, fixed, clipseg, clipseg-plus, clip7)");
    }
    return it->second;
}

std::vector<std::string> PromptTemplates::expand(const std::string& set, const std::string& text) {
    std::vector<std::string> out;
    for (const std::string& pattern : patterns(set)) {
        const auto at = pattern.find("{}");
        out.push_back(pattern.substr(0, at) + text + pattern.substr(at + 2));
    }
    return out;
}

}  // namespace pm
