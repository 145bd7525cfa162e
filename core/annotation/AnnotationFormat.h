#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "annotation/Dataset.h"
#include "annotation/MaskPolygons.h"

namespace pm {

// How COCO stores each mask.
enum class SegmentationMode {
    Auto,      // polygons, but RLE for masks with holes (and always for crowd instances)
    Polygons,  // polygons everywhere but crowd; holes kept with keyhole cuts
    Rle,       // compressed RLE everywhere
};

struct WriteOptions {
    PolygonOptions polygons;  // tolerance and speck size; each format picks the convention it needs
    SegmentationMode segmentation = SegmentationMode::Auto;
    bool embedImageData = false;  // labelme: put the image bytes (base64) into imageData
};

// What a format writes and which WriteOptions it reads, so that front ends (the export dialog, the
// settings, the CLI) ask the format instead of knowing formats by name.
struct FormatCapabilities {
    bool writesFolder = true;        // a folder of files (labelme, masks), or one file (coco)
    std::string fileSuffix;          // of the one file: ".json"; empty for a folder
    std::string nameFilter;          // for a file dialog: "COCO JSON (*.json)"; empty for a folder
    bool segmentationModes = false;  // reads WriteOptions::segmentation
    bool embedsImages = false;       // reads WriteOptions::embedImageData
    bool outlines = false;           // writes polygons, so WriteOptions::polygons applies
};

// Called after each image: (images done, images in total).
using ProgressFn = std::function<void(size_t, size_t)>;

// One annotation file format: COCO, labelme or PNG masks. Every format reads into and writes from
// the same Dataset, so any format converts to any other.
//
// Problems with one file, image or annotation (malformed JSON, a bad polygon, a path that leaves the
// dataset) are recorded in fileErrors() and that item is skipped; the rest is still converted.
// read()/write() return false only when nothing sensible could be done (errorString() says why).
// Outputs are written atomically; an existing output that does not parse is first copied to
// "<name>.bak". Nothing is written outside the output path.
//
// Not thread-safe: use one object per thread. The progress callback runs on the calling thread.
class AnnotationFormat {
public:
    virtual ~AnnotationFormat() = default;

    virtual std::string name() const = 0;  // "labelme", "coco", "masks"
    // A folder and no options unless the format says otherwise.
    virtual FormatCapabilities capabilities() const { return {}; }
    virtual bool write(const Dataset& dataset, const std::filesystem::path& out,
                       const WriteOptions& options) = 0;
    // Appends to `out` (whose imagesRoot is set to `imagesRoot`); labels are merged by name.
    virtual bool read(const std::filesystem::path& in, const std::filesystem::path& imagesRoot,
                      Dataset& out) = 0;

    std::string errorString() const { return error_; }
    const std::vector<std::string>& warnings() const { return warnings_; }
    const std::vector<std::string>& fileErrors() const { return fileErrors_; }
    void setProgressCallback(ProgressFn fn) { progress_ = std::move(fn); }

    // "labelme", "coco" or "masks"; nullptr for an unknown name.
    static std::unique_ptr<AnnotationFormat> create(const std::string& name);
    static std::vector<std::string> names();

protected:
    void reset();
    bool fail(const std::string& message);
    void warn(const std::string& message) { warnings_.push_back(message); }
    void fileError(const std::string& message) { fileErrors_.push_back(message); }
    void reportProgress(size_t done, size_t total) const;

    // Writes `data` atomically to `target`. When `target` exists and `stillParses` says its current
    // content is not a valid file of this kind, it is backed up to "<target>.bak" first (and a
    // warning says so).
    void writeOutput(const std::filesystem::path& target, std::string_view data,
                     const std::function<bool(const std::filesystem::path&)>& stillParses);

    static bool isJsonFile(const std::filesystem::path& path);

private:
    std::string error_;
    std::vector<std::string> warnings_;
    std::vector<std::string> fileErrors_;
    ProgressFn progress_;
};

}  // namespace pm
