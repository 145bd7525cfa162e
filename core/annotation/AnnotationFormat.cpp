#include "annotation/AnnotationFormat.h"

#include <nlohmann/json.hpp>

#include "annotation/CocoFormat.h"
#include "annotation/LabelmeFormat.h"
#include "annotation/PngMasksFormat.h"
#include "util/AtomicFile.h"
#include "util/Error.h"

namespace pm {
namespace fs = std::filesystem;

std::unique_ptr<AnnotationFormat> AnnotationFormat::create(const std::string& name) {
    if (name == "labelme") {
        return std::make_unique<LabelmeFormat>();
    }
    if (name == "coco") {
        return std::make_unique<CocoFormat>();
    }
    if (name == "masks") {
        return std::make_unique<PngMasksFormat>();
    }
    return nullptr;
}

std::vector<std::string> AnnotationFormat::names() {
    return {"labelme", "coco", "masks"};
}

void AnnotationFormat::reset() {
    error_.clear();
    warnings_.clear();
    fileErrors_.clear();
    leftOut_.clear();
}

bool AnnotationFormat::fail(const std::string& message) {
    error_ = message;
    return false;
}

void AnnotationFormat::reportProgress(size_t done, size_t total) const {
    if (progress_) {
        progress_(done, total);
    }
}

void AnnotationFormat::writeOutput(const fs::path& target, std::string_view data,
                                   const std::function<bool(const fs::path&)>& stillParses) {
    std::error_code ec;
    if (fs::exists(target, ec) && !stillParses(target)) {
        const fs::path bak = AtomicFile::backup(target);
        warn("'" + target.string() + "' existed but could not be parsed; kept a copy as '" + bak.string() +
             "'");
    }
    AtomicFile::write(target, data);
}

bool AnnotationFormat::isJsonFile(const fs::path& path) {
    try {
        return !nlohmann::json::parse(AtomicFile::readAll(path)).is_discarded();
    } catch (const std::exception&) {
        return false;
    }
}

}  // namespace pm
