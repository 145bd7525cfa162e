#pragma once

#include <opencv2/core/mat.hpp>
#include <string>
#include <vector>

namespace pm {

// Writes 8-bit palette ("P" mode) PNGs, which OpenCV cannot: label-index masks whose pixel values
// are label numbers and still look coloured in any viewer. Thread-safe.
class PalettePng {
public:
    // `indices` CV_8U; `palette` RGB triples (up to 256). Returns the PNG file bytes.
    static std::string encode(const cv::Mat& indices, const std::vector<cv::Vec3b>& palette);

    // The PASCAL VOC / labelme colour map: index 0 black, then well-separated colours.
    static std::vector<cv::Vec3b> labelColormap(int count = 256);
};

}  // namespace pm
