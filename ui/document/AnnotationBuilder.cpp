#include "document/AnnotationBuilder.h"

#include <QDir>
#include <opencv2/imgproc.hpp>

#include "annotation/MaskPolygons.h"
#include "project/LabelSet.h"

namespace pm::ui {

pm::Provenance AnnotationBuilder::provenance(const LabelDefinition& label, const pm::ModelInfo& model,
                                             const QString& datasetDir) {
    pm::Provenance p;
    // The CLI's `label` records the same strings (pm::LabelSet::describe).
    p.prompts = pm::LabelSet::describe(
        label.toCombinedPrompts(),
        datasetDir.isEmpty()
            ? std::filesystem::path()
            : std::filesystem::path(QDir::cleanPath(QDir(datasetDir).absolutePath()).toStdString()));
    p.threshold = label.threshold;
    p.modelId = model.id;
    p.modelName = model.name;
    return p;
}

std::vector<pm::Instance> AnnotationBuilder::build(const QVector<LabelDefinition>& labels,
                                                   const std::vector<cv::Mat>& masks,
                                                   const InstanceOptions& options, const pm::ModelInfo& model,
                                                   const QString& datasetDir) {
    std::vector<pm::Instance> instances;
    for (int i = 0; i < labels.size() && i < static_cast<int>(masks.size()); ++i) {
        const cv::Mat& raw = masks[static_cast<size_t>(i)];
        if (raw.empty() || cv::countNonZero(raw) == 0) {
            continue;
        }
        const cv::Mat mask = pm::MaskPolygons::removeSpecks(raw, options.minArea);
        if (cv::countNonZero(mask) == 0) {
            continue;
        }
        pm::Instance base;
        base.label = labels[i].name.toStdString();
        base.provenance = provenance(labels[i], model, datasetDir);
        if (options.instancePerLabel) {
            base.mask = mask;
            instances.push_back(std::move(base));
            continue;
        }
        // 8-connected, as MaskPolygons traces components: one instance is one polygon in the file.
        cv::Mat components;
        const int n = cv::connectedComponents(mask, components, 8, CV_32S);
        for (int c = 1; c < n; ++c) {
            pm::Instance instance = base;
            instance.mask = cv::Mat();
            cv::compare(components, c, instance.mask, cv::CMP_EQ);  // 0/255
            instances.push_back(std::move(instance));
        }
    }
    return instances;
}

}  // namespace pm::ui
