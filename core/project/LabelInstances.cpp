#include "project/LabelInstances.h"

#include <opencv2/imgproc.hpp>

#include "annotation/MaskPolygons.h"
#include "util/Error.h"

namespace pm {

LabelInstances::LabelInstances(const LabelSet& labels, Options options)
    : labels_(labels), options_(std::move(options)) {
    for (size_t i = 0; i < labels.labels().size(); ++i) {
        firstPrompt_.push_back(prompts_.size());
        Provenance p;
        const std::vector<CombinedPrompt> combined = labels.labels()[i].combinedPrompts();
        prompts_.insert(prompts_.end(), combined.begin(), combined.end());
        p.prompts = LabelSet::describe(combined, labels.baseDir());
        p.threshold = threshold(i);
        p.modelId = options_.modelId;
        p.modelName = options_.modelName;
        provenance_.push_back(std::move(p));
    }
    firstPrompt_.push_back(prompts_.size());
}

double LabelInstances::threshold(size_t label) const {
    return options_.thresholdOverride >= 0 ? options_.thresholdOverride : labels_.labels()[label].threshold;
}

std::vector<cv::Mat> LabelInstances::labelMaps(const std::vector<cv::Mat>& probabilities) const {
    if (probabilities.size() != prompts_.size()) {
        throw Error(ErrorKind::Model, "expected " + std::to_string(prompts_.size()) +
                                          " probability maps, got " + std::to_string(probabilities.size()));
    }
    const size_t n = labels_.labels().size();
    const cv::Size size = probabilities.empty() ? cv::Size() : probabilities.front().size();
    // Per label: max over its prompts; a label without prompts never wins a pixel.
    std::vector<cv::Mat> maps(n);
    for (size_t l = 0; l < n; ++l) {
        maps[l] = cv::Mat::zeros(size, CV_32F);
        for (size_t p = firstPrompt_[l]; p < firstPrompt_[l + 1]; ++p) {
            cv::max(maps[l], probabilities[p], maps[l]);
        }
    }
    return maps;
}

std::vector<Instance> LabelInstances::build(const std::vector<cv::Mat>& probabilities) const {
    std::vector<cv::Mat> maps = labelMaps(probabilities);
    const size_t n = maps.size();
    const cv::Size size = probabilities.empty() ? cv::Size() : probabilities.front().size();
    std::vector<cv::Mat> masks(n);
    if (labels_.overlap() == LabelSet::Overlap::Overlapping) {
        for (size_t l = 0; l < n; ++l) {
            masks[l] = maps[l] > threshold(l);
        }
    } else {
        cv::Mat best = cv::Mat::zeros(size, CV_32F);
        cv::Mat owner(size, CV_32S, cv::Scalar(-1));
        for (size_t l = 0; l < n; ++l) {
            const float t = float(threshold(l));
            for (int y = 0; y < size.height; ++y) {
                const float* p = maps[l].ptr<float>(y);
                float* b = best.ptr<float>(y);
                int* o = owner.ptr<int>(y);
                for (int x = 0; x < size.width; ++x) {
                    if (p[x] > t && p[x] > b[x]) {
                        b[x] = p[x];
                        o[x] = int(l);
                    }
                }
            }
        }
        for (size_t l = 0; l < n; ++l) {
            masks[l] = owner == int(l);
        }
    }
    std::vector<Instance> instances;
    for (size_t l = 0; l < n; ++l) {
        maps[l].release();
        if (cv::countNonZero(masks[l]) == 0) {
            continue;
        }
        const cv::Mat mask = MaskPolygons::removeSpecks(masks[l], options_.minArea);
        cv::Mat components;
        const int count = cv::connectedComponents(mask, components, 8, CV_32S);
        for (int c = 1; c < count; ++c) {
            Instance instance;
            instance.label = labels_.labels()[l].name;
            instance.provenance = provenance_[l];
            cv::compare(components, c, instance.mask, cv::CMP_EQ);
            instances.push_back(std::move(instance));
        }
    }
    return instances;
}

}  // namespace pm
