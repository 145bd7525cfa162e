#pragma once

#include <array>
#include <opencv2/core/mat.hpp>
#include <vector>

namespace pm {

// ViTImageProcessor settings of CIDAS/clipseg-rd64-refined (resize to size x size with Pillow bilinear,
// rescale, ImageNet normalisation).
struct PreprocessConfig {
    int size = 352;
    double rescaleFactor = 1 / 255.;
    std::array<float, 3> mean{0.485f, 0.456f, 0.406f};
    std::array<float, 3> std{0.229f, 0.224f, 0.225f};
};

// Turns an RGB image into model input, exactly as Hugging Face's ViTImageProcessor does for RGB input:
// PilResize to size x size, x = float32(float64(u8) * rescaleFactor), (x - mean) / std in float32, CHW.
// Stateless and thread-safe.
class Preprocessor {
public:
    // rgb8: CV_8UC3 in RGB order. Returns [3, size, size] float32, channel-major. Throws
    // pm::Error(ErrorKind::Input) for another image type, Usage for a size below 1 or a zero std.
    static std::vector<float> toPixelValues(const cv::Mat& rgb8, const PreprocessConfig& config = {});

    // Same, written into `out` (3 * size * size floats), e.g. straight into a tensor's storage.
    static void toPixelValues(const cv::Mat& rgb8, const PreprocessConfig& config, float* out);
};

}  // namespace pm
