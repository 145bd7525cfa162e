#include "project/ThresholdSurvey.h"

#include <opencv2/imgproc.hpp>

#include "annotation/LabelmeFormat.h"
#include "model/PromptCombiner.h"
#include "project/ImageScan.h"
#include "project/LabelInstances.h"
#include "util/Error.h"

namespace fs = std::filesystem;

namespace pm {

namespace {

cv::Size bounded(cv::Size s) {
    const int side = std::max(s.width, s.height);
    if (side <= ThresholdSurvey::kMaxSide) {
        return s;
    }
    const double f = double(ThresholdSurvey::kMaxSide) / side;
    return {std::max(1, int(s.width * f + 0.5)), std::max(1, int(s.height * f + 0.5))};
}

cv::Mat shrunk(const cv::Mat& m, cv::Size to) {
    if (m.size() == to) {
        return m;
    }
    cv::Mat out;
    cv::resize(m, out, to, 0, 0, cv::INTER_AREA);
    return out;
}

// The saved annotation of `image`, or nullopt (with a warning) when it is absent or unusable.
std::optional<ImageAnnotation> savedAnnotation(const fs::path& image, std::vector<std::string>& warnings) {
    const fs::path file = ThresholdSurvey::annotationPathFor(image);
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) {
        return std::nullopt;
    }
    LabelmeFormat reader;
    Dataset dataset;
    if (!reader.read(file, image.parent_path(), dataset) || dataset.images.size() != 1 ||
        !reader.fileErrors().empty()) {
        const std::string why =
            !reader.fileErrors().empty() ? reader.fileErrors().front() : reader.errorString();
        warnings.push_back(file.string() + ": skipped, not a readable labelme file (" + why + ")");
        return std::nullopt;
    }
    ImageAnnotation& a = dataset.images.front();
    if (fs::weakly_canonical(image.parent_path() / fs::u8path(a.imagePath), ec) !=
        fs::weakly_canonical(image, ec)) {
        warnings.push_back(file.string() + ": skipped, it belongs to " + a.imagePath + ", not to " +
                           image.filename().string());
        return std::nullopt;
    }
    return std::move(a);
}

}  // namespace

fs::path ThresholdSurvey::annotationPathFor(const fs::path& image) {
    std::string name = image.filename().string();
    size_t start = 0;
    while (start < name.size() && name[start] == '.') {
        ++start;  // a hidden file's leading dot starts its name, not an extension
    }
    const size_t dot = name.rfind('.');
    const std::string stem = dot != std::string::npos && dot > start ? name.substr(0, dot) : name;
    return image.parent_path() / (stem + ".json");
}

ThresholdSurvey::Result ThresholdSurvey::run(Segmenter& segmenter, const LabelSet& labels,
                                             const fs::path& imagesRoot, size_t minImages,
                                             const CancelToken* cancel) {
    Result result;
    const LabelInstances builder(labels, {});
    const size_t n = labels.labels().size();
    std::vector<std::vector<cv::Mat>> maps(n), masks(n);
    std::vector<std::vector<cv::Mat>> pooled(n);  // 256×256 copies, for Otsu
    size_t used = 0;
    for (const std::string& rel : ImageScan::list(imagesRoot)) {
        const fs::path image = imagesRoot / fs::u8path(rel);
        std::optional<ImageAnnotation> saved = savedAnnotation(image, result.warnings);
        if (!saved) {
            continue;
        }
        CancelToken::check(cancel);
        const SegmentationResult r =
            PromptCombiner::segment(segmenter, image.string(), builder.prompts(), cancel);
        for (const std::string& e : r.promptErrors) {
            if (!e.empty()) {
                throw Error(ErrorKind::Input, e);
            }
        }
        if (r.imageSize != saved->size) {
            result.warnings.push_back(annotationPathFor(image).string() + ": skipped, made for a " +
                                      std::to_string(saved->size.width) + "x" +
                                      std::to_string(saved->size.height) + " image, but " + rel + " is " +
                                      std::to_string(r.imageSize.width) + "x" +
                                      std::to_string(r.imageSize.height));
            continue;
        }
        ++used;
        const std::vector<cv::Mat> labelMaps = builder.labelMaps(r.probabilities);
        const cv::Size small = bounded(r.imageSize);
        for (size_t l = 0; l < n; ++l) {
            cv::Mat mask = cv::Mat::zeros(r.imageSize, CV_8U);
            for (const Instance& i : saved->instances) {
                if (i.label == labels.labels()[l].name && i.mask.size() == mask.size()) {
                    mask |= i.mask != 0;
                }
            }
            maps[l].push_back(shrunk(labelMaps[l], small));
            masks[l].push_back(shrunk(mask, small) > 127);
            pooled[l].push_back(shrunk(labelMaps[l], {256, 256}));
        }
    }
    if (used == 0) {
        throw Error(ErrorKind::Input, imagesRoot.string() +
                                          ": no image has a saved annotation (a labelme .json beside it, as "
                                          "the GUI saves it); save a few images first");
    }
    for (size_t l = 0; l < n; ++l) {
        LabelThresholdSuggestion s;
        s.label = labels.labels()[l].name;
        s.current = labels.labels()[l].threshold;
        s.images = used;
        for (const cv::Mat& m : masks[l]) {
            s.imagesWithLabel += cv::countNonZero(m) > 0 ? 1 : 0;
        }
        cv::Mat all;
        cv::vconcat(pooled[l], all);
        s.otsu = ThresholdSuggester::otsu(all);
        if (s.imagesWithLabel >= std::max<size_t>(1, minImages)) {
            s.learned = ThresholdSuggester::learn(maps[l], masks[l]);
        }
        result.labels.push_back(std::move(s));
    }
    return result;
}

}  // namespace pm
