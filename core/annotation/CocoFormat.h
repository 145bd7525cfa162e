#pragma once

#include "annotation/AnnotationFormat.h"

namespace pm {

// COCO instance segmentation, one JSON file for the whole dataset: info, licenses, images,
// annotations, categories.
//
// write(): image ids are 1..N in dataset order, category ids 1..N in Dataset::labels order,
// annotation ids 1..M in image then instance order, and `info` carries no date, so the same dataset
// always gives the same bytes. Segmentation follows WriteOptions::segmentation: polygons along pixel
// edges (pycocotools rasterizes them back to the source mask before simplification), compressed RLE
// for masks with holes in Auto mode and for crowd instances. `area` and `bbox` are pycocotools'
// values for the segmentation as written. Provenance goes into an extra `promptmask` key.
//
// read(): polygons (rasterized as pycocotools does) and RLE (compressed string or counts list).
// `file_name` is relative to the images folder and must stay inside it. Category ids may be
// arbitrary; labels are ordered by id.
class CocoFormat : public AnnotationFormat {
public:
    std::string name() const override { return "coco"; }
    FormatCapabilities capabilities() const override {
        return {false, ".json", "COCO JSON (*.json)", true, false, true};
    }
    bool write(const Dataset& dataset, const std::filesystem::path& out,
               const WriteOptions& options) override;
    bool read(const std::filesystem::path& in, const std::filesystem::path& imagesRoot,
              Dataset& out) override;
};

}  // namespace pm
