#include "project/LabelSet.h"

#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "model/PromptTemplates.h"
#include "util/AtomicFile.h"
#include "util/Error.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace pm {

namespace {

constexpr const char* kFormat = "promptmask-labels";
// Version 2 adds the prompt-algebra keys; a file that uses none of them is still written as version 1,
// so that an older PromptMask keeps reading it (and refuses, rather than silently drops, the new keys).
constexpr int kVersion = 2;

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

double unitNumber(const json& o, const char* key, double fallback, const fs::path& origin,
                  const std::string& at) {
    if (!o.contains(key)) {
        return fallback;
    }
    const json& v = o[key];
    if (!v.is_number() || v.get<double>() < 0 || v.get<double>() > 1) {
        fail(origin, at + ": " + key + " " + v.dump() + " is not a number in 0..1");
    }
    return v.get<double>();
}

std::vector<std::string> texts(const json& o, const char* key, const char* one, const fs::path& origin,
                               const std::string& at) {
    std::vector<std::string> out;
    if (!o.contains(key)) {
        return out;
    }
    if (!o[key].is_array()) {
        fail(origin, at + ": \"" + key + "\" must be a list of texts");
    }
    for (const json& p : o[key]) {
        if (!p.is_string()) {
            fail(origin, at + ": " + one + " " + p.dump() + " is not a text");
        }
        out.push_back(p.get<std::string>());
    }
    return out;
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
    if (o.contains("id") && !o["id"].is_string()) {  // the GUI keys its cached maps by it
        fail(origin, at + ": id " + o["id"].dump() + " is not a text");
    }
    l.id = o.value("id", std::string());
    l.color = o.contains("color") && o["color"].is_string() ? o["color"].get<std::string>() : std::string();
    l.prompts = texts(o, "prompts", "prompt", origin, at);
    l.threshold = unitNumber(o, "threshold", 0.5, origin, at);
    l.visible = !o.contains("visible") || !o["visible"].is_boolean() || o["visible"].get<bool>();
    const auto exemplars = [&](const char* key) {
        std::vector<VisualExemplar> out;
        if (o.contains(key)) {
            if (!o[key].is_array()) {
                fail(origin, at + ": \"" + key + "\" must be a list");
            }
            for (const json& e : o[key]) {
                out.push_back(parseExemplar(e, origin, base, at));
            }
        }
        return out;
    };
    l.exemplars = exemplars("exemplars");
    if (o.contains("ensemble") && !o["ensemble"].is_boolean()) {
        fail(origin, at + ": ensemble " + o["ensemble"].dump() + " is not true or false");
    }
    l.ensemble = o.value("ensemble", false);
    if (o.contains("templates")) {
        const json& t = o["templates"];
        if (!t.is_string() || !PromptTemplates::exists(t.get<std::string>())) {
            std::string known;
            for (const std::string& n : PromptTemplates::names()) {
                known += (known.empty() ? "\"" : ", \"") + n + "\"";
            }
            fail(origin, at + ": templates " + t.dump() + " is not one of " + known);
        }
        l.templates = t.get<std::string>();
    }
    l.negatives = texts(o, "negatives", "negative", origin, at);
    l.negativeExemplars = exemplars("negativeExemplars");
    l.negativeStrength = unitNumber(o, "negativeStrength", 1.0, origin, at);
    if (o.contains("mix") && !o["mix"].is_null()) {
        l.mix = unitNumber(o, "mix", 1.0, origin, at);
    }
    return l;
}

std::string relativeTo(const std::string& path, const fs::path& base) {
    const fs::path rel = fs::path(path).lexically_relative(base);
    if (rel.empty() || *rel.begin() == "..") {
        return path;
    }
    return rel.generic_string();
}

// Written in insertion order (format and version first), so the file reads like the schema in LABELS.md.
using ordered = nlohmann::ordered_json;

ordered exemplarJson(const VisualExemplar& e, const LabelSet& set) {
    return ordered{{"image", set.relativeToBase(e.imagePath)},
                   {"box", {e.box.x, e.box.y, e.box.width, e.box.height}},
                   {"mode", toString(e.mode)}};
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

std::vector<CombinedPrompt> LabelSpec::combinedPrompts() const {
    CombinedPrompt base;
    base.templateSet = templates;
    base.negativeStrength = negativeStrength;
    for (const std::string& n : negatives) {
        if (!trimmed(n).empty()) {
            base.negatives.push_back(Prompt::fromText(trimmed(n)));
        }
    }
    for (const VisualExemplar& e : negativeExemplars) {
        base.negatives.push_back(Prompt::fromExemplar(e));
    }
    const std::vector<Prompt> members = effectivePrompts();
    std::vector<CombinedPrompt> out;
    if (members.empty()) {
        return out;
    }
    bool text = false;
    bool visual = false;
    for (const Prompt& m : members) {
        (m.isVisual() ? visual : text) = true;
    }
    if (ensemble || mix) {
        CombinedPrompt c = base;
        c.members = members;
        if (mix && text && visual) {
            c.mix = mix;
        }
        out.push_back(std::move(c));
        return out;
    }
    for (const Prompt& m : members) {
        CombinedPrompt c = base;
        c.members = {m};
        out.push_back(std::move(c));
    }
    return out;
}

bool LabelSpec::usesPromptAlgebra() const {
    return ensemble || templates != "none" || !negatives.empty() || !negativeExemplars.empty() ||
           negativeStrength != 1.0 || mix.has_value();
}

LabelSet LabelSet::load(const fs::path& file, Use use) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) {
        fail(file, fs::exists(file, ec) ? "is not a file" : "no such labels file");
    }
    return parse(AtomicFile::readAll(file), file, use);
}

LabelSet LabelSet::parse(const std::string& text, const fs::path& origin, Use use) {
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
        const json version = doc.value("version", json());
        if (!version.is_number_integer() || version.get<int>() < 1 || version.get<int>() > kVersion) {
            fail(origin, "unsupported version " + version.dump() + " (this PromptMask reads versions 1 to " +
                             std::to_string(kVersion) + ")");
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
        if (!names.insert(l.name).second && use == Use::Batch) {
            fail(origin, where(i, l.name) + ": the name is used by another label");
        }
        set.labels_.push_back(std::move(l));
    }
    if (set.labels_.empty() && use == Use::Batch) {
        fail(origin, "has no labels");
    }
    return set;
}

std::string LabelSet::toJson() const {
    bool algebra = false;
    ordered labels = ordered::array();
    for (const LabelSpec& l : labels_) {
        algebra = algebra || l.usesPromptAlgebra();
        ordered exemplars = ordered::array();
        for (const VisualExemplar& e : l.exemplars) {
            exemplars.push_back(exemplarJson(e, *this));
        }
        ordered o = {{"id", l.id},           {"name", l.name},         {"color", l.color},
                     {"prompts", l.prompts}, {"exemplars", exemplars}, {"threshold", l.threshold},
                     {"visible", l.visible}};
        if (l.usesPromptAlgebra()) {
            ordered negativeExemplars = ordered::array();
            for (const VisualExemplar& e : l.negativeExemplars) {
                negativeExemplars.push_back(exemplarJson(e, *this));
            }
            o["ensemble"] = l.ensemble;
            o["templates"] = l.templates;
            o["negatives"] = l.negatives;
            o["negativeExemplars"] = negativeExemplars;
            o["negativeStrength"] = l.negativeStrength;
            o["mix"] = l.mix ? ordered(*l.mix) : ordered();
        }
        labels.push_back(std::move(o));
    }
    const ordered doc = {{"format", kFormat},
                         {"version", algebra ? kVersion : 1},
                         {"overlapMode", overlap_ == Overlap::Exclusive ? "exclusive" : "overlapping"},
                         {"labels", labels}};
    return doc.dump(4) + "\n";
}

std::vector<std::string> LabelSet::missingExemplars() const {
    std::vector<std::string> missing;
    for (const LabelSpec& l : labels_) {
        std::vector<VisualExemplar> all = l.exemplars;
        all.insert(all.end(), l.negativeExemplars.begin(), l.negativeExemplars.end());
        for (const VisualExemplar& e : all) {
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
    return relativeTo(path, baseDir_);
}

std::vector<std::string> LabelSet::describe(std::vector<CombinedPrompt> prompts, const fs::path& base) {
    std::vector<std::string> out;
    for (CombinedPrompt& c : prompts) {
        for (std::vector<Prompt>* list : {&c.members, &c.negatives}) {
            for (Prompt& p : *list) {
                if (p.exemplar) {
                    p.exemplar->imagePath = relativeTo(p.exemplar->imagePath, base);
                }
            }
        }
        out.push_back(c.describe());
    }
    return out;
}

}  // namespace pm
