#include "document/OverlayRenderer.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "image/LabelMasks.h"

namespace pm::ui {

namespace {

constexpr quint8 kNone = 255;

bool usable(const OverlayLayer& l, const QSize& size) {
    return l.visible && !l.probability.empty() && l.probability.type() == CV_32F &&
           l.probability.cols == size.width() && l.probability.rows == size.height();
}

// Colours `owner` (one label index per pixel, kNone for background) into `out`: fills where a pixel
// has an owner, outlines where a 4-neighbour has a different one.
void paint(const std::vector<quint8>& owner, int w, int h, const std::vector<QRgb>& fill,
           const std::vector<QRgb>& edge, QImage& out, bool blend) {
    for (int y = 0; y < h; ++y) {
        const quint8* row = owner.data() + static_cast<size_t>(y) * w;
        const quint8* above = y > 0 ? row - w : row;
        const quint8* below = y + 1 < h ? row + w : row;
        auto* dst = reinterpret_cast<QRgb*>(out.scanLine(y));
        for (int x = 0; x < w; ++x) {
            const quint8 o = row[x];
            if (o == kNone) {
                continue;
            }
            const bool border = (x > 0 && row[x - 1] != o) || (x + 1 < w && row[x + 1] != o) ||
                                above[x] != o || below[x] != o || x == 0 || y == 0 || x + 1 == w ||
                                y + 1 == h;
            const QRgb src = border ? edge[o] : fill[o];
            if (!blend || dst[x] == 0) {
                dst[x] = src;
                continue;
            }
            // Premultiplied source-over.
            const uint sa = qAlpha(src);
            const uint inv = 255 - sa;
            const QRgb d = dst[x];
            dst[x] = qRgba(qRed(src) + qRed(d) * inv / 255, qGreen(src) + qGreen(d) * inv / 255,
                           qBlue(src) + qBlue(d) * inv / 255, sa + qAlpha(d) * inv / 255);
        }
    }
}

}  // namespace

std::vector<cv::Mat> OverlayRenderer::masks(const std::vector<OverlayLayer>& layers, OverlapMode mode,
                                            const QSize& size) {
    const int w = std::max(0, size.width());
    const int h = std::max(0, size.height());
    std::vector<cv::Mat> out;
    out.reserve(layers.size());
    for (size_t i = 0; i < layers.size(); ++i) {
        out.emplace_back(h, w, CV_8UC1, cv::Scalar(0));
    }
    if (w == 0 || h == 0) {
        return out;
    }
    if (mode == OverlapMode::Overlapping) {
        for (size_t i = 0; i < layers.size(); ++i) {
            if (usable(layers[i], size)) {
                out[i] =
                    LabelMasks::overlapping(layers[i].probability, static_cast<float>(layers[i].threshold));
            }
        }
        return out;
    }
    // Exclusive: a pixel goes to the label with the highest probability above its own threshold.
    std::vector<cv::Mat> maps(layers.size());
    std::vector<float> thresholds(layers.size(), 0.0f);
    for (size_t i = 0; i < layers.size(); ++i) {
        if (usable(layers[i], size)) {
            maps[i] = layers[i].probability;
            thresholds[i] = static_cast<float>(layers[i].threshold);
        }
    }
    if (std::none_of(maps.begin(), maps.end(), [](const cv::Mat& m) { return !m.empty(); })) {
        return out;
    }
    return LabelMasks::exclusive(maps, thresholds);
}

QImage OverlayRenderer::render(const std::vector<OverlayLayer>& layers, OverlapMode mode, const QSize& size,
                               std::vector<qint64>* areas, int fillAlpha) {
    QImage out(size, QImage::Format_ARGB32_Premultiplied);
    out.fill(Qt::transparent);
    if (areas) {
        areas->assign(layers.size(), 0);
    }
    const int w = size.width();
    const int h = size.height();
    if (w <= 0 || h <= 0 || layers.size() >= kNone) {
        return out;
    }
    std::vector<QRgb> fill(layers.size());
    std::vector<QRgb> edge(layers.size());
    for (size_t i = 0; i < layers.size(); ++i) {
        const QColor& c = layers[i].color;
        fill[i] = qPremultiply(qRgba(c.red(), c.green(), c.blue(), fillAlpha));
        edge[i] = qRgba(c.red(), c.green(), c.blue(), 255);
    }
    // Painted from masks(), so that what is shown and what is saved cannot drift apart.
    const std::vector<cv::Mat> layerMasks = masks(layers, mode, size);
    std::vector<quint8> owner(static_cast<size_t>(w) * h, kNone);
    const bool exclusive = mode == OverlapMode::Exclusive;
    for (size_t i = 0; i < layers.size(); ++i) {
        if (!usable(layers[i], size)) {
            continue;
        }
        qint64 count = 0;
        for (int y = 0; y < h; ++y) {
            const quint8* m = layerMasks[i].ptr<quint8>(y);
            quint8* o = owner.data() + static_cast<size_t>(y) * w;
            for (int x = 0; x < w; ++x) {
                if (m[x]) {
                    o[x] = static_cast<quint8>(i);
                    ++count;
                } else if (!exclusive) {
                    o[x] = kNone;
                }
            }
        }
        if (areas) {
            (*areas)[i] = count;
        }
        if (!exclusive) {
            paint(owner, w, h, fill, edge, out, true);  // each layer on its own, blended
        }
    }
    if (exclusive) {
        paint(owner, w, h, fill, edge, out, false);
    }
    return out;
}

QImage OverlayRenderer::heatMap(const cv::Mat& probability, int alpha) {
    if (probability.empty() || probability.type() != CV_32F) {
        return {};
    }
    // A perceptually ordered ramp through five stops (after matplotlib's viridis).
    static const std::array<QRgb, 5> kStops = {0x440154, 0x3b528b, 0x21918c, 0x5ec962, 0xfde725};
    std::array<QRgb, 256> lut{};
    for (int i = 0; i < 256; ++i) {
        const double pos = i / 255.0 * (kStops.size() - 1);
        const int k = std::min(static_cast<int>(pos), static_cast<int>(kStops.size()) - 2);
        const double f = pos - k;
        const QColor a = QColor::fromRgb(kStops[static_cast<size_t>(k)]);
        const QColor b = QColor::fromRgb(kStops[static_cast<size_t>(k) + 1]);
        lut[static_cast<size_t>(i)] =
            qPremultiply(qRgba(static_cast<int>(a.red() + f * (b.red() - a.red())),
                               static_cast<int>(a.green() + f * (b.green() - a.green())),
                               static_cast<int>(a.blue() + f * (b.blue() - a.blue())), alpha));
    }
    QImage out(probability.cols, probability.rows, QImage::Format_ARGB32_Premultiplied);
    for (int y = 0; y < probability.rows; ++y) {
        const float* p = probability.ptr<float>(y);
        auto* dst = reinterpret_cast<QRgb*>(out.scanLine(y));
        for (int x = 0; x < probability.cols; ++x) {
            const int v = static_cast<int>(std::clamp(p[x], 0.0f, 1.0f) * 255.0f + 0.5f);
            dst[x] = lut[static_cast<size_t>(v)];
        }
    }
    return out;
}

}  // namespace pm::ui
