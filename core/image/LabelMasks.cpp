#include "image/LabelMasks.h"

#include <algorithm>
#include <cstdint>
#include <opencv2/core.hpp>
#include <stdexcept>

namespace pm {

namespace {

// Rows per block: 8 rows of 1920 pixels keep the block's maximum and owner (120 kB) in L2.
constexpr int kBlockRows = 8;

}  // namespace

std::vector<cv::Mat> LabelMasks::exclusive(const std::vector<cv::Mat>& probabilities,
                                           const std::vector<float>& thresholds) {
    if (thresholds.size() != probabilities.size()) {
        throw std::invalid_argument("LabelMasks::exclusive: one threshold per probability map");
    }
    cv::Size size;
    for (const cv::Mat& p : probabilities) {
        if (p.empty()) {
            continue;
        }
        if (p.type() != CV_32FC1 || (!size.empty() && p.size() != size)) {
            throw std::invalid_argument("LabelMasks::exclusive: maps must be CV_32F of one size");
        }
        size = p.size();
    }
    std::vector<cv::Mat> out;
    out.reserve(probabilities.size());
    for (size_t i = 0; i < probabilities.size(); ++i) {
        out.emplace_back(size, CV_8UC1);  // every row is written below
    }
    if (size.empty()) {
        return out;
    }
    // A block of rows at a time, label by label: the block's running maximum and owner stay in L2 while
    // each map is read once, as one sequential stream (reading the N maps side by side, row by row, made
    // N streams that evict each other and ran several times slower). Every loop over x is branch-free, so
    // the compiler vectorises it (this file is built with -O3). Starting best at 0 gives exactly
    // "p > t && p > best" of the per-pixel rule, NaN included (it never wins). Blocks are independent, so
    // they are shared among OpenCV's threads: the pass is bound by memory bandwidth, which one core alone
    // does not use up. Each pixel's result is the same whichever thread computes it.
    const int w = size.width;
    const int blocks = (size.height + kBlockRows - 1) / kBlockRows;
    const size_t blockPixels = static_cast<size_t>(kBlockRows) * static_cast<size_t>(w);
    cv::parallel_for_(cv::Range(0, blocks), [&](const cv::Range& range) {
        std::vector<float> best(blockPixels);
        std::vector<int32_t> owner(blockPixels);
        for (int block = range.start; block < range.end; ++block) {
            const int y0 = block * kBlockRows;
            const int rows = std::min(kBlockRows, size.height - y0);
            std::fill(best.begin(), best.end(), 0.0f);
            std::fill(owner.begin(), owner.end(), -1);
            for (size_t i = 0; i < probabilities.size(); ++i) {
                if (probabilities[i].empty()) {
                    continue;
                }
                const float t = thresholds[i];
                const auto label = static_cast<int32_t>(i);
                for (int r = 0; r < rows; ++r) {
                    const float* p = probabilities[i].ptr<float>(y0 + r);
                    float* b = best.data() + static_cast<size_t>(r) * w;
                    int32_t* o = owner.data() + static_cast<size_t>(r) * w;
                    for (int x = 0; x < w; ++x) {
                        const bool wins = (p[x] > t) & (p[x] > b[x]);
                        b[x] = wins ? p[x] : b[x];
                        o[x] = wins ? label : o[x];
                    }
                }
            }
            for (size_t i = 0; i < probabilities.size(); ++i) {
                const auto label = static_cast<int32_t>(i);
                for (int r = 0; r < rows; ++r) {
                    const int32_t* o = owner.data() + static_cast<size_t>(r) * w;
                    uint8_t* m = out[i].ptr<uint8_t>(y0 + r);
                    for (int x = 0; x < w; ++x) {
                        m[x] = o[x] == label ? 255 : 0;
                    }
                }
            }
        }
    });
    return out;
}

cv::Mat LabelMasks::overlapping(const cv::Mat& probability, float threshold) {
    cv::Mat mask;
    cv::compare(probability, static_cast<double>(threshold), mask, cv::CMP_GT);
    return mask;
}

}  // namespace pm
