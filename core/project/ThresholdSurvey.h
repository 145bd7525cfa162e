#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "image/ThresholdSuggester.h"
#include "model/Segmenter.h"
#include "project/LabelSet.h"

namespace pm {

// Per label: what a folder of saved annotations says about its threshold.
struct LabelThresholdSuggestion {
    std::string label;
    double current = 0.5;        // the label's threshold in the labels file
    double otsu = 0.5;           // Otsu's threshold of the label's maps, pooled over the images used
    size_t images = 0;           // annotated images used (every one is a sample for every label)
    size_t imagesWithLabel = 0;  // of which the saved annotation has this label
    std::optional<LearnedThreshold> learned;  // once imagesWithLabel >= the minimum
};

// The model's maps against the user's saved work: every image below a folder that has a labelme file
// beside it (labelme's rule, as the GUI saves it: "a/cat.jpg" -> "a/cat.json") is segmented with the
// label set's combined prompts (the same maps `label` thresholds), and each label's map is compared
// with the union of that label's saved shapes. Never applies anything: it suggests.
class ThresholdSurvey {
public:
    struct Result {
        std::vector<LabelThresholdSuggestion> labels;  // in label-set order
        std::vector<std::string> warnings;             // annotation files skipped, and why
    };

    // The labelme file the GUI saves for `image`.
    static std::filesystem::path annotationPathFor(const std::filesystem::path& image);

    // Throws pm::Error(Input) when no image below `imagesRoot` has a readable saved annotation.
    // Maps and masks larger than kMaxSide on their long side are scaled down first (memory stays
    // bounded; IoU changes by a fraction of a boundary pixel).
    static Result run(Segmenter& segmenter, const LabelSet& labels, const std::filesystem::path& imagesRoot,
                      size_t minImages, const CancelToken* cancel = nullptr);

    static constexpr int kMaxSide = 512;
};

}  // namespace pm
