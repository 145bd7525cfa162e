#pragma once

#include <deque>
#include <mutex>
#include <optional>

#include "inference/SegmentationJob.h"

namespace pm::ui {

// The inference thread's inbox: a small priority queue (interactive work before prefetch, model loads
// before both), FIFO within a priority. Thread-safe; the GUI thread pushes, the worker pops. Cancelled
// jobs stay queued and are skipped by the worker, so every push matches exactly one pop.
class RequestQueue {
public:
    void push(SegmentationJob job);
    std::optional<SegmentationJob> pop();
    size_t size() const;

private:
    mutable std::mutex mutex_;
    std::deque<SegmentationJob> jobs_;
};

}  // namespace pm::ui
