#include "project/ResultAssembler.h"

#include <algorithm>

#include "annotation/DatasetExport.h"
#include "util/Error.h"

namespace fs = std::filesystem;

namespace pm {

ResultAssembler::ResultAssembler(std::string format, std::vector<std::string> labels, fs::path imagesRoot)
    : format_(std::move(format)), labels_(std::move(labels)), imagesRoot_(std::move(imagesRoot)) {
    if (!AnnotationFormat::create(format_)) {
        throw Error(ErrorKind::Usage, "unknown format '" + format_ + "' (coco, labelme or masks)");
    }
}

void ResultAssembler::write(std::vector<Item> items, const fs::path& out, const WriteOptions& options) {
    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.image < b.image; });
    std::vector<std::string> images;
    images.reserve(items.size());
    for (const Item& item : items) {
        images.push_back(item.image);
    }
    DatasetExport exporter(format_, labels_, imagesRoot_, options);
    try {
        exporter.write(
            images, [&](size_t i) { return items[i].store->readResult(items[i].image); }, out);
    } catch (const Error& e) {
        if (e.kind() != ErrorKind::Io) {
            throw;
        }
        throw Error(ErrorKind::Io, out.string() + ": " + e.what());
    }
    problems_ = exporter.fileErrors();
}

}  // namespace pm
