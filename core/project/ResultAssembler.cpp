#include "project/ResultAssembler.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "util/AtomicFile.h"
#include "util/Error.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace pm {

namespace {

// "a/cat" for "a/cat.jpg": the masks format names its files by stem, and sorts out "cat.jpg" beside
// "cat.png" only within one write, so a chunk never splits images of one stem.
std::string stemOf(const std::string& image) {
    const fs::path p(image);
    return (p.parent_path() / p.stem()).generic_string();
}

struct ScratchDir {
    fs::path path;
    explicit ScratchDir(fs::path p) : path(std::move(p)) {
        std::error_code ec;
        fs::remove_all(path, ec);
        fs::create_directories(path, ec);
        if (ec) {
            throw Error(ErrorKind::Io,
                        path.string() + ": cannot create a scratch folder (" + ec.message() + ")");
        }
    }
    ~ScratchDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

}  // namespace

ResultAssembler::ResultAssembler(std::string format, std::vector<std::string> labels, fs::path imagesRoot)
    : format_(std::move(format)), labels_(std::move(labels)), imagesRoot_(std::move(imagesRoot)) {
    if (!AnnotationFormat::create(format_)) {
        throw Error(ErrorKind::Usage, "unknown format '" + format_ + "' (coco, labelme or masks)");
    }
}

void ResultAssembler::write(std::vector<Item> items, const fs::path& out, const WriteOptions& options) {
    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.image < b.image; });
    problems_.clear();
    const bool coco = format_ == "coco";
    const bool masks = format_ == "masks";
    std::error_code ec;
    const fs::path target = fs::absolute(out).lexically_normal();
    fs::create_directories(coco ? target.parent_path() : target, ec);
    if (ec) {
        throw Error(ErrorKind::Io, target.string() + ": cannot create the folder (" + ec.message() + ")");
    }
    const ScratchDir scratch(target.parent_path() / ("." + target.filename().string() + ".parts"));

    // ordered_json: the COCO writer keeps key order (and the keys of other tools), so the merge must too.
    nlohmann::ordered_json cocoDoc;
    json maskImages = json::array();
    json maskLabels;
    long long imageOffset = 0, annotationOffset = 0;
    size_t next = 0;
    do {
        Dataset chunk;
        chunk.imagesRoot = imagesRoot_;
        chunk.labels = labels_;
        while (next < items.size() &&
               (chunk.images.size() < kChunkImages ||
                (masks && stemOf(items[next].image) == stemOf(chunk.images.back().imagePath)))) {
            chunk.images.push_back(items[next].store->readResult(items[next].image));
            ++next;
        }
        auto writer = AnnotationFormat::create(format_);
        const fs::path chunkOut = coco    ? scratch.path / "chunk.json"
                                  : masks ? scratch.path / "chunk"
                                          : target;
        if (!writer->write(chunk, chunkOut, options)) {
            throw Error(ErrorKind::Io, out.string() + ": " + writer->errorString());
        }
        problems_.insert(problems_.end(), writer->fileErrors().begin(), writer->fileErrors().end());
        if (coco) {
            nlohmann::ordered_json part = nlohmann::ordered_json::parse(AtomicFile::readAll(chunkOut));
            if (cocoDoc.is_null()) {
                cocoDoc = part;
                cocoDoc["images"] = json::array();
                cocoDoc["annotations"] = json::array();
            }
            long long maxImage = imageOffset, maxAnnotation = annotationOffset;
            for (nlohmann::ordered_json& im : part["images"]) {
                im["id"] = im["id"].get<long long>() + imageOffset;
                maxImage = std::max(maxImage, im["id"].get<long long>());
                cocoDoc["images"].push_back(std::move(im));
            }
            for (nlohmann::ordered_json& a : part["annotations"]) {
                a["id"] = a["id"].get<long long>() + annotationOffset;
                a["image_id"] = a["image_id"].get<long long>() + imageOffset;
                maxAnnotation = std::max(maxAnnotation, a["id"].get<long long>());
                cocoDoc["annotations"].push_back(std::move(a));
            }
            imageOffset = maxImage;
            annotationOffset = maxAnnotation;
        } else if (masks) {
            // Move the chunk's files into place; its labels.json lists only the chunk's images.
            for (auto it = fs::recursive_directory_iterator(chunkOut);
                 it != fs::recursive_directory_iterator(); ++it) {
                const fs::path rel = it->path().lexically_relative(chunkOut);
                if (it->is_directory()) {
                    fs::create_directories(target / rel);
                } else if (rel == "labels.json") {
                    json part = json::parse(AtomicFile::readAll(it->path()));
                    maskLabels = part["labels"];
                    for (json& im : part["images"]) {
                        maskImages.push_back(std::move(im));
                    }
                } else {
                    fs::rename(it->path(), target / rel);
                }
            }
            fs::remove_all(chunkOut, ec);
        }
    } while (next < items.size());

    if (coco) {
        AtomicFile::write(target, cocoDoc.dump(2) + "\n");
    } else if (masks) {
        AtomicFile::write(target / "labels.json",
                          json{{"labels", maskLabels}, {"images", std::move(maskImages)}}.dump(2) + "\n");
    }
}

}  // namespace pm
