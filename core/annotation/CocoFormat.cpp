#include "annotation/CocoFormat.h"

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "annotation/CocoRle.h"
#include "annotation/ProvenanceJson.h"
#include "annotation/SafePath.h"
#include "util/AtomicFile.h"
#include "util/Error.h"
#include "util/Version.h"

namespace pm {
namespace fs = std::filesystem;
using nlohmann::json;

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
        const int h = (*s)[0].get<int>(), w = (*s)[1].get<int>();
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

// Category id of every label: the id it had in the COCO file it was read from, when that id is still
// free; otherwise the next number after the highest kept id (so a dataset that never was COCO gets
// 1..N in label order).
std::map<std::string, long long> assignCategoryIds(const Dataset& dataset) {
    std::map<std::string, long long> ids;
    std::set<long long> used;
    for (const std::string& label : dataset.labels) {
        const auto kept = dataset.cocoCategories.find(label);
        if (kept != dataset.cocoCategories.end() && kept->second.id >= 0 &&
            used.insert(kept->second.id).second) {
            ids[label] = kept->second.id;
        }
    }
    long long next = used.empty() ? 1 : *used.rbegin() + 1;
    for (const std::string& label : dataset.labels) {
        if (!ids.count(label)) {
            ids[label] = next++;
        }
    }
    return ids;
}

}  // namespace

bool CocoFormat::write(const Dataset& dataset, const fs::path& out, const WriteOptions& options) {
    reset();
    PolygonOptions polygonOptions = options.polygons;
    polygonOptions.convention = PolygonConvention::PixelCorners;
    json images = json::array(), annotations = json::array(), categories = json::array();
    const std::map<std::string, long long> categoryIds = assignCategoryIds(dataset);
    for (const std::string& label : dataset.labels) {
        const auto kept = dataset.cocoCategories.find(label);
        const bool hasSuper = kept != dataset.cocoCategories.end() && !kept->second.supercategory.empty();
        categories.push_back({{"id", categoryIds.at(label)},
                              {"name", label},
                              {"supercategory", hasSuper ? kept->second.supercategory : "object"}});
    }
    size_t annotationId = 0;
    for (size_t i = 0; i < dataset.images.size(); ++i) {
        const ImageAnnotation& image = dataset.images[i];
        const size_t imageId = i + 1;
        images.push_back({{"id", imageId},
                          {"file_name", image.imagePath},
                          {"width", image.size.width},
                          {"height", image.size.height}});
        for (const auto& instance : image.instances) {
            const auto category = categoryIds.find(instance.label);
            if (category == categoryIds.end()) {
                fileError(image.imagePath + ": label '" + instance.label +
                          "' is not in the dataset's label list");
                continue;
            }
            if (instance.mask.size() != image.size || instance.mask.type() != CV_8UC1) {
                fileError(image.imagePath + ": mask of '" + instance.label +
                          "' does not match the image size");
                continue;
            }
            const bool useRle =
                instance.crowd || options.segmentation == SegmentationMode::Rle ||
                (options.segmentation == SegmentationMode::Auto && MaskPolygons::hasHoles(instance.mask));
            json segmentation;
            Rle encoded;
            if (useRle) {
                encoded = CocoRle::encode(MaskPolygons::removeSpecks(instance.mask, polygonOptions.minArea));
                segmentation = rleJson(encoded);
            } else {
                std::vector<std::vector<double>> polygons;
                for (const Ring& ring : MaskPolygons::toRings(instance.mask, polygonOptions)) {
                    polygons.push_back(MaskPolygons::flatten(ring));
                }
                if (polygons.empty()) {
                    warn(image.imagePath + ": empty mask for '" + instance.label + "' not written");
                    continue;
                }
                encoded = CocoRle::fromPolygons(polygons, image.size.height, image.size.width);
                segmentation = polygons;
            }
            const uint64_t area = CocoRle::area(encoded);
            if (area == 0) {
                warn(image.imagePath + ": empty mask for '" + instance.label + "' not written");
                continue;
            }
            const auto box = CocoRle::bbox(encoded);
            json annotation{{"id", ++annotationId},
                            {"image_id", imageId},
                            {"category_id", category->second},
                            {"segmentation", std::move(segmentation)},
                            {"area", area},
                            {"bbox", {box[0], box[1], box[2], box[3]}},
                            {"iscrowd", instance.crowd ? 1 : 0}};
            if (instance.provenance) {
                annotation["promptmask"] = ProvenanceJson::toJson(*instance.provenance);
            }
            annotations.push_back(std::move(annotation));
        }
        reportProgress(i + 1, dataset.images.size());
    }
    json doc{{"info", {{"description", "Exported by PromptMask"}, {"version", kVersion}}},
             {"licenses", json::array()},
             {"images", std::move(images)},
             {"annotations", std::move(annotations)},
             {"categories", std::move(categories)}};
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
    json doc;
    try {
        doc = json::parse(AtomicFile::readAll(in));
    } catch (const json::parse_error& e) {
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
    // Categories, ordered by id.
    std::map<long long, std::string> categories;
    std::map<long long, std::string> supercategories;
    if (doc.contains("categories") && doc["categories"].is_array()) {
        for (const auto& c : doc["categories"]) {
            if (!c.is_object() || !c.contains("id") || !c["id"].is_number_integer() || !c.contains("name") ||
                !c["name"].is_string()) {
                fileError(file + ": a category needs an integer 'id' and a string 'name'");
                continue;
            }
            const long long id = c["id"].get<long long>();
            if (categories.count(id)) {
                warn(file + ": category id " + std::to_string(id) + " is defined twice; the first ('" +
                     categories[id] + "') is used");
                continue;
            }
            categories[id] = c["name"].get<std::string>();
            const auto super = c.find("supercategory");
            supercategories[id] = super != c.end() && super->is_string() ? super->get<std::string>() : "";
        }
    }
    for (const auto& [id, name] : categories) {
        out.labelIndex(name);
        const auto [kept, isNew] = out.cocoCategories.emplace(name, CocoCategory{id, supercategories[id]});
        if (!isNew && kept->second.id != id) {
            warn(file + ": categories " + std::to_string(kept->second.id) + " and " + std::to_string(id) +
                 " are both named '" + name + "'; their annotations are written as category " +
                 std::to_string(kept->second.id));
        }
    }
    // Images.
    std::map<long long, size_t> imageIndex;
    for (size_t i = 0; i < doc["images"].size(); ++i) {
        const json& im = doc["images"][i];
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
            image.size = cv::Size(im["width"].get<int>(), im["height"].get<int>());
            if (image.size.width <= 0 || image.size.height <= 0 || image.size.width > 100000 ||
                image.size.height > 100000) {
                throw Error(ErrorKind::Input, "image size out of range");
            }
            const long long id = im["id"].get<long long>();
            if (imageIndex.count(id)) {
                throw Error(ErrorKind::Input, "duplicate image id " + std::to_string(id));
            }
            if (!fs::exists(imagesRoot / image.imagePath)) {
                warn(where + ": image '" + image.imagePath + "' not found in the images folder");
            }
            imageIndex[id] = out.images.size();
            out.images.push_back(std::move(image));
        } catch (const Error& e) {
            fileError(where + ": " + e.what());
        }
    }
    // Annotations.
    const json annotations = doc.value("annotations", json::array());
    for (size_t i = 0; i < annotations.size(); ++i) {
        const json& a = annotations[i];
        std::string where = file + ": annotations[" + std::to_string(i) + "]";
        try {
            if (!a.is_object() || !a.contains("image_id") || !a["image_id"].is_number_integer() ||
                !a.contains("category_id") || !a["category_id"].is_number_integer()) {
                throw Error(ErrorKind::Input, "needs integer 'image_id' and 'category_id'");
            }
            if (a.contains("id") && a["id"].is_number_integer()) {
                where += " (id " + std::to_string(a["id"].get<long long>()) + ")";
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
            if (!a.contains("segmentation")) {
                warn(where + ": no segmentation; skipped");
                continue;
            }
            ImageAnnotation& target = out.images[image->second];
            Instance instance;
            instance.label = category->second;
            instance.mask = CocoRle::decode(parseSegmentation(a["segmentation"], target.size));
            if (auto c = a.find("iscrowd"); c != a.end() && c->is_number_integer()) {
                instance.crowd = c->get<int>() != 0;
            }
            if (auto p = a.find("promptmask"); p != a.end()) {
                instance.provenance = ProvenanceJson::fromJson(*p);
            }
            target.instances.push_back(std::move(instance));
        } catch (const Error& e) {
            fileError(where + ": " + e.what());
        }
        reportProgress(i + 1, annotations.size());
    }
    return true;
}

}  // namespace pm
