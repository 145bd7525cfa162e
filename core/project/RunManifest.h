#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace pm {

// `<out>/run.json` of a batch run: what the results in `<out>/items` were made from. --resume refuses to
// continue a run with other settings (the results would mix), and merge refuses shards that disagree.
struct RunManifest {
    std::string imagesRoot;           // absolute
    std::vector<std::string> labels;  // names, in label-set order (the category order of the output)
    nlohmann::json provenance;        // per label: ProvenanceJson of what produced its masks
    std::string shard = "0/1";
    std::string format;
    size_t imagesInDataset = 0;  // all images of the folder, before sharding
    size_t imagesInShard = 0;

    nlohmann::json toJson() const;
    // Throws pm::Error(Input) naming the file when it is missing or not a run manifest.
    static RunManifest load(const std::filesystem::path& outDir);
    void save(const std::filesystem::path& outDir) const;

    // Empty when `other` made compatible results (same images folder, labels and provenance), else what
    // differs, for an error message.
    std::string differenceTo(const RunManifest& other) const;

    static std::filesystem::path path(const std::filesystem::path& outDir) { return outDir / "run.json"; }
};

}  // namespace pm
