#pragma once

#include <filesystem>
#include <map>
#include <opencv2/core/mat.hpp>
#include <optional>
#include <string>
#include <vector>

namespace pm {

// Where a mask came from when the model produced it. Written next to every annotation (labelme shape
// `description` + `promptmask` key, COCO annotation `promptmask` key); standard readers ignore it.
struct Provenance {
    std::vector<std::string> prompts;  // Prompt::describe() of each prompt that produced the mask
    double threshold = 0.5;            // probability threshold applied to the model output
    std::string modelId;               // ModelInfo::id (sha256 prefix of the weights)
    std::string modelName;             // ModelInfo::name

    bool operator==(const Provenance& o) const {
        return prompts == o.prompts && threshold == o.threshold && modelId == o.modelId &&
               modelName == o.modelName;
    }
};

// One labelled object. The mask is the truth; polygons and RLE are derived from it when writing.
struct Instance {
    std::string label;
    cv::Mat mask;                          // CV_8U at the image size, 0 = background, 255 = object
    int groupId = -1;                      // labelme group_id (-1 = none); kept through labelme round trips
    bool crowd = false;                    // COCO iscrowd; crowd instances are always written as RLE
    std::optional<Provenance> provenance;  // set when the model produced the mask
};

// The annotations of one image.
struct ImageAnnotation {
    std::string imagePath;  // relative to Dataset::imagesRoot, '/'-separated, never absolute or escaping
    cv::Size size;          // image width x height; every instance mask has this size
    std::vector<Instance> instances;
};

// How a COCO file numbered and grouped a category. Kept so that converting a COCO dataset keeps its
// category ids: training configs and evaluation scripts refer to categories by id, not by name.
struct CocoCategory {
    long long id = 0;
    std::string supercategory;
};

// A whole labelled dataset: what every AnnotationFormat reads and writes.
// COCO category ids are those in `cocoCategories` where a label has one, else the next free numbers
// after the highest kept id (1-based positions in `labels` when none is kept); label-index PNGs
// always use the 1-based positions.
struct Dataset {
    std::filesystem::path imagesRoot;
    std::vector<std::string> labels;  // category order; every Instance::label appears here
    std::vector<ImageAnnotation> images;
    std::map<std::string, CocoCategory> cocoCategories;  // label -> its category in the COCO file read

    // Index of `label` in `labels` (0-based), appending it when new.
    size_t labelIndex(const std::string& label) {
        for (size_t i = 0; i < labels.size(); ++i) {
            if (labels[i] == label) {
                return i;
            }
        }
        labels.push_back(label);
        return labels.size() - 1;
    }
    size_t instanceCount() const {
        size_t n = 0;
        for (const auto& image : images) {
            n += image.instances.size();
        }
        return n;
    }
};

}  // namespace pm
