#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <opencv2/core/mat.hpp>
#include <vector>

namespace pm::ui {

// The user's brush and eraser strokes on one image. Per label (by id), a map of pixels forced into the
// label's mask and pixels forced out of it, whatever the model or the saved file says there. They sit
// on top of the model's maps, so changing a threshold or re-segmenting keeps them. GUI thread only.
class MaskEdits {
public:
    enum Value : uchar { kNone = 0, kPaint = 1, kErase = 2 };

    bool isEmpty() const { return maps_.isEmpty() && packed_.isEmpty(); }
    bool has(const QString& labelId) const { return maps_.contains(labelId) || packed_.contains(labelId); }
    // Ids of the labels with edits.
    QStringList labelIds() const;

    // Keeps the maps PNG-compressed (a few KB instead of one byte per pixel) until they are used
    // again: done for the images not on screen, so painting many images does not fill the memory.
    void pack();

    // The rectangle a stroke covers: the polyline through `points` with round ends, `radius` pixels
    // around its centre line, clipped to `size`.
    static cv::Rect strokeBounds(const std::vector<cv::Point>& points, int radius, cv::Size size);

    // Draws one stroke of `value` into the label's map (created at `size` when new).
    void stroke(const QString& labelId, cv::Size size, const std::vector<cv::Point>& points, int radius,
                Value value);

    // The rectangle a polygon covers, clipped to `size`.
    static cv::Rect polygonBounds(const std::vector<cv::Point>& corners, cv::Size size);
    // Sets `value` on every pixel inside the polygon through `corners` or on its edges.
    void fillPolygon(const QString& labelId, cv::Size size, const std::vector<cv::Point>& corners,
                     Value value);

    // What a fill click at `p` would change in `mask` (a label's mask as shown, CV_8U, non-zero = in).
    // Filling: the hole around p, i.e. the 4-connected background region, as long as the mask
    // encloses it (a region reaching the image border is the outside, not a hole). Erasing: the
    // 8-connected part of the mask around p, e.g. a stray blob. `region` is CV_8U at the mask's size.
    enum class FillResult { Ok, AlreadyInside, NotInside, ReachesBorder };
    static FillResult fillRegion(const cv::Mat& mask, cv::Point p, bool erase, cv::Mat& region);
    // Sets `value` on the pixels of `region` (CV_8U at `size`, non-zero = set).
    void fillPixels(const QString& labelId, cv::Size size, const cv::Mat& region, Value value);

    // A copy of the label's map inside `roi` (all kNone when the label has no edits).
    cv::Mat region(const QString& labelId, const cv::Rect& roi) const;
    // Writes `values` (from region()) back; a map left with no edit at all is dropped.
    void setRegion(const QString& labelId, cv::Size size, const cv::Rect& roi, const cv::Mat& values);

    // The label's probability map with the edits applied (painted pixels 1, erased 0). `probability`
    // may be empty (the label has no map): then the result is 0 where nothing is painted. Returns
    // `probability` itself when the label has no edits.
    cv::Mat apply(const QString& labelId, const cv::Mat& probability, cv::Size size) const;

private:
    void unpack() const;
    // The label's map, unpacked, created empty at `size` when it has none (or another size).
    cv::Mat& editableMap(const QString& labelId, cv::Size size);

    mutable QHash<QString, cv::Mat> maps_;               // CV_8U at the image size, Value per pixel
    mutable QHash<QString, std::vector<uchar>> packed_;  // the same, PNG-encoded, while packed
};

}  // namespace pm::ui
