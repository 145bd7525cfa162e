#pragma once

#include <QString>
#include <QVector>
#include <opencv2/core/mat.hpp>
#include <vector>

#include "annotation/Dataset.h"
#include "document/LabelDefinition.h"
#include "model/Segmenter.h"

namespace pm::ui {

// How the masks on the canvas become annotation instances.
struct InstanceOptions {
    bool instancePerLabel = false;  // one instance per label instead of one per connected component
    int minArea = 32;               // components and holes below this many pixels are dropped / filled
};

// Turns the masks the canvas shows (one CV_8U mask per label, see OverlayRenderer::masks) into the
// instances of one image, each with its provenance: the label's prompts, its threshold and the model.
// Pure function of its inputs; thread-safe.
class AnnotationBuilder {
public:
    // `masks[i]` belongs to `labels[i]`; an empty or all-zero mask gives no instance. `datasetDir`
    // makes the image paths of visual prompts relative in the provenance, so a moved dataset keeps
    // meaningful records.
    static std::vector<pm::Instance> build(const QVector<LabelDefinition>& labels,
                                           const std::vector<cv::Mat>& masks, const InstanceOptions& options,
                                           const pm::ModelInfo& model, const QString& datasetDir);

    static pm::Provenance provenance(const LabelDefinition& label, const pm::ModelInfo& model,
                                     const QString& datasetDir);
};

}  // namespace pm::ui
