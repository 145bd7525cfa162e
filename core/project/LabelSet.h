#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "model/CombinedPrompt.h"
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

    // The prompt algebra per label (docs/LABELS.md, PROMPTS.md). Defaults give the version-1 meaning:
    // each prompt and exemplar alone, their maps OR-ed (pixel-wise maximum).
    bool ensemble = false;                          // average all members' embeddings into one map
    std::string templates = "none";                 // PromptTemplates set for every text
    std::vector<std::string> negatives;             // negative texts as written (may hold blanks)
    std::vector<VisualExemplar> negativeExemplars;  // image paths absolute
    double negativeStrength = 1.0;                  // 0..1
    std::optional<double> mix;                      // 0..1: a·texts + (1−a)·exemplars, one map

    // The prompts the model is asked, as the GUI asks them: trimmed non-blank texts, then the exemplars;
    // a label with neither uses its own name, unless that is a placeholder ("label 3").
    std::vector<Prompt> effectivePrompts() const;

    // What the model is asked for this label, the GUI and the CLI alike; the label's map is the maximum
    // over these maps. Without ensemble or mix: one per effective prompt; with either: one for all
    // (a mix whose label lacks a text or an exemplar is a plain ensemble). Every one carries the
    // label's templates, negatives and strength, so negatives act on the label's own map, before the
    // labels compete in exclusive mode. Empty when the label asks nothing.
    std::vector<CombinedPrompt> combinedPrompts() const;

    // True when a field beyond version 1 is in use (the file is then written as version 2).
    bool usesPromptAlgebra() const;
};

// A project's labels, read from the GUI's own `<dataset>/.promptmask/labels.json`
//   {"format": "promptmask-labels", "version": 1, "overlapMode": "exclusive"|"overlapping",
//    "labels": [{"id", "name", "color", "prompts", "exemplars", "threshold", "visible", "ensemble",
//                "templates", "negatives", "negativeExemplars", "negativeStrength", "mix"}]}
// or from a hand-written list [{"name", "prompts", "threshold", "color"?, "exemplars"?}].
// Exemplars are {"image", "box": [x, y, width, height], "mode"}; a relative image path is resolved
// against baseDir(): the dataset folder for a file inside a `.promptmask` folder (that is how the GUI
// writes them), else the folder of the labels file. docs/LABELS.md describes the schema.
class LabelSet {
public:
    enum class Overlap { Exclusive, Overlapping };
    // Batch: a run needs labels with distinct names. Editor (the GUI): a project being built may have
    // no labels yet, or two of one name (the user renames them), and is still loaded.
    enum class Use { Batch, Editor };

    LabelSet() = default;
    LabelSet(std::vector<LabelSpec> labels, Overlap overlap, std::filesystem::path baseDir)
        : labels_(std::move(labels)), overlap_(overlap), baseDir_(std::move(baseDir)) {}

    // Throws pm::Error(Input) naming the file and the problem: missing, not JSON, wrong format or
    // version, a label without a name, a duplicate name, a threshold, strength or mix outside 0..1, an
    // unknown template set, a malformed box or mode. Does not look at exemplar images (see
    // missingExemplars()).
    static LabelSet load(const std::filesystem::path& file, Use use = Use::Batch);
    static LabelSet parse(const std::string& json, const std::filesystem::path& origin, Use use = Use::Batch);

    // The GUI's file: format, version (1, or 2 when a label uses the prompt algebra), overlapMode and
    // every label with every key; exemplar paths relative to baseDir() when inside it. Keys in a fixed
    // order, so that an unchanged project saves byte for byte the same.
    std::string toJson() const;

    const std::vector<LabelSpec>& labels() const { return labels_; }
    Overlap overlap() const { return overlap_; }
    const std::filesystem::path& baseDir() const { return baseDir_; }

    // Each combined prompt's describe(), with exemplar paths relative to `base` when inside it: what
    // provenance records (GUI and CLI alike). A plain prompt reads as Prompt::describe().
    static std::vector<std::string> describe(std::vector<CombinedPrompt> prompts,
                                             const std::filesystem::path& base);

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
