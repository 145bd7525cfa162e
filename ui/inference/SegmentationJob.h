#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

#include "model/CombinedPrompt.h"
#include "util/CancelToken.h"

namespace pm::ui {

enum class JobKind { LoadModel, Segment, Encode };

// Higher runs first; equal priorities run in submission order. Background work (Auto-Label Dataset)
// runs last, so browsing and editing stay responsive during a long run.
enum class JobPriority { Background = 0, Prefetch = 1, Interactive = 2, Control = 3 };

// One unit of work for the inference thread. Created on the GUI thread, moved into the RequestQueue,
// executed on the worker thread; only `cancel` is shared (both threads may touch it).
struct SegmentationJob {
    quint64 id = 0;
    JobKind kind = JobKind::Segment;
    JobPriority priority = JobPriority::Interactive;
    QString path;  // image (Segment, Encode) or model bundle folder (LoadModel)

    // Segment: prompts of several labels (LabelDefinition::toCombinedPrompts) decoded in one batch;
    // group[i] is the label index of prompts[i]. A label's probability map is the pixel-wise maximum
    // over its prompts.
    std::vector<pm::CombinedPrompt> prompts;
    std::vector<int> group;
    QStringList labelIds;    // per label
    QStringList signatures;  // per label, LabelDefinition::signature() at request time

    std::shared_ptr<pm::CancelToken> cancel = std::make_shared<pm::CancelToken>();
};

}  // namespace pm::ui

Q_DECLARE_METATYPE(pm::ui::JobKind)
