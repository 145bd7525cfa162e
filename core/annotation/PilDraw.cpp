#include "annotation/PilDraw.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <set>

// Written after the algorithms of Pillow 9.4's libImaging/Draw.c (HPND licence) and checked against the
// installed Pillow at test time (tests/core/annotation/labelme_reference_check.py). The float32
// arithmetic, the rounding macros and the odd corner rule are reproduced on purpose: they decide
// which boundary pixels labelme's masks contain.

namespace pm {
namespace {

// Far enough outside any image that clipping keeps the shape; small enough that no int overflows.
constexpr double kCoordLimit = 1 << 24;

int truncate(double v) {
    return static_cast<int>(std::clamp(v, -kCoordLimit, kCoordLimit));  // C's (int) cast, bounded
}

// Pillow 9.4's hline8: swaps reversed ends, clips to the mask.
void hline(cv::Mat& m, int x0, int y, int x1) {
    if (y < 0 || y >= m.rows) {
        return;
    }
    if (x0 > x1) {
        std::swap(x0, x1);
    }
    x0 = std::max(x0, 0);
    x1 = std::min(x1, m.cols - 1);
    if (x0 <= x1) {
        std::fill(m.ptr<uint8_t>(y) + x0, m.ptr<uint8_t>(y) + x1 + 1, uint8_t(255));
    }
}

int roundUp(float f) {
    return f >= 0 ? static_cast<int>(std::floor(f + 0.5F))
                  : -static_cast<int>(std::floor(std::fabs(f) + 0.5F));
}
int roundDown(float f) {
    return f >= 0 ? static_cast<int>(std::ceil(f - 0.5F)) : -static_cast<int>(std::ceil(std::fabs(f) - 0.5F));
}

struct Edge {
    int x0, y0, xmin, ymin, xmax, ymax;
    float dx;
    float at(int y) const {
        const float t = static_cast<float>(y - y0) * dx;
        return t + static_cast<float>(x0);
    }
};

Edge makeEdge(int x0, int y0, int x1, int y1) {
    Edge e{x0, y0, std::min(x0, x1), std::min(y0, y1), std::max(x0, x1), std::max(y0, y1), 0.0F};
    if (y0 != y1) {
        e.dx = static_cast<float>(x1 - x0) / static_cast<float>(y1 - y0);
    }
    return e;
}

// polygon_generic: per scan line, the crossings of the edges that span it, paired after sorting.
// Only the edges spanning the current line are visited (same result, bounded work on huge polygons).
void fillEdges(cv::Mat& m, const std::vector<Edge>& edges) {
    std::vector<const Edge*> table;
    int ymin = m.rows - 1, ymax = 0;
    for (const Edge& e : edges) {
        ymin = std::min(ymin, e.ymin);
        ymax = std::max(ymax, e.ymax);
        if (e.ymin == e.ymax) {
            hline(m, e.xmin, e.ymin, e.xmax);
            continue;
        }
        table.push_back(&e);
    }
    ymin = std::max(ymin, 0);
    ymax = std::min(ymax, m.rows);
    std::vector<int> byStart(table.size());
    for (size_t i = 0; i < table.size(); ++i) {
        byStart[i] = static_cast<int>(i);
    }
    std::sort(byStart.begin(), byStart.end(), [&](int a, int b) { return table[a]->ymin < table[b]->ymin; });
    size_t nextStart = 0;
    std::set<int> active;  // table indices, in table order as Pillow visits them
    std::vector<float> xx(table.size() * 2 + 2);
    for (int y = ymin; y <= ymax; ++y) {
        while (nextStart < byStart.size() && table[byStart[nextStart]]->ymin <= y) {
            active.insert(byStart[nextStart++]);
        }
        size_t j = 0;
        for (auto it = active.begin(); it != active.end();) {
            const int i = *it;
            const Edge& cur = *table[i];
            if (cur.ymax < y) {
                it = active.erase(it);
                continue;
            }
            ++it;
            xx[j++] = cur.at(y);
            if (y == cur.ymax && y < ymax) {
                xx[j] = xx[j - 1];  // Pillow: "needed to draw consistent polygons"
                ++j;
            } else if (cur.dx != 0 && std::round(xx[j - 1]) == xx[j - 1]) {
                // Pillow's joining of two edges that meet in a corner on this line.
                for (int k : active) {
                    if (k >= i) {
                        break;
                    }
                    const Edge& other = *table[k];
                    if ((cur.dx > 0 && other.dx <= 0) || (cur.dx < 0 && other.dx >= 0)) {
                        continue;
                    }
                    const bool joint =
                        (y == cur.ymin && y == other.ymin) || (y == cur.ymax && y == other.ymax);
                    if (!joint || xx[j - 1] != other.at(y)) {
                        continue;
                    }
                    const int offset = y == ymax ? -1 : 1;
                    const double a = cur.at(y + offset), b = other.at(y + offset);
                    float v;
                    if (y == cur.ymax) {
                        v = static_cast<float>(cur.dx > 0 ? std::fmax(a, b) + 1 : std::fmin(a, b) - 1);
                    } else {
                        v = static_cast<float>(cur.dx > 0 ? std::fmin(a, b) : std::fmax(a, b) + 1);
                    }
                    // Pillow writes this at the other edge's index (k), not at the crossing it
                    // computed; a slot at or past j is overwritten or unused.
                    if (static_cast<size_t>(k) < j) {
                        xx[k] = v;
                    }
                    break;
                }
            }
        }
        std::sort(xx.begin(), xx.begin() + static_cast<long>(j));
        for (size_t i = 1; i < j; i += 2) {
            hline(m, roundUp(xx[i - 1]), y, roundDown(xx[i]));
        }
    }
}

// Pillow computes the ellipse error in int64; 128 bits here, so that no size in reach can overflow.
__extension__ typedef __int128 Wide;

// Pillow's quarter_state: one quarter of an ellipse on a grid of step 2.
struct Quarter {
    int32_t cx = 0, cy = 0, ex = 0, ey = 0;
    Wide a2 = 0, b2 = 0, a2b2 = 0;
    bool finished = true;

    Quarter(int32_t a, int32_t b) {
        if (a >= 0 && b >= 0) {
            cx = a;
            cy = b % 2;
            ex = a % 2;
            ey = b;
            a2 = static_cast<Wide>(a) * a;
            b2 = static_cast<Wide>(b) * b;
            a2b2 = a2 * b2;
            finished = false;
        }
    }
    Wide delta(int64_t x, int64_t y) const {
        const Wide d = a2 * y * y + b2 * x * x - a2b2;
        return d < 0 ? -d : d;
    }
    bool next(int32_t& x, int32_t& y) {
        if (finished) {
            return false;
        }
        x = cx;
        y = cy;
        if (cx == ex && cy == ey) {
            finished = true;
            return true;
        }
        int32_t nx = cx, ny = cy + 2;
        Wide nd = delta(nx, ny);
        if (nx > 1) {
            Wide d = delta(cx - 2, cy + 2);
            if (nd > d) {
                nx = cx - 2;
                ny = cy + 2;
                nd = d;
            }
            d = delta(cx - 2, cy);
            if (nd > d) {
                nx = cx - 2;
                ny = cy;
            }
        }
        cx = nx;
        cy = ny;
        return true;
    }
};

}  // namespace

void PilDraw::polygon(cv::Mat& mask, const std::vector<cv::Point2d>& points) {
    const size_t count = points.size();
    if (count == 0) {
        return;
    }
    std::vector<cv::Point> xy;
    xy.reserve(count);
    for (const auto& p : points) {
        xy.emplace_back(truncate(p.x), truncate(p.y));
    }
    std::vector<Edge> edges;
    edges.reserve(count);
    size_t i = 0;
    for (; i + 1 < count; ++i) {
        const cv::Point a = xy[i], b = xy[i + 1];
        if (a.y == b.y && i != 0 && a.y == xy[i - 1].y) {
            // A horizontal edge right after another one in the same direction extends it.
            Edge& last = edges.back();
            if (b.x > a.x && a.x > xy[i - 1].x) {
                last.xmax = b.x;
                continue;
            }
            if (b.x < a.x && a.x < xy[i - 1].x) {
                last.xmin = b.x;
                continue;
            }
        }
        edges.push_back(makeEdge(a.x, a.y, b.x, b.y));
    }
    if (xy[i] != xy[0]) {
        edges.push_back(makeEdge(xy[i].x, xy[i].y, xy[0].x, xy[0].y));
    }
    fillEdges(mask, edges);
}

void PilDraw::rectangle(cv::Mat& mask, cv::Point2d p0, cv::Point2d p1) {
    const int x0 = truncate(p0.x), x1 = truncate(p1.x);
    int y0 = truncate(p0.y), y1 = truncate(p1.y);
    if (y0 > y1) {
        std::swap(y0, y1);
    }
    if (y0 >= mask.rows || y1 < 0) {
        return;
    }
    y0 = std::max(y0, 0);
    y1 = std::min(y1, mask.rows - 1);
    for (int y = y0; y <= y1; ++y) {
        hline(mask, x0, y, x1);
    }
}

void PilDraw::ellipse(cv::Mat& mask, double fx0, double fy0, double fx1, double fy1) {
    const int x0 = truncate(fx0), y0 = truncate(fy0), x1 = truncate(fx1), y1 = truncate(fy1);
    const int64_t a64 = int64_t(x1) - x0, b64 = int64_t(y1) - y0;
    if (a64 < 0 || b64 < 0) {
        return;
    }
    const auto a = static_cast<int32_t>(a64), b = static_cast<int32_t>(b64);
    // Pillow's ellipse_state with width a + b (filled): the spans of the outer quarter, mirrored.
    Quarter outer(a, b);
    const int32_t leftmost = a % 2;
    int32_t pr = 0, py = 0;
    if (!outer.next(pr, py)) {
        return;
    }
    const int64_t w = a64 + b64;
    Quarter inner(static_cast<int32_t>(std::max<int64_t>(a - 2 * (w - 1), -1)),
                  static_cast<int32_t>(std::max<int64_t>(b - 2 * (w - 1), -1)));
    int32_t pl = leftmost;
    auto span = [&](int32_t X0, int32_t Y, int32_t X1) {
        const int yy = y0 + (Y + b) / 2;
        if (yy >= 0 && yy < mask.rows) {
            hline(mask, x0 + (X0 + a) / 2, yy, x0 + (X1 + a) / 2);
        }
    };
    bool finished = false;
    while (!finished) {
        const int32_t y = py, r = pr;
        int32_t l = pl, cx = 0, cy = 0;
        bool more;
        while ((more = outer.next(cx, cy)) && cy <= y) {
        }
        if (!more) {
            finished = true;
        } else {
            pr = cx;
            py = cy;
        }
        while ((more = inner.next(cx, cy)) && cy <= y) {
            l = cx;
        }
        pl = more ? cx : leftmost;
        if ((l > 0 || l < r) && y > 0) {
            span(l == 0 ? 2 : l, y, r);
        }
        if (y > 0) {
            span(-r, y, -l);
        }
        if (l > 0 || l < r) {
            span(l == 0 ? 2 : l, -y, r);
        }
        span(-r, -y, -l);
    }
}

}  // namespace pm
