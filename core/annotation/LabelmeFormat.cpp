#include "annotation/LabelmeFormat.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <set>

#include "annotation/Base64.h"
#include "annotation/ProvenanceJson.h"
#include "annotation/SafePath.h"
#include "util/AtomicFile.h"
#include "util/Error.h"

namespace pm {
namespace fs = std::filesystem;
using nlohmann::json;

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

Ring circleRing(cv::Point2d c, double r) {
    Ring ring;
    const int n = std::max(16, static_cast<int>(std::ceil(2 * M_PI * r / 2)));
    for (int i = 0; i < n; ++i) {
        const double a = 2 * M_PI * i / n;
        ring.emplace_back(c.x + r * std::cos(a), c.y + r * std::sin(a));
    }
    return ring;
}

}  // namespace

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
            json shapes = json::array();
            for (const auto& instance : image.instances) {
                if (instance.mask.size() != image.size) {
                    fileError(image.imagePath + ": mask of '" + instance.label +
                              "' does not have the image size");
                    continue;
                }
                const std::vector<Ring> rings = MaskPolygons::toRings(instance.mask, polygonOptions);
                if (rings.empty()) {
                    warn(image.imagePath + ": empty mask for '" + instance.label + "' not written");
                    continue;
                }
                int group = instance.groupId;
                if (group < 0 && rings.size() > 1) {
                    group = nextGroup++;  // keeps the parts of one instance together
                }
                for (const Ring& ring : rings) {
                    json points = json::array();
                    for (const auto& p : ring) {
                        points.push_back({p.x, p.y});
                    }
                    json shape{{"label", instance.label},
                               {"points", std::move(points)},
                               {"group_id", group >= 0 ? json(group) : json(nullptr)},
                               {"shape_type", "polygon"},
                               {"flags", json::object()}};
                    if (instance.provenance) {
                        shape["description"] = ProvenanceJson::describe(*instance.provenance);
                        shape["promptmask"] = ProvenanceJson::toJson(*instance.provenance);
                    }
                    shapes.push_back(std::move(shape));
                }
            }
            json doc{{"version", kLabelmeVersion},    {"flags", json::object()},
                     {"shapes", std::move(shapes)},   {"imagePath", imagePath},
                     {"imageData", nullptr},          {"imageHeight", image.size.height},
                     {"imageWidth", image.size.width}};
            if (options.embedImageData) {
                doc["imageData"] = Base64::encode(AtomicFile::readAll(imageFile));
            }
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
    json doc;
    try {
        doc = json::parse(AtomicFile::readAll(file));
    } catch (const json::parse_error& e) {
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

    // Size: imageHeight/imageWidth, else the embedded image, else the image file.
    const auto h = doc.find("imageHeight"), w = doc.find("imageWidth");
    if (h != doc.end() && w != doc.end() && h->is_number_integer() && w->is_number_integer()) {
        image.size = cv::Size(w->get<int>(), h->get<int>());
    } else if (h != doc.end() && !h->is_null() && !h->is_number_integer()) {
        throw Error(ErrorKind::Input, "'imageHeight' is not an integer");
    } else {
        cv::Mat decoded;
        const auto data = doc.find("imageData");
        if (data != doc.end() && data->is_string()) {
            if (auto bytes = Base64::decode(data->get<std::string>())) {
                decoded =
                    cv::imdecode(std::vector<uchar>(bytes->begin(), bytes->end()), cv::IMREAD_UNCHANGED);
            }
        }
        if (decoded.empty()) {
            decoded = cv::imread((imagesRoot / image.imagePath).string(), cv::IMREAD_UNCHANGED);
        }
        if (decoded.empty()) {
            throw Error(ErrorKind::Input, "no imageHeight/imageWidth and the image cannot be read");
        }
        image.size = decoded.size();
    }
    if (image.size.width <= 0 || image.size.height <= 0 || image.size.width > 100000 ||
        image.size.height > 100000) {
        throw Error(ErrorKind::Input, "image size " + std::to_string(image.size.width) + "x" +
                                          std::to_string(image.size.height) + " is out of range");
    }
    if (!fs::exists(imagesRoot / image.imagePath)) {
        warn(file.string() + ": image '" + image.imagePath + "' not found in the images folder");
    }

    // Shapes with the same (label, group_id) are one instance; shapes without group_id stand alone.
    std::map<std::pair<std::string, int>, size_t> groups;
    const double slack = std::max(image.size.width, image.size.height);
    size_t index = 0;
    for (const auto& shape : *shapesIt) {
        const std::string where = file.string() + ": shape " + std::to_string(index++);
        if (!shape.is_object() || !shape.contains("label") || !shape["label"].is_string() ||
            !shape.contains("points") || !shape["points"].is_array()) {
            fileError(where + ": needs a string 'label' and a list 'points'");
            continue;
        }
        const std::string label = shape["label"].get<std::string>();
        std::string type = "polygon";
        if (auto t = shape.find("shape_type"); t != shape.end() && !t->is_null()) {
            if (!t->is_string()) {
                fileError(where + " ('" + label + "'): 'shape_type' is not a string");
                continue;
            }
            type = t->get<std::string>();
        }
        int group = -1;
        if (auto g = shape.find("group_id"); g != shape.end() && !g->is_null()) {
            if (!g->is_number_integer()) {
                fileError(where + " ('" + label + "'): 'group_id' is not an integer");
                continue;
            }
            group = g->get<int>();
        }
        Ring ring;
        bool ok = true;
        for (const auto& p : shape["points"]) {
            if (!p.is_array() || p.size() != 2 || !p[0].is_number() || !p[1].is_number()) {
                ok = false;
                break;
            }
            const cv::Point2d q(p[0].get<double>(), p[1].get<double>());
            if (!std::isfinite(q.x) || !std::isfinite(q.y)) {
                ok = false;
                break;
            }
            ring.push_back(q);
        }
        if (!ok) {
            fileError(where + " ('" + label + "'): every point must be a pair of finite numbers");
            continue;
        }
        const bool far = std::any_of(ring.begin(), ring.end(), [&](const cv::Point2d& q) {
            return q.x < -slack || q.y < -slack || q.x > image.size.width + slack ||
                   q.y > image.size.height + slack;
        });
        if (far) {
            fileError(where + " ('" + label + "'): points lie far outside the " +
                      std::to_string(image.size.width) + "x" + std::to_string(image.size.height) + " image");
            continue;
        }
        if (type == "polygon") {
            if (ring.size() < 3) {
                fileError(where + " ('" + label + "'): a polygon needs at least 3 points, got " +
                          std::to_string(ring.size()));
                continue;
            }
        } else if (type == "rectangle" && ring.size() == 2) {
            ring = {ring[0], {ring[1].x, ring[0].y}, ring[1], {ring[0].x, ring[1].y}};
        } else if (type == "circle" && ring.size() == 2) {
            ring = circleRing(ring[0], cv::norm(ring[1] - ring[0]));
        } else {
            warn(where + " ('" + label + "'): shape_type '" + type + "' with " + std::to_string(ring.size()) +
                 " points is not an area; skipped");
            continue;
        }
        const cv::Mat mask = MaskPolygons::rasterizePil({ring}, image.size);
        std::optional<Provenance> provenance;
        if (auto p = shape.find("promptmask"); p != shape.end()) {
            provenance = ProvenanceJson::fromJson(*p);
        }
        auto key = std::make_pair(label, group);
        auto found = groups.find(key);
        if (group >= 0 && found != groups.end()) {
            Instance& instance = image.instances[found->second];
            instance.mask |= mask;
            continue;
        }
        Instance instance;
        instance.label = label;
        instance.groupId = group;
        instance.mask = mask;
        instance.provenance = provenance;
        out.labelIndex(label);
        if (group >= 0) {
            groups[key] = image.instances.size();
        }
        image.instances.push_back(std::move(instance));
    }
    out.images.push_back(std::move(image));
}

}  // namespace pm
