#pragma once

#include <string>
#include <vector>

#include "model/CombinedPrompt.h"
#include "model/Segmenter.h"

namespace pm {

// Segments an image with combined prompts (ensembles, mixes, templates, negatives), one map each.
// Every distinct member and negative is embedded once (Segmenter::embedPrompts, which caches them), the
// image is encoded once, and the combined embeddings plus the negatives go through ONE batched decode.
class PromptCombiner {
public:
    // Result in the order of `prompts`, shaped like Segmenter::segment()'s: logits at model resolution
    // (after negatives: logit of the combined probability), probabilities at the image size. A combined
    // prompt with an unusable member or negative is unusable as a whole (promptErrors names it).
    // When every prompt is a single plain prompt, this is exactly Segmenter::segment().
    static SegmentationResult segment(Segmenter& segmenter, const std::string& imagePath,
                                      const std::vector<CombinedPrompt>& prompts,
                                      const CancelToken* cancel = nullptr);
    // The same on an image prepared off this thread (Segmenter::prepare): plain prompts are decoded on
    // its prepared pixels; combined ones still encode the image by its path.
    static SegmentationResult segment(Segmenter& segmenter, const PreparedImage& image,
                                      const std::vector<CombinedPrompt>& prompts,
                                      const CancelToken* cancel = nullptr);

    // p = p_pos · (1 − strength · max p_neg) per pixel, on logits [S,S] CV_32F; returns the logit of p
    // (at least SegmentationResult::kUnusablePromptLogit).
    static cv::Mat applyNegatives(const cv::Mat& positiveLogits, const std::vector<cv::Mat>& negativeLogits,
                                  double strength);
};

}  // namespace pm
