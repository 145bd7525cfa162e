#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "annotation/Dataset.h"

namespace pm {

// The per-image results of a batch run, one small file per image under `<out>/items/`, each written
// atomically the moment the image is done; no mask stays in memory afterwards. A result file exists
// exactly when its image is finished, which is what --resume and merging rely on:
//   items/<relative image path>.json        {"image", "width", "height", "instances": [{"label",
//                                             "rle": COCO compressed counts, "provenance"}]}
//   items/<relative image path>.error.json  {"image", "error"}: the image could not be labelled
class ItemStore {
public:
    explicit ItemStore(std::filesystem::path outDir);

    const std::filesystem::path& root() const { return root_; }

    bool hasResult(const std::string& image) const;
    // Writes the result (and removes an error record of an earlier attempt). Throws pm::Error(Io).
    void writeResult(const ImageAnnotation& annotation) const;
    void writeError(const std::string& image, const std::string& message) const;

    // Reads one result back, masks decoded. Throws pm::Error(Input) naming the file when it is corrupt.
    ImageAnnotation readResult(const std::string& image) const;

    // Images with a result / with an error record and no result, sorted.
    std::vector<std::string> results() const;
    std::vector<std::pair<std::string, std::string>> errors() const;  // (image, message)

private:
    std::filesystem::path resultPath(const std::string& image) const;
    std::filesystem::path errorPath(const std::string& image) const;
    std::vector<std::string> scan(const std::string& suffix) const;

    std::filesystem::path root_;
};

}  // namespace pm
