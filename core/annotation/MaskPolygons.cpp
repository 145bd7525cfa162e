#include "annotation/MaskPolygons.h"

#include "annotation/PilDraw.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <opencv2/imgproc.hpp>

#include "annotation/CocoRle.h"

namespace pm {

namespace {

// Consecutive duplicates (also across the closing edge) carry no information.
std::vector<cv::Point> dedupe(const std::vector<cv::Point>& in) {
    std::vector<cv::Point> out;
    for (const auto& p : in) {
        if (out.empty() || out.back() != p) {
            out.push_back(p);
        }
    }
    while (out.size() > 1 && out.front() == out.back()) {
        out.pop_back();
    }
    return out;
}

// Douglas-Peucker on a closed ring in `unit` coordinates; keeps the original when simplification
// would leave fewer than 3 points.
std::vector<cv::Point> simplify(const std::vector<cv::Point>& ring, double epsilon) {
    if (ring.size() <= 3) {
        return ring;
    }
    std::vector<cv::Point> out;
    // approxPolyDP with epsilon 0 still drops exactly collinear points.
    cv::approxPolyDP(ring, out, std::max(epsilon, 1e-6), true);
    return out.size() >= 3 ? out : ring;
}

// 2 x area / perimeter of a closed ring, in pixels (`unit` coordinates per pixel): the radius of a disk,
// about the short side of a long thin shape. Scales simplification with the shape, not the image.
double ringWidth(const std::vector<cv::Point>& ring, double unit) {
    if (ring.size() < 3) {
        return 0;
    }
    const double perimeter = cv::arcLength(ring, true);
    return perimeter > 0 ? 2 * cv::contourArea(ring) / perimeter / unit : 0;
}

Ring toRing(const std::vector<cv::Point>& pts, double scale) {
    Ring r;
    r.reserve(pts.size());
    for (const auto& p : pts) {
        r.emplace_back(p.x / scale, p.y / scale);
    }
    return r;
}

// Pads a single-pixel or single-line ring to the 3 points labelme requires.
Ring padToThree(Ring r) {
    while (!r.empty() && r.size() < 3) {
        r.push_back(r.size() == 1 ? r[0] : r[r.size() - 2]);
    }
    return r;
}

double minY(const Ring& r) {
    double m = std::numeric_limits<double>::infinity();
    for (const auto& p : r) {
        m = std::min(m, p.y);
    }
    return m;
}

}  // namespace

cv::Mat MaskPolygons::removeSpecks(const cv::Mat& mask, double minArea) {
    cv::Mat out = mask != 0;
    if (minArea <= 1) {
        return out;
    }
    cv::Mat labels, stats, centroids;
    const int n = cv::connectedComponentsWithStats(out, labels, stats, centroids, 8, CV_32S);
    for (int i = 1; i < n; ++i) {
        if (stats.at<int>(i, cv::CC_STAT_AREA) < minArea) {
            out.setTo(0, labels == i);
        }
    }
    // Holes: background components (4-connected) that do not touch the border.
    cv::Mat background = out == 0;
    const int m = cv::connectedComponentsWithStats(background, labels, stats, centroids, 4, CV_32S);
    for (int i = 1; i < m; ++i) {
        const int x = stats.at<int>(i, cv::CC_STAT_LEFT), y = stats.at<int>(i, cv::CC_STAT_TOP);
        const int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
        const bool touchesBorder = x == 0 || y == 0 || x + w == out.cols || y + h == out.rows;
        if (!touchesBorder && stats.at<int>(i, cv::CC_STAT_AREA) < minArea) {
            out.setTo(255, labels == i);
        }
    }
    return out;
}

std::vector<PolygonComponent> MaskPolygons::extract(const cv::Mat& mask, const PolygonOptions& options) {
    CV_Assert(mask.type() == CV_8UC1);
    std::vector<PolygonComponent> result;
    const cv::Mat clean = removeSpecks(mask, options.minArea);
    if (cv::countNonZero(clean) == 0) {
        return result;
    }
    // Work on the bounding box, padded by one pixel so that contours never touch the border.
    const cv::Rect box = cv::boundingRect(clean);
    cv::Mat sub;
    cv::copyMakeBorder(clean(box), sub, 1, 1, 1, 1, cv::BORDER_CONSTANT, cv::Scalar(0));
    const cv::Point origin(box.x - 1, box.y - 1);

    const bool corners = options.convention == PolygonConvention::PixelCorners;
    // PixelCorners: trace the mask upscaled 2x (nearest). Every boundary pixel of the upscaled mask
    // is one quadrant of an original pixel; its quadrant tells which pixel corner it stands for, so
    // the traced ring maps exactly onto pixel edges. Coordinates are then in half-pixel units.
    cv::Mat traced = sub;
    if (corners) {
        cv::resize(sub, traced, cv::Size(), 2, 2, cv::INTER_NEAREST);
    }
    std::vector<std::vector<cv::Point>> contours;
    std::vector<cv::Vec4i> hierarchy;
    cv::findContours(traced, contours, hierarchy, cv::RETR_CCOMP, cv::CHAIN_APPROX_NONE);

    const double unit = corners ? 2.0 : 1.0;
    auto mapRing = [&](const std::vector<cv::Point>& contour) {
        std::vector<cv::Point> pts;
        pts.reserve(contour.size());
        for (const auto& q : contour) {
            if (corners) {
                // Upscaled u -> pixel floor(u/2); even u = left/top half -> corner at pixel - 0.5.
                const int px = q.x / 2 + origin.x, py = q.y / 2 + origin.y;
                pts.emplace_back(2 * px + ((q.x & 1) ? 1 : -1), 2 * py + ((q.y & 1) ? 1 : -1));
            } else {
                pts.emplace_back(q.x + origin.x, q.y + origin.y);
            }
        }
        pts = dedupe(pts);
        // Through pixel centres every boundary pixel outside a chord is lost (PIL rounds vertices to
        // whole pixels, so nothing can be offset outwards): simplify those rings at half the tolerance.
        // Tolerance 0 means exact, so the relative floor only raises a tolerance that is set.
        const double absolute = corners ? options.tolerance : options.tolerance * 0.5;
        const double relative = options.tolerance > 0 ? options.relativeTolerance * ringWidth(pts, unit) : 0;
        return simplify(pts, std::max(absolute, relative) * unit);
    };

    for (size_t i = 0; i < contours.size(); ++i) {
        if (hierarchy[i][3] >= 0) {
            continue;  // a hole; collected with its parent
        }
        PolygonComponent component;
        component.outer = toRing(mapRing(contours[i]), unit);
        for (int h = hierarchy[i][2]; h >= 0; h = hierarchy[h][0]) {
            Ring hole = toRing(mapRing(contours[h]), unit);
            if (hole.size() >= 3) {
                component.holes.push_back(std::move(hole));
            }
        }
        if (!corners) {
            component.outer = padToThree(component.outer);
        }
        if (component.outer.size() >= 3) {
            result.push_back(std::move(component));
        }
    }
    std::stable_sort(result.begin(), result.end(), [](const PolygonComponent& a, const PolygonComponent& b) {
        const double ya = minY(a.outer), yb = minY(b.outer);
        if (ya != yb) {
            return ya < yb;
        }
        return a.outer.front().x < b.outer.front().x;
    });
    return result;
}

Ring MaskPolygons::bridgeHoles(const PolygonComponent& component) {
    Ring ring = component.outer;
    std::vector<Ring> holes = component.holes;
    // Topmost hole first: the ray from its top can only meet the outer ring or holes merged before.
    std::sort(holes.begin(), holes.end(), [](const Ring& a, const Ring& b) { return minY(a) < minY(b); });
    for (const Ring& hole : holes) {
        size_t top = 0;
        for (size_t i = 1; i < hole.size(); ++i) {
            if (hole[i].y < hole[top].y || (hole[i].y == hole[top].y && hole[i].x < hole[top].x)) {
                top = i;
            }
        }
        const cv::Point2d p = hole[top];
        // Nearest crossing of the upward vertical ray with the ring built so far.
        double bestY = -std::numeric_limits<double>::infinity();
        size_t bestEdge = ring.size();
        for (size_t e = 0; e < ring.size(); ++e) {
            const cv::Point2d a = ring[e], b = ring[(e + 1) % ring.size()];
            double y;
            if (a.x == b.x) {
                if (a.x != p.x || std::min(a.y, b.y) > p.y) {
                    continue;
                }
                y = std::min(p.y, std::max(a.y, b.y));
            } else {
                if ((a.x - p.x) * (b.x - p.x) > 0) {
                    continue;
                }
                const double t = (p.x - a.x) / (b.x - a.x);
                y = a.y + t * (b.y - a.y);
                if (y > p.y) {
                    continue;
                }
            }
            if (y > bestY) {
                bestY = y;
                bestEdge = e;
            }
        }
        if (bestEdge == ring.size()) {
            bestEdge = 0;  // cannot happen for a hole inside its ring; degrade to a straight cut
            bestY = ring[0].y;
        }
        const cv::Point2d hit(p.x, bestY);
        Ring merged(ring.begin(), ring.begin() + static_cast<long>(bestEdge) + 1);
        merged.push_back(hit);
        for (size_t k = 0; k <= hole.size(); ++k) {
            merged.push_back(hole[(top + k) % hole.size()]);
        }
        merged.push_back(hit);
        merged.insert(merged.end(), ring.begin() + static_cast<long>(bestEdge) + 1, ring.end());
        // Drop consecutive duplicates created when the hit lands on a vertex.
        Ring clean;
        for (const auto& q : merged) {
            if (clean.empty() || clean.back() != q) {
                clean.push_back(q);
            }
        }
        ring = std::move(clean);
    }
    return ring;
}

namespace {

// Pillow's polygon fill joins corners with a rule that depends on where a ring starts (it writes at an
// edge's index), so one ring can fill a pixel more or less depending on its first vertex. When an
// exact ring does not give back its component under Pillow, other starting vertices and the other
// direction are tried, and the first one that does is kept. A component that no start reproduces
// (1-pixel-wide diagonals going out and back) is written as the rectangles of its pixel runs, which
// Pillow fills exactly.
std::vector<Ring> runRectangles(const cv::Mat& target, cv::Point offset) {
    std::vector<Ring> out;
    std::map<std::pair<int, int>, size_t>
        open;  // (x0, x1) -> index in `out` of the run ending on the row above
    for (int y = 0; y < target.rows; ++y) {
        std::map<std::pair<int, int>, size_t> next;
        const uint8_t* row = target.ptr<uint8_t>(y);
        for (int x = 0; x < target.cols;) {
            if (!row[x]) {
                ++x;
                continue;
            }
            const int x0 = x;
            while (x < target.cols && row[x]) {
                ++x;
            }
            const std::pair<int, int> run(x0, x - 1);
            const double left = x0 + offset.x, right = x - 1 + offset.x, yy = y + offset.y;
            if (auto it = open.find(run); it != open.end()) {
                Ring& r = out[it->second];  // extend the rectangle one row down
                r[2].y = yy;
                r[3].y = yy;
                next[run] = it->second;
            } else {
                out.push_back({{left, yy}, {right, yy}, {right, yy}, {left, yy}});
                next[run] = out.size() - 1;
            }
        }
        open = std::move(next);
    }
    return out;
}

void fitRingsToPillow(std::vector<Ring>& rings, const cv::Mat& mask) {
    constexpr int kMaxTries = 256;
    std::vector<Ring> extra;
    cv::Mat labels, stats, centroids;
    cv::connectedComponentsWithStats(mask != 0, labels, stats, centroids, 8, CV_32S);
    for (Ring& ring : rings) {
        if (ring.empty()) {
            continue;
        }
        const cv::Point first(static_cast<int>(ring[0].x), static_cast<int>(ring[0].y));
        if (!cv::Rect(0, 0, mask.cols, mask.rows).contains(first) || labels.at<int>(first) == 0) {
            continue;
        }
        const int id = labels.at<int>(first);
        const cv::Rect box(stats.at<int>(id, cv::CC_STAT_LEFT), stats.at<int>(id, cv::CC_STAT_TOP),
                           stats.at<int>(id, cv::CC_STAT_WIDTH), stats.at<int>(id, cv::CC_STAT_HEIGHT));
        const cv::Mat target = labels(box) == id;
        auto draws = [&](const Ring& candidate) {
            Ring local;
            local.reserve(candidate.size());
            for (const auto& p : candidate) {
                local.emplace_back(p.x - box.x, p.y - box.y);
            }
            cv::Mat drawn(box.size(), CV_8UC1, cv::Scalar(0));
            PilDraw::polygon(drawn, local);
            return cv::countNonZero(drawn != target) == 0;
        };
        if (draws(ring)) {
            continue;
        }
        const size_t n = ring.size();
        bool found = false;
        for (int reversed = 0; reversed < 2 && !found; ++reversed) {
            Ring base = ring;
            if (reversed) {
                std::reverse(base.begin(), base.end());
            }
            const size_t step = std::max<size_t>(1, n / (kMaxTries / 2));
            for (size_t start = reversed ? 0 : step; start < n && !found; start += step) {
                Ring candidate(base.begin() + static_cast<long>(start), base.end());
                candidate.insert(candidate.end(), base.begin(), base.begin() + static_cast<long>(start));
                if (draws(candidate)) {
                    ring = std::move(candidate);
                    found = true;
                }
            }
        }
        if (!found) {
            std::vector<Ring> runs = runRectangles(target, box.tl());
            ring = std::move(runs.front());
            extra.insert(extra.end(), std::make_move_iterator(runs.begin() + 1),
                         std::make_move_iterator(runs.end()));
        }
    }
    rings.insert(rings.end(), std::make_move_iterator(extra.begin()), std::make_move_iterator(extra.end()));
}

}  // namespace

std::vector<Ring> MaskPolygons::toRings(const cv::Mat& mask, const PolygonOptions& options) {
    std::vector<Ring> rings;
    for (const auto& component : extract(mask, options)) {
        rings.push_back(bridgeHoles(component));
    }
    if (options.convention == PolygonConvention::PixelCenters && options.tolerance == 0 &&
        options.relativeTolerance == 0) {
        fitRingsToPillow(rings, options.minArea > 0 ? removeSpecks(mask, options.minArea) : mask);
    }
    return rings;
}

cv::Mat MaskPolygons::rasterizePil(const std::vector<Ring>& rings, cv::Size size) {
    cv::Mat out(size, CV_8UC1, cv::Scalar(0));
    for (const Ring& ring : rings) {
        PilDraw::polygon(out, ring);
    }
    return out;
}

cv::Mat MaskPolygons::rasterizeCoco(const std::vector<Ring>& rings, cv::Size size) {
    std::vector<std::vector<double>> polys;
    for (const auto& r : rings) {
        polys.push_back(flatten(r));
    }
    return CocoRle::decode(CocoRle::fromPolygons(polys, size.height, size.width));
}

bool MaskPolygons::hasHoles(const cv::Mat& mask) {
    std::vector<std::vector<cv::Point>> contours;
    std::vector<cv::Vec4i> hierarchy;
    cv::Mat padded;
    cv::copyMakeBorder(mask != 0, padded, 1, 1, 1, 1, cv::BORDER_CONSTANT, cv::Scalar(0));
    cv::findContours(padded, contours, hierarchy, cv::RETR_CCOMP, cv::CHAIN_APPROX_SIMPLE);
    for (const auto& h : hierarchy) {
        if (h[3] >= 0) {
            return true;
        }
    }
    return false;
}

double MaskPolygons::iou(const cv::Mat& a, const cv::Mat& b) {
    const cv::Mat ba = a != 0, bb = b != 0;
    const int inter = cv::countNonZero(ba & bb);
    const int uni = cv::countNonZero(ba | bb);
    return uni == 0 ? 1.0 : double(inter) / uni;
}

std::vector<double> MaskPolygons::flatten(const Ring& ring) {
    std::vector<double> xy;
    xy.reserve(ring.size() * 2);
    for (const auto& p : ring) {
        xy.push_back(p.x);
        xy.push_back(p.y);
    }
    return xy;
}

}  // namespace pm
