#pragma once

#include <QColor>
#include <QImage>
#include <opencv2/core/mat.hpp>
#include <vector>

#include "document/OverlapMode.h"

namespace pm::ui {

// One label's input to the overlay: its probability map (CV_32F, the image's size; empty when not
// computed yet) and how to show it.
struct OverlayLayer {
    cv::Mat probability;
    double threshold = 0.5;
    QColor color;
    bool visible = true;
};

// Turns cached probability maps into what the canvas shows. Pure functions of their inputs (no model,
// no state), fast enough to run on every threshold slider step: one pass over the pixels per label.
class OverlayRenderer {
public:
    // Semi-transparent fills with opaque one-pixel outlines, ARGB32 premultiplied at `size`.
    // A pixel belongs to a label when its probability is above the label's threshold; in exclusive mode
    // only the label with the highest probability gets it. `areas` receives each layer's pixel count.
    static QImage render(const std::vector<OverlayLayer>& layers, OverlapMode mode, const QSize& size,
                         std::vector<qint64>* areas = nullptr, int fillAlpha = 110);

    // The masks render() paints, one per layer: CV_8U 0/255 at `size` (all zero for a hidden or
    // missing layer). In exclusive mode they are disjoint (ties go to the earlier layer). Saving an
    // annotation uses exactly these, so the file holds what the canvas showed.
    static std::vector<cv::Mat> masks(const std::vector<OverlayLayer>& layers, OverlapMode mode,
                                      const QSize& size);

    // The probability map as a colour ramp (dark violet 0 → yellow 1), for judging thresholds.
    static QImage heatMap(const cv::Mat& probability, int alpha = 210);
};

}  // namespace pm::ui
