#pragma once

#include "annotation/AnnotationFormat.h"

namespace pm {

// PNG masks: a semantic (per-label) export for training pipelines.
//
//   <out>/labels.txt                              index -> name, line 0 "_background_", line k label k
//   <out>/labels.json                             {"labels": [{index, name, color}], "images": [{image,
//                                                  index_png, size, binary: {label: png}}]}
//   <out>/index/<dir>/<stem>.png                  8-bit palette PNG, pixel = label index (0 background)
//   <out>/binary/<dir>/<stem>/<index>_<label>.png 0/255 mask per label present in the image
//
// Instances of one label merge into one mask (what is lost: instance identity, group ids, crowd flags
// and provenance); where instances overlap the later one wins in the index PNG. At most 255 labels.
// read(): `in` is such a folder; the index PNGs (palette or plain 8-bit) are read back, one instance
// per label present. Image paths come from labels.json, else from an image with the same stem.
class PngMasksFormat : public AnnotationFormat {
public:
    std::string name() const override { return "masks"; }
    // One PNG per image and label, no outlines: no option applies.
    FormatCapabilities capabilities() const override { return {}; }
    bool write(const Dataset& dataset, const std::filesystem::path& out,
               const WriteOptions& options) override;
    bool read(const std::filesystem::path& in, const std::filesystem::path& imagesRoot,
              Dataset& out) override;

    // Label names made safe as file names ("a/b c" -> "a_b_c").
    static std::string safeFileName(const std::string& label);
};

}  // namespace pm
