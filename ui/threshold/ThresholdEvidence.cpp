#include "threshold/ThresholdEvidence.h"

#include <opencv2/imgproc.hpp>

namespace pm::ui {

void ThresholdEvidence::record(const QString& imagePath, const LabelDefinition& label,
                               const cv::Mat& probability, const cv::Mat& savedMask) {
    if (probability.empty() || probability.size() != savedMask.size() || probability.type() != CV_32F) {
        return;
    }
    const int side = std::max(probability.cols, probability.rows);
    Sample s;
    s.signature = label.signature();
    if (side <= kMaxSide) {
        s.probability = probability.clone();
        s.mask = savedMask != 0;
    } else {
        const double f = double(kMaxSide) / side;
        const cv::Size small(std::max(1, int(probability.cols * f + 0.5)),
                             std::max(1, int(probability.rows * f + 0.5)));
        cv::resize(probability, s.probability, small, 0, 0, cv::INTER_AREA);
        cv::Mat mask;
        cv::resize(savedMask != 0, mask, small, 0, 0, cv::INTER_AREA);
        s.mask = mask > 127;
    }
    samples_[label.id].insert(imagePath, s);
}

QList<ThresholdEvidence::Sample> ThresholdEvidence::valid(const LabelDefinition& label) const {
    QList<Sample> out;
    const QString signature = label.signature();
    for (const Sample& s : samples_.value(label.id)) {
        if (s.signature == signature) {
            out << s;
        }
    }
    return out;
}

int ThresholdEvidence::images(const LabelDefinition& label) const {
    return static_cast<int>(valid(label).size());
}

int ThresholdEvidence::imagesWithLabel(const LabelDefinition& label) const {
    int n = 0;
    for (const Sample& s : valid(label)) {
        n += cv::countNonZero(s.mask) > 0 ? 1 : 0;
    }
    return n;
}

std::optional<pm::LearnedThreshold> ThresholdEvidence::learned(const LabelDefinition& label,
                                                               int minImages) const {
    if (imagesWithLabel(label) < std::max(1, minImages)) {
        return std::nullopt;
    }
    std::vector<cv::Mat> maps;
    std::vector<cv::Mat> masks;
    for (const Sample& s : valid(label)) {
        maps.push_back(s.probability);
        masks.push_back(s.mask);
    }
    return pm::ThresholdSuggester::learn(maps, masks);
}

}  // namespace pm::ui
