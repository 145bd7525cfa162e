#include "SuggestThresholdCommand.h"

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "ArgParser.h"
#include "ModelArgument.h"
#include "model/SegmenterFactory.h"
#include "project/LabelSet.h"
#include "project/ThresholdSurvey.h"
#include "util/Error.h"

namespace fs = std::filesystem;

namespace pm::cli {

namespace {

std::string fixed(double v, int digits) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f", digits, v);
    return buffer;
}

}  // namespace

std::string SuggestThresholdCommand::summary() const {
    return "suggest each label's threshold from the annotations saved in a folder";
}

std::string SuggestThresholdCommand::usage() const {
    return R"(Usage: promptmask-cli suggest-threshold --images DIR --labels LABELS.json [--model BUNDLE]
                                        [--min-images N] [--json]

Reads the annotations saved beside the images below DIR (labelme .json files, as the GUI saves them:
"a/cat.jpg" -> "a/cat.json"), segments those images with every label of LABELS.json (its prompts,
ensembles, templates, negatives and mixes, as `label` does) and prints per label:
  - Otsu's threshold of the label's probability maps: a first guess that needs no annotation;
  - the learned threshold: the one whose masks have the highest mean IoU with the saved masks (over
    every annotated image; an image without that label counts as an empty mask), with that IoU.
It suggests only; nothing is written. Accept a threshold in the GUI (undoable) or in the labels file.

Options:
  --images DIR       the dataset's images (searched recursively; hidden folders skipped)
  --labels FILE      the label set (the GUI's <dataset>/.promptmask/labels.json, or a list; docs/LABELS.md)
  --model BUNDLE     model bundle directory; default: $PROMPTMASK_MODEL, the GUI's model, the user's and
                     the system's models folders
  --min-images N     learn a label's threshold only once N annotated images contain it (default 3)
  --json             print one JSON object: per label the Otsu guess, the learned threshold, its mean
                     IoU and the whole IoU curve ([threshold, mean IoU] every 0.005)

Exit status: 0 ok; 2 usage error; 3 input error (labels file, --images, no saved annotation);
4 model error.
)";
}

int SuggestThresholdCommand::run(const std::vector<std::string>& rawArgs) {
    ArgParser args({"model", "images", "labels", "min-images"}, {"json"});
    args.parse(rawArgs);
    if (!args.positionals().empty()) {
        throw Error(ErrorKind::Usage, "unexpected argument '" + args.positionals().front() + "'");
    }
    const fs::path images = args.required("images");
    const fs::path labelsFile = args.required("labels");
    const double minImages = args.number("min-images", 3);
    if (minImages < 1 || minImages > 1e6 || minImages != double(long(minImages))) {
        throw Error(ErrorKind::Usage, "--min-images must be a positive whole number, got " +
                                          args.value("min-images").value_or(""));
    }
    std::error_code ec;
    if (!fs::is_directory(images, ec)) {
        throw Error(ErrorKind::Input, images.string() + ": --images is not a folder");
    }
    const LabelSet labels = LabelSet::load(labelsFile);
    const std::vector<std::string> missing = labels.missingExemplars();
    if (!missing.empty()) {
        throw Error(ErrorKind::Input, labelsFile.string() + ": " + missing.front());
    }
    const std::string bundle = modelBundle(args);
    const std::unique_ptr<Segmenter> segmenter = openSegmenter(bundle);
    const ThresholdSurvey::Result result =
        ThresholdSurvey::run(*segmenter, labels, images, size_t(minImages));
    for (const std::string& w : result.warnings) {
        std::cerr << "promptmask-cli suggest-threshold: warning: " << w << "\n";
    }

    if (args.flag("json")) {
        nlohmann::ordered_json out;
        out["model"] = segmenter->modelInfo().name;
        out["images"] = result.labels.empty() ? 0 : result.labels.front().images;
        out["labels"] = nlohmann::ordered_json::array();
        for (const LabelThresholdSuggestion& s : result.labels) {
            nlohmann::ordered_json l;
            l["label"] = s.label;
            l["current"] = s.current;
            l["otsu"] = s.otsu;
            l["images_with_label"] = s.imagesWithLabel;
            if (s.learned) {
                l["learned"] = s.learned->threshold;
                l["mean_iou"] = s.learned->meanIoU;
                l["curve"] = nlohmann::ordered_json::array();
                for (const ThresholdCurvePoint& p : s.learned->curve) {
                    l["curve"].push_back({p.threshold, p.meanIoU});
                }
            } else {
                l["learned"] = nullptr;
                l["mean_iou"] = nullptr;
                l["curve"] = nullptr;
            }
            out["labels"].push_back(l);
        }
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    std::cout << "Annotated images: " << (result.labels.empty() ? 0 : result.labels.front().images) << "\n";
    for (const LabelThresholdSuggestion& s : result.labels) {
        std::cout << s.label << ": current " << fixed(s.current, 3) << ", Otsu " << fixed(s.otsu, 3);
        if (s.learned) {
            std::cout << ", learned " << fixed(s.learned->threshold, 3) << " (mean IoU "
                      << fixed(s.learned->meanIoU, 3) << " over " << s.images << " images)";
        } else {
            std::cout << ", learned: not yet (" << s.imagesWithLabel << " of " << size_t(minImages)
                      << " annotated images with this label)";
        }
        std::cout << "\n";
    }
    return 0;
}

}  // namespace pm::cli
