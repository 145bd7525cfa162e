#pragma once

#include <opencv2/core/types.hpp>
#include <string>
#include <vector>

namespace pm {

// An image decoded and preprocessed for the model, ready for the vision tower: what a reader thread
// hands to the thread that owns the Segmenter, so that decoding the next images overlaps inference
// (Segmenter::prepare, Segmenter::segmentPrepared). A plain value: safe to move between threads.
struct PreparedImage {
    std::string path;           // the file it came from
    std::string cacheKey;       // path + modification time + size, as the activation cache keys images
    cv::Size imageSize;         // the original (EXIF-oriented) image size
    std::vector<float> pixels;  // [3,S,S] pixel values; empty: not prepared, segment by path instead
};

}  // namespace pm
