#include "image/Preprocessor.h"

#include <algorithm>

#include "image/PilResize.h"
#include "util/Error.h"

namespace pm {

void Preprocessor::toPixelValues(const cv::Mat& rgb8, const PreprocessConfig& config, float* out) {
    if (rgb8.empty() || rgb8.type() != CV_8UC3) {
        throw Error(ErrorKind::Input, "preprocessing needs a non-empty 8-bit RGB image");
    }
    if (config.size < 1) {
        throw Error(ErrorKind::Usage, "invalid preprocessing size " + std::to_string(config.size));
    }
    for (float s : config.std) {
        if (s == 0.f) {
            throw Error(ErrorKind::Usage, "preprocessing std must not be zero");
        }
    }
    const cv::Size target(config.size, config.size);
    const cv::Mat resized = rgb8.size() == target ? rgb8 : PilResize::resize(rgb8, target);

    // Every uint8 value maps to one float per channel: a 3 x 256 table computed with the reference's exact
    // float64 -> float32 -> float32 arithmetic.
    float table[3][256];
    for (int c = 0; c < 3; ++c) {
        for (int v = 0; v < 256; ++v) {
            const auto x = static_cast<float>(static_cast<double>(v) * config.rescaleFactor);
            table[c][v] = (x - config.mean[static_cast<size_t>(c)]) / config.std[static_cast<size_t>(c)];
        }
    }
    const size_t plane = static_cast<size_t>(config.size) * static_cast<size_t>(config.size);
    float* planes[3] = {out, out + plane, out + 2 * plane};
    size_t i = 0;
    for (int y = 0; y < resized.rows; ++y) {
        const uint8_t* p = resized.ptr<uint8_t>(y);
        for (int x = 0; x < resized.cols; ++x, ++i, p += 3) {
            planes[0][i] = table[0][p[0]];
            planes[1][i] = table[1][p[1]];
            planes[2][i] = table[2][p[2]];
        }
    }
}

std::vector<float> Preprocessor::toPixelValues(const cv::Mat& rgb8, const PreprocessConfig& config) {
    std::vector<float> out(3 * static_cast<size_t>(std::max(config.size, 0)) *
                           static_cast<size_t>(std::max(config.size, 0)));
    toPixelValues(rgb8, config, out.data());
    return out;
}

}  // namespace pm
