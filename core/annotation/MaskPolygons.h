#pragma once

#include <opencv2/core/mat.hpp>
#include <opencv2/core/types.hpp>
#include <vector>

namespace pm {

// Which rasterizer the polygons are meant for. Both use pixel centres at integer coordinates.
enum class PolygonConvention {
    // Rings run along pixel edges (corners at half-integers): pycocotools' frPoly then reproduces the
    // source mask exactly before simplification. Used for COCO.
    PixelCorners,
    // Rings run through the centres of the boundary pixels: a fill that includes pixels on the
    // boundary (PIL ImageDraw.polygon, which labelme uses) reproduces the mask. Used for labelme.
    PixelCenters,
};

struct PolygonOptions {
    // Douglas-Peucker tolerance in pixels. 0.5 keeps IoU with the source mask >= 0.98 on shapes of
    // ~20 px and up (see docs/ANNOTATIONS.md for measured numbers); 0 keeps every corner.
    double tolerance = 0.5;
    // Size-relative floor of the tolerance: a ring is simplified at no less than this share of its
    // width (2 x area / perimeter; the radius of a disk). A pixel boundary is a staircase; with 0.01 a
    // 200-px disk drops from ~290 labelme vertices to ~30 and a rotated rectangle to its 4 corners, at
    // about 1 % IoU. Off (0) by default, so saved files give back the painted mask pixel for pixel;
    // exports offer it. Tolerance 0 still keeps every corner.
    double relativeTolerance = 0;
    // Connected components and holes with fewer pixels than this are dropped / filled first.
    double minArea = 0;
    PolygonConvention convention = PolygonConvention::PixelCorners;
};

using Ring = std::vector<cv::Point2d>;

// One 8-connected component of a mask: its outer boundary and the boundaries of its holes
// (background regions, 4-connected, enclosed by the component).
struct PolygonComponent {
    Ring outer;
    std::vector<Ring> holes;
};

// Mask <-> polygon geometry. Stateless and thread-safe. Masks are CV_8U, non-zero = object.
class MaskPolygons {
public:
    // Removes components smaller than minArea pixels and fills holes smaller than minArea.
    static cv::Mat removeSpecks(const cv::Mat& mask, double minArea);

    // Outer rings and hole rings of every component, simplified, in a stable order (top to bottom).
    static std::vector<PolygonComponent> extract(const cv::Mat& mask, const PolygonOptions& options);

    // Folds the holes into the outer ring with zero-width "keyhole" cuts (a vertical slit from the top
    // of each hole up to the ring), so that one simple-format polygon filled with the even-odd rule
    // keeps the holes. This is how holes survive in labelme files and in COCO polygon lists.
    static Ring bridgeHoles(const PolygonComponent& component);

    // extract() + bridgeHoles(): one ring per component.
    static std::vector<Ring> toRings(const cv::Mat& mask, const PolygonOptions& options);

    // labelme's rasterization of polygons (labelme.utils.shape_to_mask: Pillow 9.4's ImageDraw.polygon,
    // see PilDraw), union over rings.
    static cv::Mat rasterizePil(const std::vector<Ring>& rings, cv::Size size);

    // pycocotools' rasterization of a polygon list (frPoly + merge). Rings need >= 3 points.
    static cv::Mat rasterizeCoco(const std::vector<Ring>& rings, cv::Size size);

    static bool hasHoles(const cv::Mat& mask);
    // Intersection over union of two masks (1 when both are empty).
    static double iou(const cv::Mat& a, const cv::Mat& b);
    // [x1, y1, x2, y2, ...] as COCO writes a polygon.
    static std::vector<double> flatten(const Ring& ring);
};

}  // namespace pm
