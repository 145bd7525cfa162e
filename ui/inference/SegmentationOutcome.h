#pragma once

#include <QMetaType>
#include <QSize>
#include <QString>
#include <QStringList>
#include <opencv2/core/mat.hpp>
#include <vector>

#include "model/Segmenter.h"

namespace pm::ui {

// The result of one Segment job, passed by value from the inference thread to the GUI thread.
// The probability maps are reference-counted cv::Mats handed over by the worker and never written
// again, so sharing them across threads is safe.
struct SegmentationOutcome {
    quint64 requestId = 0;
    QString imagePath;
    QSize imageSize;
    QStringList labelIds;                // per label
    QStringList signatures;              // per label, the signature the maps were computed for
    std::vector<cv::Mat> probabilities;  // per label, CV_32F in [0,1] at imageSize
    pm::StageTimings timings;
    pm::CacheStats cacheStats;
    QStringList warnings;  // did not stop the run, e.g. a prompt truncated to the model's context
};

}  // namespace pm::ui

Q_DECLARE_METATYPE(pm::ui::SegmentationOutcome)
Q_DECLARE_METATYPE(pm::ModelInfo)
Q_DECLARE_METATYPE(pm::CacheStats)
