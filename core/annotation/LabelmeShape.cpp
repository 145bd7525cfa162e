#include "annotation/LabelmeShape.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>

#include "annotation/Base64.h"
#include "annotation/PilDraw.h"
#include "annotation/SizeLimit.h"
#include "image/ImageHeader.h"
#include "util/Error.h"

namespace pm {
using nlohmann::json;

namespace {

bool isPolygonLike(const LabelmeShape& s) {
    return s.type == "polygon" || s.type == "rotation" || (s.type == "rectangle" && s.points.size() == 4);
}

cv::Mat decodeBitmap(const std::string& base64) {
    const auto bytes = Base64::decode(base64);
    if (!bytes) {
        throw Error(ErrorKind::Input, "'mask' is not valid base64");
    }
    const auto header = ImageHeader::parseBytes(*bytes);
    if (!header) {
        throw Error(ErrorKind::Input, "'mask' is not a PNG, JPEG, BMP, TIFF, WebP or PNM image");
    }
    SizeLimit::check("mask bitmap", header->width, header->height);
    cv::Mat decoded = cv::imdecode(std::vector<uchar>(bytes->begin(), bytes->end()), cv::IMREAD_UNCHANGED);
    if (decoded.empty()) {
        throw Error(ErrorKind::Input, "'mask' cannot be decoded");
    }
    if (decoded.channels() > 1) {  // any channel set counts (labelme writes 1-channel masks)
        std::vector<cv::Mat> planes;
        cv::split(decoded, planes);
        cv::Mat any = planes[0] != 0;
        for (size_t i = 1; i < planes.size(); ++i) {
            any |= planes[i] != 0;
        }
        return any;
    }
    return decoded != 0;
}

}  // namespace

bool LabelmeShape::isArea() const {
    return isPolygonLike(*this) || type == "rectangle" || type == "circle" || type == "mask";
}

LabelmeShape LabelmeShape::parse(const json& shape, cv::Size imageSize) {
    if (!shape.is_object() || !shape.contains("label") || !shape["label"].is_string() ||
        !shape.contains("points") || !shape["points"].is_array()) {
        throw Error(ErrorKind::Input, "needs a string 'label' and a list 'points'");
    }
    LabelmeShape s;
    s.label = shape["label"].get<std::string>();
    s.type = "polygon";
    if (auto t = shape.find("shape_type"); t != shape.end() && !t->is_null()) {
        if (!t->is_string()) {
            throw Error(ErrorKind::Input, "'shape_type' is not a string");
        }
        s.type = t->get<std::string>();
    }
    if (auto g = shape.find("group_id"); g != shape.end() && !g->is_null()) {
        if (!g->is_number_integer() || g->get<long long>() < 0 || g->get<long long>() > INT32_MAX) {
            throw Error(ErrorKind::Input, "'group_id' is not a non-negative integer");
        }
        s.groupId = g->get<int>();
    }
    // Points far outside the image are refused: they mean a broken file, and nothing we draw there
    // would be visible anyway.
    const double slack = std::max(imageSize.width, imageSize.height);
    for (const auto& p : shape["points"]) {
        if (!p.is_array() || p.size() != 2 || !p[0].is_number() || !p[1].is_number()) {
            throw Error(ErrorKind::Input, "every point must be a pair of finite numbers");
        }
        const cv::Point2d q(p[0].get<double>(), p[1].get<double>());
        if (!std::isfinite(q.x) || !std::isfinite(q.y)) {
            throw Error(ErrorKind::Input, "every point must be a pair of finite numbers");
        }
        if (q.x < -slack || q.y < -slack || q.x > imageSize.width + slack || q.y > imageSize.height + slack) {
            throw Error(ErrorKind::Input, "point (" + std::to_string(q.x) + ", " + std::to_string(q.y) +
                                              ") lies far outside the " + std::to_string(imageSize.width) +
                                              "x" + std::to_string(imageSize.height) + " image");
        }
        s.points.push_back(q);
    }
    const size_t n = s.points.size();
    const std::string has = " has " + std::to_string(n) + " points";
    if ((s.type == "polygon" || s.type == "rotation") && n < 3) {
        throw Error(ErrorKind::Input, "a polygon needs at least 3 points; this one" + has);
    }
    if (s.type == "rectangle" && n != 2 && n != 4) {
        throw Error(ErrorKind::Input, "a rectangle needs 2 points (or the 4 corners); this one" + has);
    }
    if (s.type == "circle" && n != 2) {
        throw Error(ErrorKind::Input, "a circle needs 2 points (centre and rim); this one" + has);
    }
    if (s.type == "mask") {
        if (n != 2) {
            throw Error(ErrorKind::Input, "a mask shape needs 2 points (its box); this one" + has);
        }
        const auto m = shape.find("mask");
        if (m == shape.end() || !m->is_string()) {
            throw Error(ErrorKind::Input, "a mask shape needs its bitmap in 'mask' (base64 PNG)");
        }
        s.bitmap = decodeBitmap(m->get<std::string>());
    }
    return s;
}

void LabelmeShape::draw(cv::Mat& mask) const {
    if (isPolygonLike(*this)) {
        PilDraw::polygon(mask, points);
    } else if (type == "rectangle") {
        PilDraw::rectangle(mask, points[0], points[1]);
    } else if (type == "circle") {
        const double r = std::hypot(points[0].x - points[1].x, points[0].y - points[1].y);
        PilDraw::ellipse(mask, points[0].x - r, points[0].y - r, points[0].x + r, points[0].y + r);
    } else if (type == "mask" && !bitmap.empty()) {
        // numpy's astype(int) cuts toward zero; only the part over the image is touched.
        const int x0 = static_cast<int>(points[0].x), y0 = static_cast<int>(points[0].y);
        const cv::Rect target =
            cv::Rect(x0, y0, bitmap.cols, bitmap.rows) & cv::Rect(0, 0, mask.cols, mask.rows);
        if (target.area() > 0) {
            const cv::Mat source = bitmap(target - cv::Point(x0, y0));
            mask(target).setTo(255, source);
        }
    }
}

}  // namespace pm
