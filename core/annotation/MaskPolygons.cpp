#include "annotation/MaskPolygons.h"

#include <algorithm>
#include <cmath>
#include <limits>
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

std::vector<Ring> MaskPolygons::toRings(const cv::Mat& mask, const PolygonOptions& options) {
    std::vector<Ring> rings;
    for (const auto& component : extract(mask, options)) {
        rings.push_back(bridgeHoles(component));
    }
    return rings;
}

cv::Mat MaskPolygons::rasterizePil(const std::vector<Ring>& rings, cv::Size size) {
    cv::Mat out(size, CV_8UC1, cv::Scalar(0));
    auto set = [&](int x, int y) {
        if (x >= 0 && y >= 0 && x < size.width && y < size.height) {
            out.at<uint8_t>(y, x) = 255;
        }
    };
    auto roundHalfUp = [](double v) {  // PIL rounds coordinates half away from zero
        return static_cast<int>(v >= 0 ? std::floor(v + 0.5) : -std::floor(-v + 0.5));
    };
    for (const Ring& ring : rings) {
        if (ring.empty()) {
            continue;
        }
        std::vector<cv::Point> v;
        for (const auto& p : ring) {
            v.emplace_back(roundHalfUp(std::clamp(p.x, -1e6, 1e6)), roundHalfUp(std::clamp(p.y, -1e6, 1e6)));
        }
        const size_t n = v.size();
        int ymin = v[0].y, ymax = v[0].y;
        for (const auto& p : v) {
            ymin = std::min(ymin, p.y);
            ymax = std::max(ymax, p.y);
        }
        ymin = std::max(ymin, 0);
        ymax = std::min(ymax, size.height - 1);
        std::vector<double> xs;
        for (int y = ymin; y <= ymax; ++y) {
            // Interior by the even-odd rule with half-open edges...
            xs.clear();
            for (size_t i = 0; i < n; ++i) {
                const cv::Point a = v[i], b = v[(i + 1) % n];
                if (a.y == b.y) {
                    continue;
                }
                const int lo = std::min(a.y, b.y), hi = std::max(a.y, b.y);
                if (y < lo || y >= hi) {
                    continue;
                }
                xs.push_back(a.x + double(y - a.y) * (b.x - a.x) / double(b.y - a.y));
            }
            std::sort(xs.begin(), xs.end());
            for (size_t i = 1; i < xs.size(); i += 2) {
                const int x0 = std::max(0, static_cast<int>(std::ceil(xs[i - 1] - 1e-9)));
                const int x1 = std::min(size.width - 1, static_cast<int>(std::floor(xs[i] + 1e-9)));
                for (int x = x0; x <= x1; ++x) {
                    out.at<uint8_t>(y, x) = 255;
                }
            }
        }
        // ...plus every pixel whose centre lies exactly on an edge (PIL includes the boundary).
        for (size_t i = 0; i < n; ++i) {
            const cv::Point a = v[i], b = v[(i + 1) % n];
            if (a.y == b.y) {
                for (int x = std::max(0, std::min(a.x, b.x));
                     x <= std::min(size.width - 1, std::max(a.x, b.x)); ++x) {
                    set(x, a.y);
                }
                continue;
            }
            const int lo = std::max(std::min(a.y, b.y), 0),
                      hi = std::min(std::max(a.y, b.y), size.height - 1);
            for (int y = lo; y <= hi; ++y) {
                const long num = long(y - a.y) * (b.x - a.x);
                const long den = b.y - a.y;
                if (num % den == 0) {
                    set(static_cast<int>(a.x + num / den), y);
                }
            }
        }
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
