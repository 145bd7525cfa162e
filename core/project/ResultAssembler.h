#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "annotation/AnnotationFormat.h"
#include "project/ItemStore.h"

namespace pm {

// Writes per-image results (ItemStore) as one dataset in an export format, through the export's own
// DatasetExport (the writers of CocoFormat, LabelmeFormat, PngMasksFormat). Images are written in sorted
// path order and labels in label-set order, so the COCO ids depend only on the set of images, never on
// how many shards produced them: a merged sharded run is byte for byte the single run. Memory stays
// bounded: DatasetExport reads the results back a chunk at a time and streams the COCO file.
class ResultAssembler {
public:
    struct Item {
        std::string image;       // relative path
        const ItemStore* store;  // where its result lies
    };

    ResultAssembler(std::string format, std::vector<std::string> labels, std::filesystem::path imagesRoot);

    // `items` in any order (sorted here). `out` is the COCO file, or the labelme / masks folder.
    // Throws pm::Error (Usage for an unknown format, Input for a corrupt result, Io for the output).
    void write(std::vector<Item> items, const std::filesystem::path& out, const WriteOptions& options = {});

    // Problems the writers reported for single images or annotations (the rest was written).
    const std::vector<std::string>& problems() const { return problems_; }

private:
    std::string format_;
    std::vector<std::string> labels_;
    std::filesystem::path imagesRoot_;
    std::vector<std::string> problems_;
};

}  // namespace pm
