#include "image/VisualPromptCrop.h"

#include <cmath>
#include <opencv2/imgproc.hpp>
#include <string>

#include "util/Error.h"

namespace pm {

namespace {

std::string describe(const cv::Rect& box) {
    return "(" + std::to_string(box.x) + "," + std::to_string(box.y) + ")-(" +
           std::to_string(box.x + box.width) + "," + std::to_string(box.y + box.height) + ")";
}

// The box clipped to the image; throws when nothing is left.
cv::Rect clippedBox(const cv::Rect& box, cv::Size imageSize) {
    const std::string where = "the visual-prompt box " + describe(box) + " on the " +
                              std::to_string(imageSize.width) + "x" + std::to_string(imageSize.height) +
                              " image";
    if (box.width <= 0 || box.height <= 0) {
        throw Error(ErrorKind::Input, where + " is empty");
    }
    const cv::Rect clipped = box & cv::Rect(cv::Point(0, 0), imageSize);
    if (clipped.empty()) {
        throw Error(ErrorKind::Input, where + " lies outside the image");
    }
    return clipped;
}

int roundHalfUp(double v) {
    return static_cast<int>(std::floor(v + 0.5));
}

}  // namespace

cv::Rect VisualPromptCrop::contextBox(const cv::Rect& box, cv::Size imageSize) {
    const cv::Rect b = clippedBox(box, imageSize);
    const int dx = roundHalfUp(0.1 * b.width);
    const int dy = roundHalfUp(0.1 * b.height);
    const int x0 = std::max(0, b.x - dx);
    const int y0 = std::max(0, b.y - dy);
    const int x1 = std::min(imageSize.width, b.x + b.width + dx);
    const int y1 = std::min(imageSize.height, b.y + b.height + dy);
    return {x0, y0, x1 - x0, y1 - y0};
}

cv::Mat VisualPromptCrop::make(const cv::Mat& rgb8, const cv::Rect& box, VisualPromptMode mode) {
    if (rgb8.empty() || rgb8.type() != CV_8UC3) {
        throw Error(ErrorKind::Input, "a visual prompt needs a non-empty 8-bit RGB image");
    }
    const cv::Rect b = clippedBox(box, rgb8.size());
    switch (mode) {
        case VisualPromptMode::Plain:
            return rgb8;
        case VisualPromptMode::Crop:
            return rgb8(b).clone();
        case VisualPromptMode::CropBlurHighlight:
            break;
    }
    const cv::Rect context = contextBox(b, rgb8.size());
    // A copy, so that the blur's border handling sees the crop alone (as numpy's crop in the trainer).
    const cv::Mat crop = rgb8(context).clone();
    cv::Mat blurred;
    cv::GaussianBlur(crop, blurred, cv::Size(kBlurKernel, kBlurKernel), kBlurSigma);

    // The trainer's np.rint(blurred.astype(float32) * 0.1): float32 product, rounded half to even.
    cv::Mat darken(1, 256, CV_8U);
    for (int v = 0; v < 256; ++v) {
        darken.at<uint8_t>(v) = static_cast<uint8_t>(std::nearbyint(static_cast<float>(v) * kDarken));
    }
    cv::Mat out;
    cv::LUT(blurred, darken, out);
    const cv::Rect inner = b - context.tl();
    crop(inner).copyTo(out(inner));
    return out;
}

}  // namespace pm
