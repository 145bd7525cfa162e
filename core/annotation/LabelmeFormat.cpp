#include "annotation/LabelmeFormat.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <set>

#include "annotation/Base64.h"
#include "annotation/LabelmeShape.h"
#include "annotation/ProvenanceJson.h"
#include "annotation/SafePath.h"
#include "annotation/SizeLimit.h"
#include "image/ImageHeader.h"
#include "util/AtomicFile.h"
#include "util/Error.h"

namespace pm {
namespace fs = std::filesystem;
using nlohmann::json;
using nlohmann::ordered_json;

namespace {

constexpr const char* kLabelmeVersion = "5.1.1";

fs::path canonicalish(const fs::path& p) {
    std::error_code ec;
    fs::path c = fs::weakly_canonical(fs::absolute(p), ec);
    return ec ? fs::absolute(p).lexically_normal() : c;
}

// "<dir>/<stem>.json" per image; when two images share a stem ("cat.jpg", "cat.png") the later one
// keeps its extension ("cat.png.json").
std::vector<fs::path> jsonNames(const Dataset& dataset, std::vector<std::string>& renamed) {
    std::vector<fs::path> names;
    std::set<std::string> used;
    for (const auto& image : dataset.images) {
        const fs::path rel(image.imagePath);
        fs::path name = rel.parent_path() / (rel.stem().string() + ".json");
        if (!used.insert(name.generic_string()).second) {
            name = rel.parent_path() / (rel.filename().string() + ".json");
            used.insert(name.generic_string());
            renamed.push_back(image.imagePath + " -> " + name.generic_string());
        }
        names.push_back(name);
    }
    return names;
}

std::string extensionOf(const ImageHeader& header) {
    if (header.format == "jpeg") {
        return ".jpg";
    }
    if (header.format == "tiff") {
        return ".tif";
    }
    if (header.format == "sunraster") {
        return ".ras";
    }
    return "." + header.format;  // png, bmp, webp, pnm
}

// True when the labelme shapes `sources` draw exactly `mask` (so they can be written back unchanged).
bool stillDraws(const ordered_json& sources, const cv::Mat& mask) {
    if (sources.empty()) {
        return false;
    }
    cv::Mat drawn(mask.size(), CV_8UC1, cv::Scalar(0));
    try {
        for (const auto& source : sources) {
            LabelmeShape::parse(json::parse(source.dump()), mask.size()).draw(drawn);
        }
    } catch (const Error&) {
        return false;
    }
    return cv::countNonZero(drawn != (mask != 0)) == 0;
}

}  // namespace

void LabelmeFormat::reportMergedCategories(const Dataset& dataset) {
    // labelme keys classes by name: categories that share a name become one class.
    std::map<std::string, std::vector<long long>> idsByName;
    for (const auto& c : dataset.cocoCategories) {
        idsByName[c.name].push_back(c.id);
    }
    for (const auto& [name, ids] : idsByName) {
        if (ids.size() < 2) {
            continue;
        }
        std::map<long long, size_t> counts;
        for (const auto& image : dataset.images) {
            for (const auto& instance : image.instances) {
                if (instance.label == name) {
                    ++counts[instance.cocoCategoryId];
                }
            }
        }
        std::string detail;
        for (const long long id : ids) {
            detail += (detail.empty() ? "" : ", ") + std::to_string(counts[id]) + " of category " +
                      std::to_string(id);
        }
        warn(std::to_string(ids.size()) + " COCO categories share the name '" + name +
             "'; labelme keys classes by name, so their annotations are all labelled '" + name + "' (" +
             detail + ")");
    }
}

bool LabelmeFormat::write(const Dataset& dataset, const fs::path& out, const WriteOptions& options) {
    reset();
    std::error_code ec;
    fs::create_directories(out, ec);
    if (!fs::is_directory(out)) {
        return fail("cannot create output folder '" + out.string() + "'");
    }
    PolygonOptions polygonOptions = options.polygons;
    polygonOptions.convention = PolygonConvention::PixelCenters;
    std::vector<std::string> renamed;
    const std::vector<fs::path> names = jsonNames(dataset, renamed);
    for (const auto& r : renamed) {
        warn("two images share a name; wrote " + r);
    }
    reportMergedCategories(dataset);
    for (size_t i = 0; i < dataset.images.size(); ++i) {
        const ImageAnnotation& image = dataset.images[i];
        try {
            const fs::path target = SafePath::outputInside(out, names[i]);
            fs::create_directories(target.parent_path());
            const fs::path imageFile = dataset.imagesRoot / image.imagePath;
            const std::string imagePath = canonicalish(imageFile)
                                              .lexically_relative(canonicalish(target.parent_path()))
                                              .generic_string();

            int nextGroup = 0;
            for (const auto& instance : image.instances) {
                nextGroup = std::max(nextGroup, instance.groupId + 1);
            }
            ordered_json shapes = ordered_json::array();
            for (const auto& instance : image.instances) {
                if (instance.mask.size() != image.size) {
                    fileError(image.imagePath + ": mask of '" + instance.label +
                              "' does not have the image size");
                    continue;
                }
                ordered_json sources = instance.labelmeSource.empty()
                                           ? ordered_json::array()
                                           : ordered_json::parse(instance.labelmeSource);
                if (!options.retrace && stillDraws(sources, instance.mask)) {
                    for (auto& shape : sources) {
                        shape["label"] = instance.label;
                        shapes.push_back(std::move(shape));
                    }
                    continue;
                }
                // Keys of the source shape that are not geometry (flags, description, attributes, ...).
                ordered_json base = sources.empty() ? ordered_json::object() : sources[0];
                for (const char* key : {"points", "shape_type", "mask", "box_only"}) {
                    base.erase(key);
                }
                base["label"] = instance.label;
                if (!base.contains("flags")) {
                    base["flags"] = ordered_json::object();
                }
                if (instance.provenance) {
                    base["description"] = ProvenanceJson::describe(*instance.provenance);
                    base["promptmask"] =
                        ordered_json::parse(ProvenanceJson::toJson(*instance.provenance).dump());
                }
                if (instance.box) {
                    // A box without a mask stays a box, marked so that it reads back as one.
                    const auto& b = *instance.box;
                    ordered_json shape = base;
                    shape["points"] = {{b[0], b[1]}, {b[0] + b[2], b[1] + b[3]}};
                    shape["group_id"] =
                        instance.groupId >= 0 ? ordered_json(instance.groupId) : ordered_json(nullptr);
                    shape["shape_type"] = "rectangle";
                    shape["box_only"] = true;
                    shapes.push_back(std::move(shape));
                    continue;
                }
                const std::vector<Ring> rings = MaskPolygons::toRings(instance.mask, polygonOptions);
                if (rings.empty()) {
                    warn(image.imagePath + ": empty mask for '" + instance.label + "' not written");
                    leaveOut("empty masks");
                    continue;
                }
                int group = instance.groupId;
                if (group < 0 && rings.size() > 1) {
                    group = nextGroup++;  // keeps the parts of one instance together
                }
                for (const Ring& ring : rings) {
                    ordered_json points = ordered_json::array();
                    for (const auto& p : ring) {
                        points.push_back({p.x, p.y});
                    }
                    ordered_json shape = base;
                    shape["points"] = std::move(points);
                    shape["group_id"] = group >= 0 ? ordered_json(group) : ordered_json(nullptr);
                    shape["shape_type"] = "polygon";
                    shapes.push_back(std::move(shape));
                }
            }
            for (const std::string& other : image.otherShapes) {
                shapes.push_back(ordered_json::parse(other));
            }
            ordered_json doc = image.labelmeSource.empty() ? ordered_json{{"version", kLabelmeVersion},
                                                                          {"flags", ordered_json::object()}}
                                                           : ordered_json::parse(image.labelmeSource);
            doc["shapes"] = std::move(shapes);
            doc["imagePath"] = imagePath;
            doc["imageData"] = nullptr;
            if (options.embedImageData) {
                doc["imageData"] = !image.imageData.empty() ? image.imageData
                                                            : Base64::encode(AtomicFile::readAll(imageFile));
            }
            doc["imageHeight"] = image.size.height;
            doc["imageWidth"] = image.size.width;
            writeOutput(target, doc.dump(2) + "\n", isJsonFile);
        } catch (const Error& e) {
            fileError(image.imagePath + ": " + e.what());
        }
        reportProgress(i + 1, dataset.images.size());
    }
    return true;
}

bool LabelmeFormat::read(const fs::path& in, const fs::path& imagesRoot, Dataset& out) {
    reset();
    out.imagesRoot = imagesRoot;
    std::vector<fs::path> files;
    std::error_code ec;
    if (fs::is_directory(in, ec)) {
        for (auto it = fs::recursive_directory_iterator(in, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (it->is_regular_file() && it->path().extension() == ".json") {
                files.push_back(it->path());
            }
        }
        std::sort(files.begin(), files.end());
    } else if (fs::is_regular_file(in, ec)) {
        files.push_back(in);
    } else {
        return fail("labelme input '" + in.string() + "' is neither a .json file nor a folder");
    }
    if (!fs::is_directory(imagesRoot)) {
        return fail("images folder '" + imagesRoot.string() + "' does not exist");
    }
    for (size_t i = 0; i < files.size(); ++i) {
        try {
            readFile(files[i], imagesRoot, out);
        } catch (const std::exception& e) {
            fileError(files[i].string() + ": " + e.what());
        }
        reportProgress(i + 1, files.size());
    }
    return true;
}

void LabelmeFormat::readFile(const fs::path& file, const fs::path& imagesRoot, Dataset& out) {
    ordered_json doc;
    try {
        doc = ordered_json::parse(AtomicFile::readAll(file));
    } catch (const ordered_json::parse_error& e) {
        throw Error(ErrorKind::Input, std::string("not valid JSON (") + e.what() + ")");
    }
    if (!doc.is_object()) {
        throw Error(ErrorKind::Input, "not a labelme file: the top level is not an object");
    }
    const auto imagePathIt = doc.find("imagePath");
    if (imagePathIt == doc.end() || !imagePathIt->is_string()) {
        throw Error(ErrorKind::Input, "'imagePath' is missing or not a string");
    }
    const auto shapesIt = doc.find("shapes");
    if (shapesIt == doc.end() || !shapesIt->is_array()) {
        throw Error(ErrorKind::Input, "'shapes' is missing or not a list");
    }
    ImageAnnotation image;
    image.imagePath =
        SafePath::resolveInside(imagesRoot, file.parent_path(), imagePathIt->get<std::string>());

    // The picture: the file imagePath names when it is a readable image, else the one in imageData
    // (labelme's tutorial files name the JSON itself), named after the JSON file.
    std::optional<ImageHeader> picture = ImageHeader::read((imagesRoot / image.imagePath).string());
    const auto data = doc.find("imageData");
    if (data != doc.end() && data->is_string() && !data->get<std::string>().empty()) {
        image.imageData = data->get<std::string>();
        if (!picture) {
            const auto bytes = Base64::decode(image.imageData);
            const auto embedded = bytes ? ImageHeader::parseBytes(*bytes) : std::nullopt;
            if (!embedded) {
                throw Error(
                    ErrorKind::Input,
                    "'" + image.imagePath + "' is not a readable image and imageData is not an image either");
            }
            SizeLimit::check("embedded image", embedded->width, embedded->height);
            const std::string named = SafePath::resolveInside(imagesRoot, file.parent_path(),
                                                              file.stem().string() + extensionOf(*embedded));
            warn(file.string() + ": imagePath '" + imagePathIt->get<std::string>() +
                 "' is not a readable image; using the image in imageData, named '" + named + "'");
            image.imagePath = named;
            picture = embedded;
        }
    }

    // Size: imageHeight/imageWidth, else the picture's header. Checked before any mask is allocated.
    const auto h = doc.find("imageHeight"), w = doc.find("imageWidth");
    const bool declared = h != doc.end() && w != doc.end() && !h->is_null() && !w->is_null();
    if (declared) {
        if (!h->is_number_integer() || !w->is_number_integer()) {
            throw Error(ErrorKind::Input, "'imageHeight'/'imageWidth' are not integers");
        }
        SizeLimit::check("declared image size", w->get<long long>(), h->get<long long>());
        image.size = cv::Size(w->get<int>(), h->get<int>());
    } else if (picture) {
        SizeLimit::check("image size", picture->orientedSize().width, picture->orientedSize().height);
        image.size = picture->orientedSize();
    } else {
        throw Error(ErrorKind::Input, "no imageHeight/imageWidth and the image cannot be read");
    }
    if (!picture && !fs::exists(imagesRoot / image.imagePath)) {
        warn(file.string() + ": image '" + image.imagePath + "' not found in the images folder");
    }

    // Shapes with the same (label, group_id) are one instance; shapes without group_id stand alone.
    std::map<std::pair<std::string, int>, size_t> groups;
    size_t index = 0;
    for (const auto& shapeJson : *shapesIt) {
        const std::string where = file.string() + ": shape " + std::to_string(index++);
        LabelmeShape shape;
        try {
            shape = LabelmeShape::parse(json::parse(shapeJson.dump()), image.size);
        } catch (const Error& e) {
            const bool named =
                shapeJson.is_object() && shapeJson.contains("label") && shapeJson["label"].is_string();
            fileError(where + (named ? " ('" + shapeJson["label"].get<std::string>() + "')" : "") + ": " +
                      e.what());
            continue;
        }
        if (!shape.isArea()) {
            image.otherShapes.push_back(shapeJson.dump());
            continue;
        }
        const auto key = std::make_pair(shape.label, shape.groupId);
        const auto found = shape.groupId >= 0 ? groups.find(key) : groups.end();
        if (found != groups.end()) {
            Instance& instance = image.instances[found->second];
            shape.draw(instance.mask);
            ordered_json sources = ordered_json::parse(instance.labelmeSource);
            sources.push_back(shapeJson);
            instance.labelmeSource = sources.dump();
            continue;
        }
        SizeLimit::checkMaskBudget(image.size.width, image.size.height, image.instances.size() + 1);
        Instance instance;
        instance.label = shape.label;
        instance.groupId = shape.groupId;
        instance.mask = cv::Mat(image.size, CV_8UC1, cv::Scalar(0));
        shape.draw(instance.mask);
        instance.labelmeSource = ordered_json::array({shapeJson}).dump();
        if (auto p = shapeJson.find("promptmask"); p != shapeJson.end()) {
            instance.provenance = ProvenanceJson::fromJson(json::parse(p->dump()));
        }
        if (auto b = shapeJson.find("box_only");
            b != shapeJson.end() && *b == true && shape.type == "rectangle" && shape.points.size() == 2) {
            const cv::Point2d a = shape.points[0], c = shape.points[1];
            instance.box = std::array<double, 4>{std::min(a.x, c.x), std::min(a.y, c.y), std::abs(c.x - a.x),
                                                 std::abs(c.y - a.y)};
        }
        out.labelIndex(shape.label);
        if (shape.groupId >= 0) {
            groups[key] = image.instances.size();
        }
        image.instances.push_back(std::move(instance));
    }
    ordered_json top = doc;
    top.erase("shapes");
    top.erase("imageData");
    image.labelmeSource = top.dump();
    out.images.push_back(std::move(image));
}

}  // namespace pm
