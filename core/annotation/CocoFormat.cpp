#include "annotation/CocoFormat.h"

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <optional>
#include <set>

#include "annotation/CocoRle.h"
#include "annotation/ProvenanceJson.h"
#include "annotation/SafePath.h"
#include "annotation/SizeLimit.h"
#include "util/AtomicFile.h"
#include "util/Error.h"
#include "util/Version.h"

namespace pm {
namespace fs = std::filesystem;
using nlohmann::json;
using nlohmann::ordered_json;

namespace {

json rleJson(const Rle& rle) {
    return json{{"size", {rle.height, rle.width}}, {"counts", CocoRle::toString(rle)}};
}

// A COCO segmentation value -> RLE at the image size; throws pm::Error(Input) describing the problem.
Rle parseSegmentation(const json& seg, cv::Size size) {
    if (seg.is_array()) {
        std::vector<std::vector<double>> polygons;
        const double slack = std::max(size.width, size.height);
        for (const auto& poly : seg) {
            if (!poly.is_array()) {
                throw Error(ErrorKind::Input, "a polygon is not a list of numbers");
            }
            std::vector<double> xy;
            for (const auto& v : poly) {
                if (!v.is_number() || !std::isfinite(v.get<double>())) {
                    throw Error(ErrorKind::Input, "a polygon coordinate is not a finite number");
                }
                xy.push_back(v.get<double>());
            }
            if (xy.size() % 2 != 0 || xy.size() < 6) {
                throw Error(ErrorKind::Input,
                            "a polygon needs an even number of coordinates and at least 3 points, got " +
                                std::to_string(xy.size()) + " numbers");
            }
            for (size_t i = 0; i < xy.size(); ++i) {
                const double limit = (i % 2 ? size.height : size.width) + slack;
                if (xy[i] < -slack || xy[i] > limit) {
                    throw Error(ErrorKind::Input, "polygon coordinate " + std::to_string(xy[i]) +
                                                      " lies far outside the " + std::to_string(size.width) +
                                                      "x" + std::to_string(size.height) + " image");
                }
            }
            polygons.push_back(std::move(xy));
        }
        if (polygons.empty()) {
            throw Error(ErrorKind::Input, "empty polygon list");
        }
        return CocoRle::fromPolygons(polygons, size.height, size.width);
    }
    if (seg.is_object()) {
        const auto s = seg.find("size");
        const auto c = seg.find("counts");
        if (s == seg.end() || !s->is_array() || s->size() != 2 || !(*s)[0].is_number_integer() ||
            !(*s)[1].is_number_integer() || c == seg.end()) {
            throw Error(ErrorKind::Input, "RLE needs 'size' [h, w] and 'counts'");
        }
        const long long hl = (*s)[0].get<long long>(), wl = (*s)[1].get<long long>();
        SizeLimit::check("RLE size", wl, hl);
        const int h = static_cast<int>(hl), w = static_cast<int>(wl);
        if (h != size.height || w != size.width) {
            throw Error(ErrorKind::Input, "RLE size " + std::to_string(h) + "x" + std::to_string(w) +
                                              " differs from the image size " + std::to_string(size.height) +
                                              "x" + std::to_string(size.width));
        }
        Rle rle;
        if (c->is_string()) {
            rle = CocoRle::fromString(c->get<std::string>(), h, w);
        } else if (c->is_array()) {
            rle.height = h;
            rle.width = w;
            for (const auto& v : *c) {
                if (!v.is_number_unsigned() && !(v.is_number_integer() && v.get<long long>() >= 0)) {
                    throw Error(ErrorKind::Input, "RLE counts must be non-negative integers");
                }
                if (v.get<unsigned long long>() > static_cast<unsigned long long>(h) * w) {
                    throw Error(ErrorKind::Input, "RLE count larger than the image");
                }
                rle.counts.push_back(v.get<uint32_t>());
            }
        } else {
            throw Error(ErrorKind::Input, "RLE 'counts' is neither a string nor a list");
        }
        (void)CocoRle::decode(rle);  // validates that the counts sum to h x w
        return rle;
    }
    throw Error(ErrorKind::Input, "'segmentation' is neither a polygon list nor an RLE object");
}

// A box-only annotation's mask: the box as a polygon, drawn as pycocotools draws polygons.
cv::Mat boxMask(const std::array<double, 4>& b, cv::Size size) {
    const std::vector<double> xy{b[0], b[1], b[0] + b[2], b[1], b[0] + b[2], b[1] + b[3], b[0], b[1] + b[3]};
    return CocoRle::decode(CocoRle::fromPolygons({xy}, size.height, size.width));
}

// A COCO bbox [x, y, w, h] of finite numbers inside the image's reach, or nothing.
std::optional<std::array<double, 4>> parseBox(const ordered_json& a, cv::Size size) {
    const auto b = a.find("bbox");
    if (b == a.end() || !b->is_array() || b->size() != 4) {
        return std::nullopt;
    }
    std::array<double, 4> box{};
    for (size_t i = 0; i < 4; ++i) {
        if (!(*b)[i].is_number() || !std::isfinite((*b)[i].get<double>())) {
            return std::nullopt;
        }
        box[i] = (*b)[i].get<double>();
    }
    const double slack = std::max(size.width, size.height);
    if (box[2] < 0 || box[3] < 0 || box[0] < -slack || box[1] < -slack ||
        box[0] + box[2] > size.width + slack || box[1] + box[3] > size.height + slack) {
        return std::nullopt;
    }
    return box;
}

// An id that is `wanted` when that is set and still free, else the next number after all used ones.
class IdAllocator {
public:
    explicit IdAllocator(std::set<long long> kept) : used_(std::move(kept)) {}
    long long take(long long wanted, bool keep) {
        if (keep && wanted >= 0 && taken_.insert(wanted).second) {
            return wanted;
        }
        long long id = std::max(next_, used_.empty() ? 1 : *used_.rbegin() + 1);
        while (used_.count(id) || taken_.count(id)) {
            ++id;
        }
        next_ = id + 1;
        taken_.insert(id);
        return id;
    }

private:
    std::set<long long> used_, taken_;
    long long next_ = 1;
};

bool sameMask(const cv::Mat& a, const cv::Mat& b) {
    return a.size() == b.size() && cv::countNonZero((a != 0) != (b != 0)) == 0;
}

}  // namespace

bool CocoFormat::write(const Dataset& dataset, const fs::path& out, const WriteOptions& options) {
    reset();
    PolygonOptions polygonOptions = options.polygons;
    polygonOptions.convention = PolygonConvention::PixelCorners;
    ordered_json images = ordered_json::array(), annotations = ordered_json::array(),
                 categories = ordered_json::array();

    // Categories: those read (ids, names and other keys kept; two may share a name), then one per
    // label that has none. labelme's "__ignore__" is never a category (as labelme2coco).
    std::set<long long> keptCategoryIds;
    for (const auto& c : dataset.cocoCategories) {
        keptCategoryIds.insert(c.id);
    }
    std::map<std::string, long long> idOfLabel;         // the first category of each name
    std::set<std::pair<long long, std::string>> known;  // (id, name) of every written category
    IdAllocator categoryIds(keptCategoryIds);
    for (const auto& c : dataset.cocoCategories) {
        ordered_json category = c.source.empty() ? ordered_json::object() : ordered_json::parse(c.source);
        category["id"] = c.id;
        category["name"] = c.name;
        categories.push_back(std::move(category));
        idOfLabel.emplace(c.name, c.id);
        known.emplace(c.id, c.name);
    }
    for (const std::string& label : dataset.labels) {
        if (label == Dataset::kIgnoreLabel || idOfLabel.count(label)) {
            continue;
        }
        const long long id = categoryIds.take(-1, false);
        categories.push_back({{"id", id}, {"name", label}, {"supercategory", "object"}});
        idOfLabel.emplace(label, id);
        known.emplace(id, label);
    }

    std::set<long long> keptImageIds, keptAnnotationIds;
    for (const auto& image : dataset.images) {
        keptImageIds.insert(image.cocoId);
        for (const auto& instance : image.instances) {
            keptAnnotationIds.insert(instance.cocoId);
        }
    }
    keptImageIds.erase(-1);
    keptAnnotationIds.erase(-1);
    IdAllocator imageIds(keptImageIds), annotationIds(keptAnnotationIds);
    size_t ignored = 0;
    for (size_t i = 0; i < dataset.images.size(); ++i) {
        const ImageAnnotation& image = dataset.images[i];
        const long long imageId = imageIds.take(image.cocoId, true);
        ordered_json imageJson =
            image.cocoSource.empty() ? ordered_json::object() : ordered_json::parse(image.cocoSource);
        imageJson["id"] = imageId;
        imageJson["file_name"] = image.imagePath;
        imageJson["width"] = image.size.width;
        imageJson["height"] = image.size.height;
        images.push_back(std::move(imageJson));
        for (const std::string& other : image.otherShapes) {
            (void)other;
            leaveOut("labelme shapes without an area (point, line, linestrip): COCO holds areas only");
        }
        for (const auto& instance : image.instances) {
            if (instance.label == Dataset::kIgnoreLabel) {
                ++ignored;
                continue;
            }
            const auto byName = idOfLabel.find(instance.label);
            if (byName == idOfLabel.end()) {
                fileError(image.imagePath + ": label '" + instance.label +
                          "' is not in the dataset's label list");
                continue;
            }
            const long long categoryId = known.count({instance.cocoCategoryId, instance.label})
                                             ? instance.cocoCategoryId
                                             : byName->second;
            if (instance.mask.size() != image.size || instance.mask.type() != CV_8UC1) {
                fileError(image.imagePath + ": mask of '" + instance.label +
                          "' does not match the image size");
                continue;
            }
            ordered_json annotation = instance.cocoSource.empty() ? ordered_json::object()
                                                                  : ordered_json::parse(instance.cocoSource);
            annotation["id"] = annotationIds.take(instance.cocoId, true);
            annotation["image_id"] = imageId;
            annotation["category_id"] = categoryId;
            // The segmentation as read, while it still draws this mask and no re-tracing was asked.
            bool verbatim = false;
            if (!options.retrace && annotation.contains("segmentation")) {
                try {
                    const auto& seg = annotation["segmentation"];
                    const bool empty = seg.is_array() && seg.empty();
                    verbatim =
                        empty ? instance.box.has_value()
                              : sameMask(
                                    CocoRle::decode(parseSegmentation(json::parse(seg.dump()), image.size)),
                                    instance.mask);
                } catch (const Error&) {
                    verbatim = false;
                }
            }
            if (!verbatim && instance.box &&
                (options.retrace || instance.cocoSource.empty() ||
                 sameMask(boxMask(*instance.box, image.size), instance.mask))) {
                // A box without a mask stays a box: bbox, and no segmentation.
                const auto& b = *instance.box;
                annotation.erase("segmentation");
                annotation["bbox"] = {b[0], b[1], b[2], b[3]};
                if (!annotation.contains("area")) {
                    annotation["area"] = b[2] * b[3];
                }
                verbatim = true;
            }
            if (!verbatim) {
                const bool useRle =
                    instance.crowd || options.segmentation == SegmentationMode::Rle ||
                    (options.segmentation == SegmentationMode::Auto && MaskPolygons::hasHoles(instance.mask));
                ordered_json segmentation;
                Rle encoded;
                if (useRle) {
                    encoded =
                        CocoRle::encode(MaskPolygons::removeSpecks(instance.mask, polygonOptions.minArea));
                    segmentation = ordered_json::parse(rleJson(encoded).dump());
                } else {
                    std::vector<std::vector<double>> polygons;
                    for (const Ring& ring : MaskPolygons::toRings(instance.mask, polygonOptions)) {
                        polygons.push_back(MaskPolygons::flatten(ring));
                    }
                    if (!polygons.empty()) {
                        encoded = CocoRle::fromPolygons(polygons, image.size.height, image.size.width);
                    }
                    segmentation = polygons;
                }
                const uint64_t area = encoded.counts.empty() ? 0 : CocoRle::area(encoded);
                if (area == 0) {
                    warn(image.imagePath + ": empty mask for '" + instance.label + "' not written");
                    leaveOut("empty masks");
                    continue;
                }
                const auto box = CocoRle::bbox(encoded);
                annotation["segmentation"] = std::move(segmentation);
                annotation["area"] = area;
                annotation["bbox"] = {box[0], box[1], box[2], box[3]};
            }
            if (!annotation.contains("iscrowd") || !instance.cocoSource.empty()) {
                annotation["iscrowd"] = instance.crowd ? 1 : 0;
            }
            if (instance.provenance) {
                annotation["promptmask"] =
                    ordered_json::parse(ProvenanceJson::toJson(*instance.provenance).dump());
            }
            annotations.push_back(std::move(annotation));
        }
        reportProgress(i + 1, dataset.images.size());
    }
    if (ignored > 0) {
        warn(std::to_string(ignored) +
             " '__ignore__' regions are not written: in COCO they are no category "
             "(labelme2coco's convention)");
    }
    ordered_json doc =
        dataset.cocoSource.empty()
            ? ordered_json{{"info", {{"description", "Exported by PromptMask"}, {"version", kVersion}}},
                           {"licenses", ordered_json::array()}}
            : ordered_json::parse(dataset.cocoSource);
    doc["images"] = std::move(images);
    doc["annotations"] = std::move(annotations);
    doc["categories"] = std::move(categories);
    try {
        if (out.has_parent_path()) {
            fs::create_directories(out.parent_path());
        }
        writeOutput(out, doc.dump(2) + "\n", isJsonFile);
    } catch (const std::exception& e) {
        return fail(e.what());
    }
    return true;
}

bool CocoFormat::read(const fs::path& in, const fs::path& imagesRoot, Dataset& out) {
    reset();
    out.imagesRoot = imagesRoot;
    ordered_json doc;
    try {
        doc = ordered_json::parse(AtomicFile::readAll(in));
    } catch (const ordered_json::parse_error& e) {
        return fail(in.string() + ": not valid JSON (" + e.what() + ")");
    } catch (const Error& e) {
        return fail(e.what());
    }
    const std::string file = in.string();
    if (!doc.is_object() || !doc.contains("images") || !doc["images"].is_array()) {
        return fail(file + ": not a COCO file: no 'images' list");
    }
    if (doc.contains("annotations") && !doc["annotations"].is_array()) {
        return fail(file + ": 'annotations' is not a list");
    }
    {
        ordered_json top = doc;
        for (const char* key : {"images", "annotations", "categories"}) {
            top.erase(key);
        }
        out.cocoSource = top.dump();
    }
    // Categories, in file order; ids keep apart categories that share a name.
    std::map<long long, std::string> categories;
    if (doc.contains("categories") && doc["categories"].is_array()) {
        for (const auto& c : doc["categories"]) {
            if (!c.is_object() || !c.contains("id") || !c["id"].is_number_integer() || !c.contains("name") ||
                !c["name"].is_string()) {
                fileError(file + ": a category needs an integer 'id' and a string 'name'");
                continue;
            }
            const long long id = c["id"].get<long long>();
            if (categories.count(id)) {
                warn(file + ": category id " + std::to_string(id) + " is defined twice; the second ('" +
                     c["name"].get<std::string>() + "') is left out");
                leaveOut("categories with a duplicate id");
                continue;
            }
            const std::string name = c["name"].get<std::string>();
            categories[id] = name;
            out.labelIndex(name);
            out.cocoCategories.push_back(CocoCategory{id, name, c.dump()});
        }
    }
    // Images.
    std::map<long long, size_t> imageIndex;
    for (size_t i = 0; i < doc["images"].size(); ++i) {
        const ordered_json& im = doc["images"][i];
        const std::string where = file + ": images[" + std::to_string(i) + "]";
        try {
            if (!im.is_object() || !im.contains("id") || !im["id"].is_number_integer() ||
                !im.contains("file_name") || !im["file_name"].is_string() || !im.contains("width") ||
                !im["width"].is_number_integer() || !im.contains("height") ||
                !im["height"].is_number_integer()) {
                throw Error(ErrorKind::Input,
                            "needs integer 'id', 'width', 'height' and a string 'file_name'");
            }
            ImageAnnotation image;
            image.imagePath =
                SafePath::resolveInside(imagesRoot, imagesRoot, im["file_name"].get<std::string>());
            SizeLimit::check("declared image size", im["width"].get<long long>(),
                             im["height"].get<long long>());
            image.size = cv::Size(im["width"].get<int>(), im["height"].get<int>());
            const long long id = im["id"].get<long long>();
            if (imageIndex.count(id)) {
                throw Error(ErrorKind::Input, "duplicate image id " + std::to_string(id));
            }
            if (!fs::exists(imagesRoot / image.imagePath)) {
                warn(where + ": image '" + image.imagePath + "' not found in the images folder");
            }
            image.cocoId = id;
            image.cocoSource = im.dump();
            imageIndex[id] = out.images.size();
            out.images.push_back(std::move(image));
        } catch (const Error& e) {
            fileError(where + ": " + e.what());
        }
    }
    // Annotations.
    const ordered_json annotations = doc.value("annotations", ordered_json::array());
    for (size_t i = 0; i < annotations.size(); ++i) {
        const ordered_json& a = annotations[i];
        std::string where = file + ": annotations[" + std::to_string(i) + "]";
        try {
            if (!a.is_object() || !a.contains("image_id") || !a["image_id"].is_number_integer() ||
                !a.contains("category_id") || !a["category_id"].is_number_integer()) {
                throw Error(ErrorKind::Input, "needs integer 'image_id' and 'category_id'");
            }
            Instance instance;
            if (a.contains("id") && a["id"].is_number_integer()) {
                instance.cocoId = a["id"].get<long long>();
                where += " (id " + std::to_string(instance.cocoId) + ")";
            }
            const auto image = imageIndex.find(a["image_id"].get<long long>());
            if (image == imageIndex.end()) {
                throw Error(ErrorKind::Input, "image_id " + std::to_string(a["image_id"].get<long long>()) +
                                                  " is not a valid image");
            }
            const auto category = categories.find(a["category_id"].get<long long>());
            if (category == categories.end()) {
                throw Error(
                    ErrorKind::Input,
                    "category_id " + std::to_string(a["category_id"].get<long long>()) + " is not defined");
            }
            ImageAnnotation& target = out.images[image->second];
            SizeLimit::checkMaskBudget(target.size.width, target.size.height, target.instances.size() + 1);
            instance.label = category->second;
            instance.cocoCategoryId = category->first;
            const auto seg = a.find("segmentation");
            const bool boxOnly = seg == a.end() || seg->is_null() || (seg->is_array() && seg->empty());
            if (boxOnly) {
                instance.box = parseBox(a, target.size);
                if (!instance.box) {
                    throw Error(ErrorKind::Input, "has neither a segmentation nor a valid 'bbox'");
                }
                instance.mask = boxMask(*instance.box, target.size);
            } else {
                instance.mask = CocoRle::decode(parseSegmentation(json::parse(seg->dump()), target.size));
            }
            if (auto c = a.find("iscrowd"); c != a.end() && c->is_number_integer()) {
                instance.crowd = c->get<int>() != 0;
            }
            if (auto p = a.find("promptmask"); p != a.end()) {
                instance.provenance = ProvenanceJson::fromJson(json::parse(p->dump()));
            }
            instance.cocoSource = a.dump();
            target.instances.push_back(std::move(instance));
        } catch (const Error& e) {
            fileError(where + ": " + e.what());
        }
        reportProgress(i + 1, annotations.size());
    }
    return true;
}

}  // namespace pm
