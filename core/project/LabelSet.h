#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "model/Prompt.h"

namespace pm {

// One label of a project: what to call it and how to ask the model for it.
struct LabelSpec {
    std::string id;                         // the GUI's stable id; empty for a hand-written list
    std::string name;                       // never empty
    std::string color;                      // "#rrggbb", or empty when the file gives none
    std::vector<std::string> prompts;       // text prompts as written (may hold blanks)
    std::vector<VisualExemplar> exemplars;  // image paths absolute (resolved at load)
    double threshold = 0.5;                 // 0..1
    bool visible = true;

    // The prompts the model is asked, as the GUI asks them: trimmed non-blank texts, then the exemplars;
    // a label with neither uses its own name, unless that is a placeholder ("label 3").
    std::vector<Prompt> effectivePrompts() const;
};

// A project's labels, read from the GUI's own `<dataset>/.promptmask/labels.json`
//   {"format": "promptmask-labels", "version": 1, "overlapMode": "exclusive"|"overlapping",
//    "labels": [{"id", "name", "color", "prompts", "exemplars", "threshold", "visible"}]}
// or from a hand-written list [{"name", "prompts", "threshold", "color"?, "exemplars"?}].
// Exemplars are {"image", "box": [x, y, width, height], "mode"}; a relative image path is resolved
// against baseDir(): the dataset folder for a file inside a `.promptmask` folder (that is how the GUI
// writes them), else the folder of the labels file. docs/LABELS.md describes the schema.
class LabelSet {
public:
    enum class Overlap { Exclusive, Overlapping };

    // Throws pm::Error(Input) naming the file and the problem: missing, not JSON, wrong format or
    // version, a label without a name, a duplicate name, a threshold outside 0..1, a malformed box or
    // mode. Does not look at exemplar images (see missingExemplars()).
    static LabelSet load(const std::filesystem::path& file);
    static LabelSet parse(const std::string& json, const std::filesystem::path& origin);

    const std::vector<LabelSpec>& labels() const { return labels_; }
    Overlap overlap() const { return overlap_; }
    const std::filesystem::path& baseDir() const { return baseDir_; }

    // Exemplar images that do not exist, as "label 'x': exemplar image 'path' ..." messages.
    std::vector<std::string> missingExemplars() const;

    // `path` relative to baseDir() when it lies inside it (provenance stays meaningful when the
    // dataset moves), else unchanged.
    std::string relativeToBase(const std::string& path) const;

private:
    std::vector<LabelSpec> labels_;
    Overlap overlap_ = Overlap::Exclusive;
    std::filesystem::path baseDir_;
};

}  // namespace pm
