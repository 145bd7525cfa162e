#include "inference/RequestQueue.h"

#include <algorithm>

namespace pm::ui {

void RequestQueue::push(SegmentationJob job) {
    const std::lock_guard<std::mutex> lock(mutex_);
    jobs_.push_back(std::move(job));
}

std::optional<SegmentationJob> RequestQueue::pop() {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (jobs_.empty()) {
        return std::nullopt;
    }
    // max_element returns the first of equal maxima: FIFO within a priority.
    const auto best = std::max_element(jobs_.begin(), jobs_.end(), [](const auto& a, const auto& b) {
        return static_cast<int>(a.priority) < static_cast<int>(b.priority);
    });
    SegmentationJob job = std::move(*best);
    jobs_.erase(best);
    return job;
}

size_t RequestQueue::size() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return jobs_.size();
}

}  // namespace pm::ui
