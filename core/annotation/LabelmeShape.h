#pragma once

#include <nlohmann/json_fwd.hpp>
#include <opencv2/core/mat.hpp>
#include <string>
#include <vector>

namespace pm {

// One entry of a labelme file's `shapes`, drawn exactly as labelme draws it (labelme.utils.shape_to_mask
// of labelme 5.1.1 with Pillow 9.4; see docs/ANNOTATIONS.md for the table of producers and types):
// - polygon (>= 3 points), and X-AnyLabeling's `rotation` (its 4 corners): ImageDraw.polygon;
// - rectangle with 2 points: ImageDraw.rectangle; with the 4 corners X-AnyLabeling writes: as polygon;
// - circle (centre, point on the rim): ImageDraw.ellipse;
// - mask (labelme >= 5.5: a base64 PNG in `mask` and its box in `points`): the bitmap's non-zero pixels
//   pasted with their top-left at the first point, cut toward zero, as labelme's shapes_to_label does.
// Other types (point, line, linestrip, ...) have no area: isArea() is false and draw() draws nothing.
struct LabelmeShape {
    std::string label;
    int groupId = -1;  // -1: null / absent
    std::string type;  // "polygon" when absent or null
    std::vector<cv::Point2d> points;
    cv::Mat bitmap;  // `mask` shapes: CV_8U, non-zero = object

    bool isArea() const;

    // Parses and checks one shape for an image of `imageSize`; throws pm::Error(Input) describing the
    // problem (missing label, bad points, points far outside the image, too few points for its type,
    // an unreadable or oversized mask bitmap).
    static LabelmeShape parse(const nlohmann::json& shape, cv::Size imageSize);

    // Sets (255) the shape's pixels in `mask` (CV_8U, the image size); clipped to the mask.
    void draw(cv::Mat& mask) const;
};

}  // namespace pm
