#include "document/MaskEdits.h"

#include <algorithm>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace pm::ui {

cv::Rect MaskEdits::strokeBounds(const std::vector<cv::Point>& points, int radius, cv::Size size) {
    if (points.empty()) {
        return {};
    }
    cv::Rect box = cv::boundingRect(points);
    box.x -= radius;
    box.y -= radius;
    box.width += 2 * radius;
    box.height += 2 * radius;
    return box & cv::Rect(cv::Point(0, 0), size);
}

QStringList MaskEdits::labelIds() const {
    QStringList ids = maps_.keys() + packed_.keys();
    ids.sort();
    return ids;
}

void MaskEdits::pack() {
    for (auto it = maps_.cbegin(); it != maps_.cend(); ++it) {
        std::vector<uchar> png;
        if (!cv::imencode(".png", it.value(), png)) {
            return;  // stays unpacked: correct, only larger
        }
        packed_.insert(it.key(), std::move(png));
    }
    maps_.clear();
}

void MaskEdits::unpack() const {
    for (auto it = packed_.cbegin(); it != packed_.cend(); ++it) {
        maps_.insert(it.key(), cv::imdecode(it.value(), cv::IMREAD_UNCHANGED));
    }
    packed_.clear();
}

cv::Mat& MaskEdits::editableMap(const QString& labelId, cv::Size size) {
    unpack();
    cv::Mat& map = maps_[labelId];
    if (map.size() != size) {
        map = cv::Mat(size, CV_8UC1, cv::Scalar(kNone));
    }
    return map;
}

void MaskEdits::stroke(const QString& labelId, cv::Size size, const std::vector<cv::Point>& points,
                       int radius, Value value) {
    if (points.empty() || size.empty()) {
        return;
    }
    cv::Mat& map = editableMap(labelId, size);
    const cv::Scalar v(value);
    radius = std::max(radius, 0);
    // The disc of the brush stamped at every pixel along the path: exactly the pixels within `radius`
    // of it (OpenCV's thick lines reach further than their nominal width).
    auto stamp = [&](cv::Point p) { cv::circle(map, p, radius, v, cv::FILLED, cv::LINE_8); };
    stamp(points.front());
    for (size_t i = 1; i < points.size(); ++i) {
        const cv::Point a = points[i - 1];
        const cv::Point d = points[i] - a;
        const int steps = std::max(std::abs(d.x), std::abs(d.y));
        for (int k = 1; k <= steps; ++k) {
            stamp(a + cv::Point(cvRound(double(d.x) * k / steps), cvRound(double(d.y) * k / steps)));
        }
    }
}

cv::Rect MaskEdits::polygonBounds(const std::vector<cv::Point>& corners, cv::Size size) {
    return corners.empty() ? cv::Rect() : cv::boundingRect(corners) & cv::Rect(cv::Point(0, 0), size);
}

void MaskEdits::fillPolygon(const QString& labelId, cv::Size size, const std::vector<cv::Point>& corners,
                            Value value) {
    if (corners.size() < 3 || size.empty()) {
        return;
    }
    cv::Mat& map = editableMap(labelId, size);
    const std::vector<std::vector<cv::Point>> rings{corners};
    // fillPoly sets the pixels inside; the outline adds those on the edges, as a labeler clicking on
    // the boundary pixels of an object expects them to be included.
    cv::fillPoly(map, rings, cv::Scalar(value), cv::LINE_8);
    cv::polylines(map, rings, true, cv::Scalar(value), 1, cv::LINE_8);
}

MaskEdits::FillResult MaskEdits::fillRegion(const cv::Mat& mask, cv::Point p, bool erase, cv::Mat& region) {
    region.release();
    const bool inside = mask.at<uchar>(p) != 0;
    if (erase != inside) {
        return erase ? FillResult::NotInside : FillResult::AlreadyInside;
    }
    cv::Mat labels;
    const cv::Mat pixels = erase ? (mask != 0) : (mask == 0);
    cv::connectedComponents(pixels, labels, erase ? 8 : 4, CV_32S);
    region = labels == labels.at<int>(p);
    if (!erase) {
        const int last = region.rows - 1, right = region.cols - 1;
        if (cv::countNonZero(region.row(0)) || cv::countNonZero(region.row(last)) ||
            cv::countNonZero(region.col(0)) || cv::countNonZero(region.col(right))) {
            region.release();
            return FillResult::ReachesBorder;
        }
    }
    return FillResult::Ok;
}

void MaskEdits::fillPixels(const QString& labelId, cv::Size size, const cv::Mat& region, Value value) {
    if (region.size() != size || size.empty()) {
        return;
    }
    editableMap(labelId, size).setTo(cv::Scalar(value), region);
}

cv::Mat MaskEdits::region(const QString& labelId, const cv::Rect& roi) const {
    unpack();
    const auto it = maps_.constFind(labelId);
    if (it == maps_.cend() || roi.empty()) {
        return cv::Mat(roi.size(), CV_8UC1, cv::Scalar(kNone));
    }
    return (*it)(roi & cv::Rect(cv::Point(0, 0), it->size())).clone();
}

void MaskEdits::setRegion(const QString& labelId, cv::Size size, const cv::Rect& roi, const cv::Mat& values) {
    if (roi.empty() || values.size() != roi.size()) {
        return;
    }
    cv::Mat& map = editableMap(labelId, size);
    values.copyTo(map(roi & cv::Rect(cv::Point(0, 0), size)));
    if (cv::countNonZero(map) == 0) {
        maps_.remove(labelId);
    }
}

cv::Mat MaskEdits::apply(const QString& labelId, const cv::Mat& probability, cv::Size size) const {
    unpack();
    const auto it = maps_.constFind(labelId);
    if (it == maps_.cend() || it->size() != size) {
        return probability;
    }
    cv::Mat out = probability.size() == size ? probability.clone() : cv::Mat(size, CV_32F, cv::Scalar(0));
    out.setTo(1.0f, *it == kPaint);
    out.setTo(0.0f, *it == kErase);
    return out;
}

}  // namespace pm::ui
