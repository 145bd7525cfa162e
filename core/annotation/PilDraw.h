#pragma once

#include <opencv2/core/mat.hpp>
#include <opencv2/core/types.hpp>
#include <vector>

namespace pm {

// The filled shapes of Pillow 9.4's ImageDraw (Debian 12), pixel for pixel, on a CV_8U mask (sets 255).
// labelme's shape_to_mask draws every area shape with these calls, so reading a labelme file with them
// gives exactly the masks labelme itself computes. As in Pillow, coordinates are cut toward zero
// first; everything outside the mask is clipped, and the work done is bounded by the mask size and the
// number of vertices, never by how far away a coordinate lies. Stateless and thread-safe.
class PilDraw {
public:
    // ImageDraw.polygon(xy, fill=1, outline=1): scan-line fill with float crossings.
    static void polygon(cv::Mat& mask, const std::vector<cv::Point2d>& points);
    // ImageDraw.rectangle([p0, p1], fill=1, outline=1).
    static void rectangle(cv::Mat& mask, cv::Point2d p0, cv::Point2d p1);
    // ImageDraw.ellipse([x0, y0, x1, y1], fill=1, outline=1).
    static void ellipse(cv::Mat& mask, double x0, double y0, double x1, double y1);
};

}  // namespace pm
