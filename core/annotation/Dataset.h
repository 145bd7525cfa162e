#pragma once

#include <array>
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

    // Where the instance was read from, so that a conversion changes only what it must. Writers put
    // the source back verbatim while `mask` still equals what the source draws (and no re-tracing was
    // asked for); otherwise they re-encode the mask and still keep the source's other keys and ids.
    std::string cocoSource;     // the COCO annotation object (JSON text), or empty
    std::string labelmeSource;  // the labelme shapes (JSON array text) that make up the instance, or empty
    long long cocoId = -1;      // COCO annotation id
    long long cocoCategoryId = -1;  // COCO category id (categories may share a name; ids keep them apart)
    // A box without a segmentation (COCO `bbox` only, or a labelme rectangle written from one):
    // [x, y, w, h]. `mask` is then the filled box, for display.
    std::optional<std::array<double, 4>> box;
};

// The annotations of one image.
struct ImageAnnotation {
    std::string imagePath;  // relative to Dataset::imagesRoot, '/'-separated, never absolute or escaping
    cv::Size size;          // image width x height; every instance mask has this size
    std::vector<Instance> instances;

    long long cocoId = -1;      // COCO image id, kept by COCO output
    std::string cocoSource;     // the COCO image object (JSON text), other keys kept on output
    std::string labelmeSource;  // the labelme file's top level without shapes/imageData (JSON text)
    std::vector<std::string> otherShapes;  // labelme shapes without an area (point, line, ...), JSON text
    std::string imageData;                 // labelme imageData (base64) as read, for --embed-images output
};

// How a COCO file numbered and grouped a category. Kept so that converting a COCO dataset keeps its
// category ids: training configs and evaluation scripts refer to categories by id, not by name.
struct CocoCategory {
    long long id = 0;
    std::string name;
    std::string source;  // the category object as read (JSON text): `supercategory`, `color`, ... kept
};

// A whole labelled dataset: what every AnnotationFormat reads and writes.
// COCO categories are those in `cocoCategories` (in file order, ids kept, two may share a name), then
// one per label that has none, numbered after the highest kept id (1-based positions in `labels` when
// none is kept); label-index PNGs always use the 1-based positions. The label "__ignore__" is labelme's
// "don't care" region: never a COCO category, index 255 in label PNGs.
struct Dataset {
    std::filesystem::path imagesRoot;
    std::vector<std::string> labels;  // category order; every Instance::label appears here
    std::vector<ImageAnnotation> images;
    std::vector<CocoCategory> cocoCategories;  // the categories of the COCO file read, in file order
    std::string cocoSource;  // the COCO file's other top-level keys (info, licenses, ...) as a JSON object

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
    static constexpr const char* kIgnoreLabel = "__ignore__";

    size_t instanceCount() const {
        size_t n = 0;
        for (const auto& image : images) {
            n += image.instances.size();
        }
        return n;
    }
};

}  // namespace pm
