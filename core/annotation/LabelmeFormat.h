#pragma once

#include "annotation/AnnotationFormat.h"

namespace pm {

// labelme JSON, as the labelme 5 application writes it: one file per image with `version`, `flags`,
// `shapes` (label, points, group_id, shape_type "polygon", flags), `imagePath` relative to the JSON,
// `imageData` (null unless embedding is asked for), `imageHeight`, `imageWidth`.
//
// write(): `out` is a folder; the annotation of image "a/b/cat.jpg" goes to "<out>/a/b/cat.json".
// Polygons run through boundary-pixel centres (labelme's own rasterization then reproduces the mask);
// each hole is folded into its polygon with a zero-width keyhole cut, so labelme, labelme2coco and
// our reader all see the hole. A multi-part instance becomes several shapes with one group_id.
// Provenance goes into each shape's `description` (readable) and `promptmask` (structured) keys,
// which labelme keeps when it re-saves a file.
//
// read(): `in` is a .json file or a folder searched recursively for them. Shapes with the same label
// and group_id form one instance; polygon, rectangle and circle shapes are read, others are skipped
// with a warning.
class LabelmeFormat : public AnnotationFormat {
public:
    std::string name() const override { return "labelme"; }
    FormatCapabilities capabilities() const override { return {true, "", "", false, true, true}; }
    bool write(const Dataset& dataset, const std::filesystem::path& out,
               const WriteOptions& options) override;
    bool read(const std::filesystem::path& in, const std::filesystem::path& imagesRoot,
              Dataset& out) override;

private:
    void readFile(const std::filesystem::path& file, const std::filesystem::path& imagesRoot, Dataset& out);
};

}  // namespace pm
