#include "project/RunManifest.h"

#include "util/AtomicFile.h"
#include "util/Error.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace pm {

namespace {
constexpr const char* kFormat = "promptmask-label-run";
}

json RunManifest::toJson() const {
    return json{{"format", kFormat},
                {"version", 1},
                {"images", imagesRoot},
                {"labels", labels},
                {"provenance", provenance},
                {"shard", shard},
                {"output_format", format},
                {"images_in_dataset", imagesInDataset},
                {"images_in_shard", imagesInShard}};
}

RunManifest RunManifest::load(const fs::path& outDir) {
    const fs::path file = path(outDir);
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) {
        throw Error(ErrorKind::Input,
                    outDir.string() + ": not the output of promptmask-cli label (no run.json)");
    }
    try {
        const json j = json::parse(AtomicFile::readAll(file));
        if (j.value("format", "") != kFormat) {
            throw Error(ErrorKind::Input, file.string() + ": not a label run manifest");
        }
        RunManifest m;
        m.imagesRoot = j.at("images").get<std::string>();
        m.labels = j.at("labels").get<std::vector<std::string>>();
        m.provenance = j.at("provenance");
        m.shard = j.at("shard").get<std::string>();
        m.format = j.at("output_format").get<std::string>();
        m.imagesInDataset = j.at("images_in_dataset").get<size_t>();
        m.imagesInShard = j.at("images_in_shard").get<size_t>();
        return m;
    } catch (const json::exception& e) {
        throw Error(ErrorKind::Input, file.string() + ": not a label run manifest (" + e.what() + ")");
    }
}

void RunManifest::save(const fs::path& outDir) const {
    AtomicFile::write(path(outDir), toJson().dump(2) + "\n");
}

std::string RunManifest::differenceTo(const RunManifest& o) const {
    if (imagesRoot != o.imagesRoot) {
        return "images folder " + o.imagesRoot + " instead of " + imagesRoot;
    }
    if (labels != o.labels) {
        return "other labels";
    }
    if (provenance != o.provenance) {
        return "other prompts, thresholds or model";
    }
    return {};
}

}  // namespace pm
