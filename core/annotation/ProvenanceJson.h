#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "annotation/Dataset.h"

namespace pm {

// The `promptmask` object stored beside an annotation in COCO and labelme files:
// {"prompts": [...], "threshold": 0.5, "model_id": "...", "model_name": "..."}.
class ProvenanceJson {
public:
    static nlohmann::json toJson(const Provenance& p);
    // nullopt when `j` is not such an object (a malformed record is ignored, not fatal).
    static std::optional<Provenance> fromJson(const nlohmann::json& j);
    // One line for humans: "promptmask: prompts 'a glass'; threshold 0.5; model <name> (<id>)".
    static std::string describe(const Provenance& p);
};

}  // namespace pm
