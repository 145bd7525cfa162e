#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "annotation/AnnotationFormat.h"
#include "annotation/Dataset.h"
#include "util/CancelToken.h"

namespace pm {

// The export of a whole dataset, shared by the GUI's Export (ui/export/DatasetExporter runs it on a
// worker thread) and by `promptmask-cli label` / `merge` (project/ResultAssembler feeds it the
// per-image results): per-image annotations in, one COCO file or labelme / PNG-masks folder out,
// through the format writers (CocoFormat, LabelmeFormat, PngMasksFormat).
//
// Memory stays bounded whatever the number of images: annotations are fetched from a Source and
// written a chunk of kChunkImages at a time (the writer runs once per chunk), and the COCO file is
// streamed to disk as the chunks come, its ids renumbered to continue the previous chunk. The result
// is byte for byte what one writer call on the whole dataset writes, for datasets that keep no COCO
// ids of their own (those read from labelme files or made by the model). Images of one stem
// ("cat.jpg", "cat.png") always share a chunk: labelme and masks name their files by stem.
class DatasetExport {
public:
    // The annotation of image `index` of the list given to write(); called once per image, in order.
    using Source = std::function<ImageAnnotation(size_t index)>;

    // Throws pm::Error(Usage) for an unknown format.
    DatasetExport(std::string format, std::vector<std::string> labels, std::filesystem::path imagesRoot,
                  WriteOptions options = {});

    // Called after each image written: (images done, images in total). May throw (a cancel).
    void setProgressCallback(ProgressFn fn) { progress_ = std::move(fn); }

    // Writes the images `images` (relative paths, in output order) to `out`: the COCO file or the
    // labelme / masks folder. Throws pm::Error: Io naming the output when it cannot be written (a COCO
    // file is then untouched), or what the Source or the progress callback throws.
    void write(const std::vector<std::string>& images, const Source& source,
               const std::filesystem::path& out);
    // The same for a dataset in memory (its images are moved out as they are written).
    void write(Dataset dataset, const std::filesystem::path& out);

    // Reports of the last write(): problems with single images or annotations (the rest was written),
    // warnings, and the number of annotations written.
    const std::vector<std::string>& fileErrors() const { return fileErrors_; }
    const std::vector<std::string>& warnings() const { return warnings_; }
    size_t annotations() const { return annotations_; }

    // The saved labelme files of a dataset, read into memory: `files[i]` is the annotation file of one
    // image (a file that does not exist counts as unsaved; one file named twice is read once). Labels
    // in `labelOrder` come first, labels found only in the files follow. Problems with single files
    // go to `errors` / `warnings`. `progress` is called after each file; `cancel` checked before it.
    struct Saved {
        Dataset dataset;
        size_t unsaved = 0;
        std::vector<std::string> errors;
        std::vector<std::string> warnings;
    };
    static Saved readLabelme(const std::vector<std::filesystem::path>& files,
                             const std::filesystem::path& imagesRoot,
                             const std::vector<std::string>& labelOrder, const ProgressFn& progress = {},
                             const CancelToken* cancel = nullptr);

    static constexpr size_t kChunkImages = 32;

private:
    std::string format_;
    std::vector<std::string> labels_;
    std::filesystem::path imagesRoot_;
    WriteOptions options_;
    ProgressFn progress_;
    std::vector<std::string> fileErrors_;
    std::vector<std::string> warnings_;
    size_t annotations_ = 0;
};

}  // namespace pm
