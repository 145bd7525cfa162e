#include "annotation/CocoRle.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <opencv2/core.hpp>

#include "util/Error.h"

namespace pm {

Rle CocoRle::encode(const cv::Mat& mask) {
    CV_Assert(mask.type() == CV_8UC1);
    Rle rle;
    rle.height = mask.rows;
    rle.width = mask.cols;
    // Column-major order = row-major order of the transpose.
    cv::Mat t;
    cv::transpose(mask, t);
    uint32_t run = 0;
    bool current = false;
    for (int r = 0; r < t.rows; ++r) {
        const uint8_t* p = t.ptr<uint8_t>(r);
        for (int c = 0; c < t.cols; ++c) {
            const bool on = p[c] != 0;
            if (on != current) {
                rle.counts.push_back(run);
                run = 0;
                current = on;
            }
            ++run;
        }
    }
    rle.counts.push_back(run);
    return rle;
}

cv::Mat CocoRle::decode(const Rle& rle) {
    const uint64_t total = static_cast<uint64_t>(rle.height) * static_cast<uint64_t>(rle.width);
    uint64_t sum = 0;
    for (uint32_t c : rle.counts) {
        sum += c;
    }
    if (rle.height < 0 || rle.width < 0 || sum != total) {
        throw Error(ErrorKind::Input, "RLE counts sum to " + std::to_string(sum) + " but the mask is " +
                                          std::to_string(rle.height) + "x" + std::to_string(rle.width) +
                                          " = " + std::to_string(total) + " pixels");
    }
    cv::Mat t(rle.width, rle.height, CV_8UC1, cv::Scalar(0));
    uint8_t* data = t.ptr<uint8_t>(0);  // freshly allocated: continuous
    uint64_t pos = 0;
    bool on = false;
    for (uint32_t c : rle.counts) {
        if (on) {
            std::fill(data + pos, data + pos + c, uint8_t(255));
        }
        pos += c;
        on = !on;
    }
    cv::Mat mask;
    cv::transpose(t, mask);
    return mask;
}

std::string CocoRle::toString(const Rle& rle) {
    std::string s;
    for (size_t i = 0; i < rle.counts.size(); ++i) {
        long long x = rle.counts[i];
        if (i > 2) {
            x -= static_cast<long long>(rle.counts[i - 2]);
        }
        bool more = true;
        while (more) {
            char c = static_cast<char>(x & 0x1f);
            x >>= 5;  // arithmetic shift: negative deltas end at -1
            more = (c & 0x10) ? x != -1 : x != 0;
            if (more) {
                c |= 0x20;
            }
            s.push_back(static_cast<char>(c + 48));
        }
    }
    return s;
}

Rle CocoRle::fromString(const std::string& counts, int height, int width) {
    Rle rle;
    rle.height = height;
    rle.width = width;
    size_t p = 0;
    while (p < counts.size()) {
        long long x = 0;
        int k = 0;
        bool more = true;
        while (more) {
            if (p >= counts.size()) {
                throw Error(ErrorKind::Input, "RLE string ends in the middle of a count");
            }
            const int c = static_cast<unsigned char>(counts[p]) - 48;
            if (c < 0 || c > 63) {
                throw Error(ErrorKind::Input,
                            "RLE string has an invalid character at offset " + std::to_string(p));
            }
            if (k > 12) {
                throw Error(ErrorKind::Input,
                            "RLE string has an overlong count at offset " + std::to_string(p));
            }
            x |= static_cast<long long>(c & 0x1f) << (5 * k);
            more = (c & 0x20) != 0;
            ++p;
            ++k;
            if (!more && (c & 0x10)) {
                x |= static_cast<long long>(~0ULL << (5 * k));  // sign-extend
            }
        }
        if (rle.counts.size() > 2) {
            x += static_cast<long long>(rle.counts[rle.counts.size() - 2]);
        }
        if (x < 0 || x > static_cast<long long>(height) * width) {
            throw Error(ErrorKind::Input,
                        "RLE string decodes to an impossible run length " + std::to_string(x));
        }
        rle.counts.push_back(static_cast<uint32_t>(x));
    }
    return rle;
}

uint64_t CocoRle::area(const Rle& rle) {
    uint64_t a = 0;
    for (size_t i = 1; i < rle.counts.size(); i += 2) {
        a += rle.counts[i];
    }
    return a;
}

std::array<double, 4> CocoRle::bbox(const Rle& rle) {
    const size_t m = (rle.counts.size() / 2) * 2;
    if (m == 0 || rle.height == 0) {
        return {0, 0, 0, 0};
    }
    const uint32_t h = static_cast<uint32_t>(rle.height);
    uint32_t xs = static_cast<uint32_t>(rle.width), ys = h, xe = 0, ye = 0, cc = 0, xp = 0;
    for (size_t j = 0; j < m; ++j) {
        cc += rle.counts[j];
        const uint32_t t = cc - static_cast<uint32_t>(j % 2);
        const uint32_t y = t % h;
        const uint32_t x = (t - y) / h;
        if (j % 2 == 0) {
            xp = x;
        } else if (xp < x) {
            // The run wraps into the next column: pycocotools then takes the full height.
            ys = 0;
            ye = h - 1;
        }
        xs = std::min(xs, x);
        xe = std::max(xe, x);
        ys = std::min(ys, y);
        ye = std::max(ye, y);
    }
    return {double(xs), double(ys), double(xe - xs + 1), double(ye - ys + 1)};
}

Rle CocoRle::fromPolygon(const std::vector<double>& xy, int height, int width) {
    const size_t k = xy.size() / 2;
    if (k < 3) {
        throw Error(ErrorKind::Input, "a polygon needs at least 3 points, got " + std::to_string(k));
    }
    for (double v : xy) {
        if (!std::isfinite(v) || std::fabs(v) > 1e7) {
            throw Error(ErrorKind::Input, "polygon coordinate is not a finite number in range");
        }
    }
    const double scale = 5;
    // Upsample and walk every edge densely.
    std::vector<int> x(k + 1), y(k + 1);
    for (size_t j = 0; j < k; ++j) {
        x[j] = static_cast<int>(scale * xy[j * 2] + .5);
        y[j] = static_cast<int>(scale * xy[j * 2 + 1] + .5);
    }
    x[k] = x[0];
    y[k] = y[0];
    std::vector<int> u, v;
    for (size_t j = 0; j < k; ++j) {
        int xs = x[j], xe = x[j + 1], ys = y[j], ye = y[j + 1];
        const int dx = std::abs(xe - xs), dy = std::abs(ys - ye);
        const bool flip = (dx >= dy && xs > xe) || (dx < dy && ys > ye);
        if (flip) {
            std::swap(xs, xe);
            std::swap(ys, ye);
        }
        // A repeated point (dx = dy = 0) is 0/0 in pycocotools (undefined); we step 0 instead.
        const double s = dx >= dy ? (dx ? double(ye - ys) / dx : 0.0) : double(xe - xs) / dy;
        if (dx >= dy) {
            for (int d = 0; d <= dx; ++d) {
                const int t = flip ? dx - d : d;
                u.push_back(t + xs);
                v.push_back(static_cast<int>(ys + s * t + .5));
            }
        } else {
            for (int d = 0; d <= dy; ++d) {
                const int t = flip ? dy - d : d;
                v.push_back(t + ys);
                u.push_back(static_cast<int>(xs + s * t + .5));
            }
        }
    }
    // Keep the points where the boundary crosses a pixel column centre, downsampled.
    std::vector<uint32_t> a;
    const double h = height, w = width;
    for (size_t j = 1; j < u.size(); ++j) {
        if (u[j] == u[j - 1]) {
            continue;
        }
        double xd = u[j] < u[j - 1] ? u[j] : u[j] - 1;
        xd = (xd + .5) / scale - .5;
        if (std::floor(xd) != xd || xd < 0 || xd > w - 1) {
            continue;
        }
        double yd = v[j] < v[j - 1] ? v[j] : v[j - 1];
        yd = (yd + .5) / scale - .5;
        if (yd < 0) {
            yd = 0;
        } else if (yd > h) {
            yd = h;
        }
        yd = std::ceil(yd);
        a.push_back(static_cast<uint32_t>(static_cast<int>(xd) * height + static_cast<int>(yd)));
    }
    a.push_back(static_cast<uint32_t>(height) * static_cast<uint32_t>(width));
    std::sort(a.begin(), a.end());
    uint32_t prev = 0;
    for (auto& e : a) {
        const uint32_t t = e;
        e -= prev;
        prev = t;
    }
    // Boundary points become toggles; a zero-length run cancels with the next one.
    Rle rle;
    rle.height = height;
    rle.width = width;
    size_t j = 0;
    rle.counts.push_back(a[j++]);
    while (j < a.size()) {
        if (a[j] > 0) {
            rle.counts.push_back(a[j++]);
        } else {
            ++j;
            if (j < a.size()) {
                rle.counts.back() += a[j++];
            }
        }
    }
    return rle;
}

Rle CocoRle::merge(const std::vector<Rle>& rles) {
    if (rles.empty()) {
        return {};
    }
    if (rles.size() == 1) {
        return rles[0];
    }
    Rle acc = rles[0];
    for (size_t i = 1; i < rles.size(); ++i) {
        const Rle& b = rles[i];
        if (b.height != acc.height || b.width != acc.width) {
            throw Error(ErrorKind::Input, "cannot merge RLE masks of different sizes");
        }
        if (acc.counts.empty() || b.counts.empty()) {
            acc = acc.counts.empty() ? b : acc;
            continue;
        }
        std::vector<uint32_t> out;
        uint32_t ca = acc.counts[0], cb = b.counts[0];
        bool va = false, vb = false, v = false;
        size_t ia = 1, ib = 1;
        uint32_t cc = 0;
        uint32_t ct = 1;
        while (ct > 0) {
            const uint32_t c = std::min(ca, cb);
            cc += c;
            ct = 0;
            ca -= c;
            if (!ca && ia < acc.counts.size()) {
                ca = acc.counts[ia++];
                va = !va;
            }
            ct += ca;
            cb -= c;
            if (!cb && ib < b.counts.size()) {
                cb = b.counts[ib++];
                vb = !vb;
            }
            ct += cb;
            const bool vp = v;
            v = va || vb;
            if (v != vp || ct == 0) {
                out.push_back(cc);
                cc = 0;
            }
        }
        acc.counts = std::move(out);
    }
    return acc;
}

Rle CocoRle::fromPolygons(const std::vector<std::vector<double>>& polygons, int height, int width) {
    std::vector<Rle> rles;
    rles.reserve(polygons.size());
    for (const auto& p : polygons) {
        rles.push_back(fromPolygon(p, height, width));
    }
    if (rles.empty()) {
        return encode(cv::Mat(height, width, CV_8UC1, cv::Scalar(0)));
    }
    return merge(rles);
}

}  // namespace pm
