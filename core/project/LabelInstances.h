#pragma once

#include <opencv2/core/mat.hpp>
#include <string>
#include <vector>

#include "annotation/Dataset.h"
#include "project/LabelSet.h"

namespace pm {

// Turns the model's probability maps for a label set into annotation instances, the way the GUI turns
// what the canvas shows into a saved annotation: a label's map is the maximum over its combined prompts
// (LabelSpec::combinedPrompts: negatives already applied, so they act before the labels compete); a pixel
// belongs to a label above that label's threshold (in exclusive mode only to the most probable such
// label); specks and holes under `minArea` pixels are dropped / filled; each 8-connected component
// becomes one instance, in label order, carrying the label's provenance.
class LabelInstances {
public:
    struct Options {
        double thresholdOverride = -1;  // >= 0: used for every label instead of its own threshold
        int minArea = 32;               // the GUI's default
        std::string modelId;
        std::string modelName;
    };

    LabelInstances(const LabelSet& labels, Options options);

    // Every label's combined prompts, back to back: segment an image with these in one call
    // (PromptCombiner::segment).
    const std::vector<CombinedPrompt>& prompts() const { return prompts_; }

    // `probabilities[i]` belongs to prompts()[i] (CV_32F, all of one size). Pure; thread-safe.
    std::vector<Instance> build(const std::vector<cv::Mat>& probabilities) const;

    // Each label's map: the pixel-wise maximum over its prompts' maps (all zero for a label without any).
    std::vector<cv::Mat> labelMaps(const std::vector<cv::Mat>& probabilities) const;

    double threshold(size_t label) const;
    const Provenance& provenance(size_t label) const { return provenance_[label]; }

private:
    const LabelSet& labels_;
    Options options_;
    std::vector<CombinedPrompt> prompts_;
    std::vector<size_t> firstPrompt_;  // per label, index into prompts_; one past the end for the last
    std::vector<Provenance> provenance_;
};

}  // namespace pm
