#include "project/LabelSet.h"

#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "util/AtomicFile.h"
#include "util/Error.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace pm {

namespace {

constexpr const char* kFormat = "promptmask-labels";
constexpr int kVersion = 1;

[[noreturn]] void fail(const fs::path& origin, const std::string& problem) {
    throw Error(ErrorKind::Input, origin.string() + ": " + problem);
}

std::string trimmed(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n\v\f");
    if (b == std::string::npos) {
        return {};
    }
    const auto e = s.find_last_not_of(" \t\r\n\v\f");
    return s.substr(b, e - b + 1);
}

std::string where(size_t index, const std::string& name) {
    return "label " + std::to_string(index + 1) + (name.empty() ? "" : " (\"" + name + "\")");
}

VisualExemplar parseExemplar(const json& e, const fs::path& origin, const fs::path& base,
                             const std::string& at) {
    if (!e.is_object() || !e.contains("image") || !e["image"].is_string() ||
        e["image"].get<std::string>().empty()) {
        fail(origin, at + ": an exemplar needs an \"image\" path");
    }
    const json box = e.value("box", json());
    if (!box.is_array() || box.size() != 4) {
        fail(origin, at + ": exemplar has no [x, y, width, height] box");
    }
    int v[4];
    for (size_t i = 0; i < 4; ++i) {
        if (!box[i].is_number() || box[i].get<double>() < 0 || box[i].get<double>() > 1e6) {
            fail(origin, at + ": exemplar box " + box.dump() + " is not [x, y, width, height] in pixels");
        }
        v[i] = int(box[i].get<double>());
    }
    if (v[2] <= 0 || v[3] <= 0) {
        fail(origin, at + ": exemplar box " + box.dump() + " is empty (width and height must be > 0)");
    }
    VisualExemplar x;
    fs::path image = fs::u8path(e["image"].get<std::string>());
    x.imagePath = (image.is_absolute() ? image : base / image).lexically_normal().string();
    x.box = cv::Rect(v[0], v[1], v[2], v[3]);
    if (e.contains("mode")) {
        const auto mode =
            e["mode"].is_string() ? visualPromptModeFromString(e["mode"].get<std::string>()) : std::nullopt;
        if (!mode) {
            fail(origin, at + ": exemplar mode " + e["mode"].dump() +
                             " is not one of \"plain\", \"crop\", \"crop-blur-highlight\"");
        }
        x.mode = *mode;
    }
    return x;
}

LabelSpec parseLabel(const json& o, size_t index, const fs::path& origin, const fs::path& base) {
    if (!o.is_object()) {
        fail(origin, where(index, "") + " is not an object");
    }
    LabelSpec l;
    if (o.contains("name") && o["name"].is_string()) {
        l.name = o["name"].get<std::string>();
    }
    if (trimmed(l.name).empty()) {
        fail(origin, where(index, "") + " has no \"name\"");
    }
    const std::string at = where(index, l.name);
    l.id = o.contains("id") && o["id"].is_string() ? o["id"].get<std::string>() : std::string();
    l.color = o.contains("color") && o["color"].is_string() ? o["color"].get<std::string>() : std::string();
    if (o.contains("prompts")) {
        if (!o["prompts"].is_array()) {
            fail(origin, at + ": \"prompts\" must be a list of texts");
        }
        for (const json& p : o["prompts"]) {
            if (!p.is_string()) {
                fail(origin, at + ": prompt " + p.dump() + " is not a text");
            }
            l.prompts.push_back(p.get<std::string>());
        }
    }
    if (o.contains("threshold")) {
        if (!o["threshold"].is_number() || o["threshold"].get<double>() < 0 ||
            o["threshold"].get<double>() > 1) {
            fail(origin, at + ": threshold " + o["threshold"].dump() + " is not a number in 0..1");
        }
        l.threshold = o["threshold"].get<double>();
    }
    l.visible = !o.contains("visible") || !o["visible"].is_boolean() || o["visible"].get<bool>();
    if (o.contains("exemplars")) {
        if (!o["exemplars"].is_array()) {
            fail(origin, at + ": \"exemplars\" must be a list");
        }
        for (const json& e : o["exemplars"]) {
            l.exemplars.push_back(parseExemplar(e, origin, base, at));
        }
    }
    return l;
}

}  // namespace

std::vector<Prompt> LabelSpec::effectivePrompts() const {
    std::vector<Prompt> result;
    for (const std::string& p : prompts) {
        if (!trimmed(p).empty()) {
            result.push_back(Prompt::fromText(trimmed(p)));
        }
    }
    // The GUI's rule (LabelDefinition::effectiveTextPrompts): a bare label asks for its name.
    static const std::regex kPlaceholder("label [0-9]+", std::regex::icase);
    if (result.empty() && exemplars.empty() && !std::regex_match(trimmed(name), kPlaceholder)) {
        result.push_back(Prompt::fromText(trimmed(name)));
    }
    for (const VisualExemplar& e : exemplars) {
        result.push_back(Prompt::fromExemplar(e));
    }
    return result;
}

LabelSet LabelSet::load(const fs::path& file) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) {
        fail(file, fs::exists(file, ec) ? "is not a file" : "no such labels file");
    }
    return parse(AtomicFile::readAll(file), file);
}

LabelSet LabelSet::parse(const std::string& text, const fs::path& origin) {
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::parse_error& e) {
        fail(origin, std::string("not valid JSON (") + e.what() + ")");
    }
    LabelSet set;
    const fs::path dir = fs::absolute(origin).parent_path();
    // The GUI stores exemplar paths relative to the dataset, the folder above `.promptmask`.
    set.baseDir_ = (dir.filename() == ".promptmask" ? dir.parent_path() : dir).lexically_normal();
    json labels;
    if (doc.is_object()) {
        if (doc.value("format", json()) != kFormat) {
            fail(origin, std::string("not a labels file (\"format\" is not \"") + kFormat +
                             "\"; a hand-written file is a list of labels)");
        }
        if (doc.value("version", json()) != kVersion) {
            fail(origin, "unsupported version " + doc.value("version", json()).dump() +
                             " (this PromptMask reads version " + std::to_string(kVersion) + ")");
        }
        const json mode = doc.value("overlapMode", json("exclusive"));
        if (mode != "exclusive" && mode != "overlapping") {
            fail(origin, "overlapMode " + mode.dump() + " is not \"exclusive\" or \"overlapping\"");
        }
        set.overlap_ = mode == "overlapping" ? Overlap::Overlapping : Overlap::Exclusive;
        labels = doc.value("labels", json::array());
    } else {
        labels = doc;
    }
    if (!labels.is_array()) {
        fail(origin, "\"labels\" is not a list");
    }
    std::set<std::string> names;
    for (size_t i = 0; i < labels.size(); ++i) {
        LabelSpec l = parseLabel(labels[i], i, origin, set.baseDir_);
        if (!names.insert(l.name).second) {
            fail(origin, where(i, l.name) + ": the name is used by another label");
        }
        set.labels_.push_back(std::move(l));
    }
    if (set.labels_.empty()) {
        fail(origin, "has no labels");
    }
    return set;
}

std::vector<std::string> LabelSet::missingExemplars() const {
    std::vector<std::string> missing;
    for (const LabelSpec& l : labels_) {
        for (const VisualExemplar& e : l.exemplars) {
            std::error_code ec;
            if (!fs::is_regular_file(e.imagePath, ec)) {
                missing.push_back("label \"" + l.name + "\": exemplar image '" + e.imagePath + "' " +
                                  (fs::exists(e.imagePath, ec) ? "is not a file" : "does not exist"));
            }
        }
    }
    return missing;
}

std::string LabelSet::relativeToBase(const std::string& path) const {
    const fs::path rel = fs::path(path).lexically_relative(baseDir_);
    if (rel.empty() || *rel.begin() == "..") {
        return path;
    }
    return rel.generic_string();
}

}  // namespace pm
