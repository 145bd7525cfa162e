#pragma once

#include <QStringList>
#include <QVector>

#include "document/LabelDefinition.h"
#include "model/Segmenter.h"

namespace pm::ui {

// What the dataset document asks of inference: the narrow side of SegmentationController, so the
// document neither owns the inference thread nor depends on how it runs. Results come back into
// DatasetDocument's onSegmented() / onSegmentFailed(), wired by whoever owns both.
class SegmentationPort {
public:
    virtual ~SegmentationPort() = default;
    virtual bool hasModel() const = 0;
    virtual const pm::ModelInfo& modelInfo() const = 0;
    virtual bool isBusy() const = 0;
    // Segments `imagePath` with the prompts of `labels`; returns the request id the result will carry.
    virtual quint64 segment(const QString& imagePath, const QVector<LabelDefinition>& labels) = 0;
    virtual void prefetch(const QStringList& imagePaths) = 0;
};

}  // namespace pm::ui
