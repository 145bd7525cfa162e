#include "annotation/ProvenanceJson.h"

#include <sstream>

namespace pm {

nlohmann::json ProvenanceJson::toJson(const Provenance& p) {
    return nlohmann::json{{"prompts", p.prompts},
                          {"threshold", p.threshold},
                          {"model_id", p.modelId},
                          {"model_name", p.modelName}};
}

std::optional<Provenance> ProvenanceJson::fromJson(const nlohmann::json& j) {
    if (!j.is_object()) {
        return std::nullopt;
    }
    Provenance p;
    if (auto it = j.find("prompts"); it != j.end() && it->is_array()) {
        for (const auto& s : *it) {
            if (s.is_string()) {
                p.prompts.push_back(s.get<std::string>());
            }
        }
    }
    if (auto it = j.find("threshold"); it != j.end() && it->is_number()) {
        p.threshold = it->get<double>();
    }
    if (auto it = j.find("model_id"); it != j.end() && it->is_string()) {
        p.modelId = it->get<std::string>();
    }
    if (auto it = j.find("model_name"); it != j.end() && it->is_string()) {
        p.modelName = it->get<std::string>();
    }
    return p;
}

std::string ProvenanceJson::describe(const Provenance& p) {
    std::ostringstream s;
    s << "promptmask: prompts ";
    for (size_t i = 0; i < p.prompts.size(); ++i) {
        s << (i ? ", '" : "'") << p.prompts[i] << "'";
    }
    s << "; threshold " << p.threshold << "; model " << p.modelName << " (" << p.modelId << ")";
    return s.str();
}

}  // namespace pm
