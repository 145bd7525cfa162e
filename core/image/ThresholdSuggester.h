#pragma once

#include <opencv2/core/mat.hpp>
#include <vector>

namespace pm {

struct ThresholdCurvePoint {
    double threshold = 0;
    double meanIoU = 0;
};

struct LearnedThreshold {
    double threshold = 0.5;
    double meanIoU = 0;                      // at `threshold`
    std::vector<ThresholdCurvePoint> curve;  // mean IoU at every candidate threshold, ascending
    size_t samples = 0;                      // (probability map, saved mask) pairs used
};

// Threshold suggestions for a label's probability maps (never applied by themselves: the caller asks
// the user). Plain OpenCV, no model: the GUI and the CLI share it.
class ThresholdSuggester {
public:
    // Otsu's threshold (maximum between-class variance) of a probability map, CV_32F in [0,1], over
    // 256 bins; the result lies in (0,1). A constant map gives 0.5.
    static double otsu(const cv::Mat& probabilities);

    // The threshold t (a multiple of `step` in (0,1), or halfway between two) that maximizes the mean over
    // pairs of IoU(probabilities > t, mask != 0), with the curve. The maps and masks are paired by index and
    // must have the same size pairwise (pm::Error(Input) otherwise); a pair where both masks are empty has
    // IoU 1. When several thresholds reach the maximum, the middle of the first run of them is taken.
    static LearnedThreshold learn(const std::vector<cv::Mat>& probabilities,
                                  const std::vector<cv::Mat>& masks, double step = 0.005);
};

}  // namespace pm
