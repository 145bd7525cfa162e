#pragma once

#include <opencv2/core/mat.hpp>
#include <vector>

namespace pm {

// Probability maps → one 0/255 mask per label: what the GUI does on every threshold slider step and what
// an annotation saves. Plain OpenCV, so the GUI and `promptmask-cli bench` run the same code.
class LabelMasks {
public:
    // Every pixel goes to the label with the highest probability above that label's threshold; ties go to
    // the earlier label, so the masks are disjoint. `probabilities` are CV_32F of one size; an empty map
    // takes part in nothing and gets an all-zero mask. thresholds.size() must equal probabilities.size().
    static std::vector<cv::Mat> exclusive(const std::vector<cv::Mat>& probabilities,
                                          const std::vector<float>& thresholds);

    // Each label on its own: probability > threshold.
    static cv::Mat overlapping(const cv::Mat& probability, float threshold);
};

}  // namespace pm
