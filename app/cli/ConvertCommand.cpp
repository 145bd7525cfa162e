#include "ConvertCommand.h"

#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <map>

#include "ArgParser.h"
#include "annotation/AnnotationFormat.h"
#include "util/Error.h"

namespace pm::cli {

namespace {

// A one-line bar on stderr, only when stderr is a terminal (scripts and CI see just the summary).
class ProgressBar {
public:
    explicit ProgressBar(std::string stage)
        : stage_(std::move(stage)), enabled_(::isatty(STDERR_FILENO) != 0) {}
    ~ProgressBar() {
        if (enabled_ && drawn_) {
            std::fprintf(stderr, "\n");
        }
    }
    void update(size_t done, size_t total) {
        if (!enabled_ || total == 0) {
            return;
        }
        const int width = 30;
        const int filled = static_cast<int>(width * done / total);
        std::fprintf(stderr, "\r%-8s [%s%s] %zu/%zu", stage_.c_str(), std::string(filled, '#').c_str(),
                     std::string(width - filled, ' ').c_str(), done, total);
        std::fflush(stderr);
        drawn_ = true;
    }

private:
    std::string stage_;
    bool enabled_;
    bool drawn_ = false;
};

void printProblems(const AnnotationFormat& format) {
    for (const auto& w : format.warnings()) {
        std::cerr << "warning: " << w << "\n";
    }
    for (const auto& e : format.fileErrors()) {
        std::cerr << "error: " << e << "\n";
    }
}

}  // namespace

std::string ConvertCommand::summary() const {
    return "convert annotations between labelme, COCO and PNG masks";
}

std::string ConvertCommand::usage() const {
    return "Usage: promptmask-cli convert --from labelme|coco|masks --to labelme|coco|masks\n"
           "                              --images DIR --input PATH --out PATH\n"
           "                              [--rle|--polygons] [--tolerance PX] [--simplify SHARE]\n"
           "                              [--min-area PX] [--embed-images] [--strict]\n\n"
           "Converts a labelled dataset. Image paths in the annotations are relative to --images and must\n"
           "stay inside it.\n\n"
           "  --from FORMAT     input format: labelme (a .json file or a folder of them), coco (one .json),\n"
           "                    masks (a folder written by --to masks)\n"
           "  --to FORMAT       labelme: one <image name>.json per image in the --out folder;\n"
           "                    coco: one JSON file at --out; masks: label-index and per-label PNGs in "
           "--out\n"
           "  --rle             COCO: store every mask as compressed RLE (exact)\n"
           "  --polygons        COCO: store polygons also for masks with holes (keyhole cuts)\n"
           "                    (default: polygons, RLE for masks with holes)\n"
           "  --tolerance PX    polygon simplification in pixels (default 0.5; 0 keeps every corner)\n"
           "  --simplify SHARE  raise the tolerance of each outline to this share of its width\n"
           "                    (2 x area / perimeter), e.g. 0.01: far fewer vertices on big shapes\n"
           "                    for about 1 % IoU (default 0: off)\n"
           "  --min-area PX     drop parts and fill holes smaller than this many pixels (default 0)\n"
           "  --embed-images    labelme: store the image bytes in imageData\n"
           "  --strict          exit 3 also when something was left out because the target format\n"
           "                    cannot hold it (counted by reason in the summary)\n\n"
           "Without --rle, --polygons, --tolerance, --simplify or --min-area, every annotation is written\n"
           "as its source had it (same polygons, RLE stays RLE, same shapes, ids and extra keys); those\n"
           "options re-trace the masks. Problems with single files or annotations are reported and\n"
           "skipped; the rest is converted.\n"
           "Exit status: 0 ok, 2 usage error, 3 when some input could not be converted or written (or,\n"
           "with --strict, something was left out).\n";
}

int ConvertCommand::run(const std::vector<std::string>& args) {
    ArgParser parser({"from", "to", "images", "input", "out", "tolerance", "simplify", "min-area"},
                     {"rle", "polygons", "embed-images", "strict"});
    parser.parse(args);
    const std::string from = parser.required("from"), to = parser.required("to");
    auto reader = AnnotationFormat::create(from);
    auto writer = AnnotationFormat::create(to);
    if (!reader || !writer) {
        throw Error(ErrorKind::Usage,
                    "unknown format '" + (reader ? to : from) + "' (use labelme, coco or masks)");
    }
    if (parser.flag("rle") && parser.flag("polygons")) {
        throw Error(ErrorKind::Usage, "--rle and --polygons exclude each other");
    }
    WriteOptions options;
    options.segmentation = parser.flag("rle")        ? SegmentationMode::Rle
                           : parser.flag("polygons") ? SegmentationMode::Polygons
                                                     : SegmentationMode::Auto;
    options.polygons.tolerance = parser.number("tolerance", options.polygons.tolerance);
    options.polygons.relativeTolerance = parser.number("simplify", 0);
    options.polygons.minArea = parser.number("min-area", 0);
    if (!(options.polygons.tolerance >= 0 && options.polygons.tolerance <= 100)) {
        throw Error(ErrorKind::Usage, "--tolerance must be between 0 and 100 pixels");
    }
    if (!(options.polygons.relativeTolerance >= 0 && options.polygons.relativeTolerance <= 0.5)) {
        throw Error(ErrorKind::Usage, "--simplify must be between 0 and 0.5");
    }
    if (!(options.polygons.minArea >= 0)) {
        throw Error(ErrorKind::Usage, "--min-area must not be negative");
    }
    options.embedImageData = parser.flag("embed-images");
    options.retrace = parser.flag("rle") || parser.flag("polygons") || parser.has("tolerance") ||
                      parser.has("simplify") || parser.has("min-area");
    const std::filesystem::path images = parser.required("images"), input = parser.required("input"),
                                out = parser.required("out");
    if (!std::filesystem::is_directory(images)) {
        throw Error(ErrorKind::Input, "images folder '" + images.string() + "' does not exist");
    }

    Dataset dataset;
    {
        ProgressBar bar("reading");
        reader->setProgressCallback([&bar](size_t d, size_t t) { bar.update(d, t); });
        if (!reader->read(input, images, dataset)) {
            throw Error(ErrorKind::Input, reader->errorString());
        }
    }
    printProblems(*reader);
    {
        ProgressBar bar("writing");
        writer->setProgressCallback([&bar](size_t d, size_t t) { bar.update(d, t); });
        if (!writer->write(dataset, out, options)) {
            throw Error(ErrorKind::Io, writer->errorString());
        }
    }
    printProblems(*writer);
    const size_t warnings = reader->warnings().size() + writer->warnings().size();
    const size_t errors = reader->fileErrors().size() + writer->fileErrors().size();
    std::map<std::string, size_t> leftOut = reader->leftOut();
    for (const auto& [reason, n] : writer->leftOut()) {
        leftOut[reason] += n;
    }
    size_t leftOutTotal = 0;
    std::string reasons;
    for (const auto& [reason, n] : leftOut) {
        leftOutTotal += n;
        reasons += (reasons.empty() ? "" : "; ") + std::to_string(n) + " " + reason;
    }
    std::cout << "converted " << dataset.images.size() << " images, " << dataset.instanceCount()
              << " annotations (" << from << " -> " << to << "), " << warnings << " warnings, " << errors
              << " errors, " << leftOutTotal << " left out" << (reasons.empty() ? "" : " (" + reasons + ")")
              << "\n";
    if (leftOutTotal > 0 && parser.flag("strict")) {
        std::cerr << "error: --strict: " << leftOutTotal << " items were left out\n";
        return 3;
    }
    return errors == 0 ? 0 : 3;
}

}  // namespace pm::cli
