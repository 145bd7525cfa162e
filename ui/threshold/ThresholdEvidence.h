#pragma once

#include <QHash>
#include <QString>
#include <opencv2/core/mat.hpp>
#include <optional>

#include "document/LabelDefinition.h"
#include "image/ThresholdSuggester.h"

namespace pm::ui {

// What the user's saved work says about each label's threshold: per label and saved image, the
// label's probability map as the model gave it and the mask the user saved. No widgets; GUI thread.
// Maps and masks are kept at most kMaxSide pixels on their long side, so a long session stays small.
class ThresholdEvidence {
public:
    static constexpr int kMaxSide = 256;
    static constexpr int kMinImages = 3;  // saved images containing the label before a threshold is learned

    // One label on one saved image; replaces what an earlier save of that image recorded. Nothing is
    // kept when the map is missing (the label was not segmented) or the sizes differ.
    void record(const QString& imagePath, const LabelDefinition& label, const cv::Mat& probability,
                const cv::Mat& savedMask);

    // Saved images whose map still answers the label's prompts (same signature), and how many of them
    // contain the label.
    int images(const LabelDefinition& label) const;
    int imagesWithLabel(const LabelDefinition& label) const;

    // The threshold with the best mean IoU over those images (an image without the label counts as an
    // empty mask), once `minImages` of them contain the label.
    std::optional<pm::LearnedThreshold> learned(const LabelDefinition& label,
                                                int minImages = kMinImages) const;

private:
    struct Sample {
        QString signature;
        cv::Mat probability;  // CV_32F
        cv::Mat mask;         // CV_8U 0/255
    };
    QList<Sample> valid(const LabelDefinition& label) const;

    QHash<QString, QHash<QString, Sample>> samples_;  // label id -> image path -> sample
};

}  // namespace pm::ui
