#pragma once

#include <array>
#include <cstdint>
#include <opencv2/core/mat.hpp>
#include <string>
#include <vector>

namespace pm {

// COCO run-length encoding, bit-for-bit what pycocotools (maskApi.c) computes: runs over the mask in
// column-major order, starting with a (possibly empty) run of zeros.
struct Rle {
    int height = 0;
    int width = 0;
    std::vector<uint32_t> counts;

    bool operator==(const Rle& o) const {
        return height == o.height && width == o.width && counts == o.counts;
    }
};

// Stateless helpers; every function is thread-safe. Malformed input throws pm::Error(Input).
class CocoRle {
public:
    // `mask` is CV_8U; any non-zero pixel is object.
    static Rle encode(const cv::Mat& mask);
    // CV_8U 0/255. Throws when the counts do not sum to height x width.
    static cv::Mat decode(const Rle& rle);

    // The compressed "counts" string (LEB128-like, 6 bits per char, ASCII 48..111, deltas after the
    // third run), as pycocotools' rleToString.
    static std::string toString(const Rle& rle);
    static Rle fromString(const std::string& counts, int height, int width);

    // Pixel count, and pycocotools' toBbox [x, y, w, h] (zeros for an empty mask).
    static uint64_t area(const Rle& rle);
    static std::array<double, 4> bbox(const Rle& rle);

    // One COCO polygon [x1, y1, x2, y2, ...] rasterized as pycocotools' frPoly does (5x upsampling,
    // boundary points per column); needs at least 3 points.
    static Rle fromPolygon(const std::vector<double>& xy, int height, int width);
    // Union of same-sized masks (pycocotools merge with intersect = 0).
    static Rle merge(const std::vector<Rle>& rles);
    // The mask a COCO tool draws for a polygon list: fromPolygon each, then merge.
    static Rle fromPolygons(const std::vector<std::vector<double>>& polygons, int height, int width);
};

}  // namespace pm
