#pragma once

#include <opencv2/core/mat.hpp>

#include "image/VisualPromptMode.h"

namespace pm {

// Builds the image that is embedded as a visual prompt from an exemplar box (CLIPSeg paper, Table 4).
// The result is then preprocessed like any query image (Preprocessor). Stateless and thread-safe.
class VisualPromptCrop {
public:
    // rgb8: CV_8UC3. box: pixels of rgb8; a box partly outside the image is clipped to it first.
    //   Plain: the whole image (shares rgb8's pixels).
    //   Crop: exactly rgb8(box), copied.
    //   CropBlurHighlight: contextBox(box) cropped; outside the box the crop is Gaussian-blurred (19x19,
    //     sigma 3, OpenCV's default border on the crop alone) and darkened to 10 % (float32 * 0.1, rounded
    //     half to even), inside it the pixels are unchanged. Identical to the demo-model trainer's
    //     crop_blur_highlight (packaging/models/shapes_data.py).
    // Throws pm::Error(ErrorKind::Input), naming the box and the image size, for an empty box or one that
    // does not intersect the image, and for an image that is not 8-bit RGB.
    static cv::Mat make(const cv::Mat& rgb8, const cv::Rect& box, VisualPromptMode mode);

    // The box grown by 10 % of its width left and right and 10 % of its height above and below (rounded
    // half up), clamped to the image; the box is clipped to the image first.
    static cv::Rect contextBox(const cv::Rect& box, cv::Size imageSize);

    // Blur kernel and sigma of CropBlurHighlight, and its darkening factor.
    static constexpr int kBlurKernel = 19;
    static constexpr double kBlurSigma = 3.0;
    static constexpr float kDarken = 0.1f;
};

}  // namespace pm
