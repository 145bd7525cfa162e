#include "project/ItemStore.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "annotation/CocoRle.h"
#include "annotation/ProvenanceJson.h"
#include "util/AtomicFile.h"
#include "util/Error.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace pm {

namespace {

constexpr const char* kResult = ".json";
constexpr const char* kError = ".error.json";

bool endsWith(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

void makeParent(const fs::path& file) {
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    if (ec) {
        throw Error(ErrorKind::Io,
                    file.parent_path().string() + ": cannot create the folder (" + ec.message() + ")");
    }
}

}  // namespace

ItemStore::ItemStore(fs::path outDir) : root_(std::move(outDir) / "items") {}

fs::path ItemStore::resultPath(const std::string& image) const {
    return root_ / fs::u8path(image + kResult);
}

fs::path ItemStore::errorPath(const std::string& image) const {
    return root_ / fs::u8path(image + kError);
}

bool ItemStore::hasResult(const std::string& image) const {
    std::error_code ec;
    return fs::is_regular_file(resultPath(image), ec);
}

void ItemStore::writeResult(const ImageAnnotation& a) const {
    json instances = json::array();
    for (const Instance& i : a.instances) {
        json o{{"label", i.label}, {"rle", CocoRle::toString(CocoRle::encode(i.mask))}};
        if (i.provenance) {
            o["provenance"] = ProvenanceJson::toJson(*i.provenance);
        }
        instances.push_back(std::move(o));
    }
    const json doc{{"image", a.imagePath},
                   {"width", a.size.width},
                   {"height", a.size.height},
                   {"instances", std::move(instances)}};
    const fs::path path = resultPath(a.imagePath);
    makeParent(path);
    AtomicFile::write(path, doc.dump(-1, ' ', false, json::error_handler_t::replace) + "\n");
    std::error_code ec;
    fs::remove(errorPath(a.imagePath), ec);
}

void ItemStore::writeError(const std::string& image, const std::string& message) const {
    const fs::path path = errorPath(image);
    makeParent(path);
    const json doc{{"image", image}, {"error", message}};
    AtomicFile::write(path, doc.dump(-1, ' ', false, json::error_handler_t::replace) + "\n");
}

ImageAnnotation ItemStore::readResult(const std::string& image) const {
    const fs::path path = resultPath(image);
    try {
        const json doc = json::parse(AtomicFile::readAll(path));
        ImageAnnotation a;
        a.imagePath = image;
        a.size = cv::Size(doc.at("width").get<int>(), doc.at("height").get<int>());
        for (const json& o : doc.at("instances")) {
            Instance i;
            i.label = o.at("label").get<std::string>();
            i.mask = CocoRle::decode(
                CocoRle::fromString(o.at("rle").get<std::string>(), a.size.height, a.size.width));
            if (o.contains("provenance")) {
                i.provenance = ProvenanceJson::fromJson(o["provenance"]);
            }
            a.instances.push_back(std::move(i));
        }
        return a;
    } catch (const json::exception& e) {
        throw Error(ErrorKind::Input, path.string() + ": not a result file (" + e.what() + ")");
    } catch (const Error& e) {
        throw Error(ErrorKind::Input, path.string() + ": " + e.what());
    }
}

std::vector<std::string> ItemStore::scan(const std::string& suffix) const {
    std::vector<std::string> out;
    std::error_code ec;
    if (!fs::is_directory(root_, ec)) {
        return out;
    }
    for (auto it = fs::recursive_directory_iterator(root_, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const std::string rel = it->path().lexically_relative(root_).generic_string();
        if (!it->is_regular_file(ec) || !endsWith(rel, suffix)) {
            continue;
        }
        // A result is "<image>.json" but never "<image>.error.json".
        if (suffix == kResult && endsWith(rel, kError)) {
            continue;
        }
        out.push_back(rel.substr(0, rel.size() - suffix.size()));
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string> ItemStore::results() const {
    return scan(kResult);
}

std::vector<std::pair<std::string, std::string>> ItemStore::errors() const {
    std::vector<std::pair<std::string, std::string>> out;
    for (const std::string& image : scan(kError)) {
        if (hasResult(image)) {
            continue;
        }
        std::string message = "unknown error";
        try {
            message = json::parse(AtomicFile::readAll(errorPath(image))).at("error").get<std::string>();
        } catch (const std::exception&) {
        }
        out.emplace_back(image, message);
    }
    return out;
}

}  // namespace pm
