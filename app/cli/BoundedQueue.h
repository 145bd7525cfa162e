#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>

namespace pm::cli {

// A small blocking queue between two pipeline stages: the producer never runs more than `capacity`
// items ahead of the consumer, so memory does not grow with the dataset.
//   close(): no more items; the consumer still drains what is queued.
//   abandon(): the consumer gave up; push() drops its item and returns false from then on.
template <typename T>
class BoundedQueue {
public:
    explicit BoundedQueue(size_t capacity) : capacity_(capacity) {}

    bool push(T item) {
        std::unique_lock<std::mutex> lock(mutex_);
        notFull_.wait(lock, [&] { return items_.size() < capacity_ || abandoned_; });
        if (abandoned_) {
            return false;
        }
        items_.push_back(std::move(item));
        notEmpty_.notify_one();
        return true;
    }
    void close() {
        std::lock_guard<std::mutex> lock(mutex_);
        closed_ = true;
        notEmpty_.notify_all();
    }
    void abandon() {
        std::lock_guard<std::mutex> lock(mutex_);
        abandoned_ = true;
        items_.clear();
        notFull_.notify_all();
    }
    // False once the queue is closed and empty.
    bool pop(T& out) {
        std::unique_lock<std::mutex> lock(mutex_);
        notEmpty_.wait(lock, [&] { return !items_.empty() || closed_; });
        if (items_.empty()) {
            return false;
        }
        out = std::move(items_.front());
        items_.pop_front();
        notFull_.notify_one();
        return true;
    }

private:
    size_t capacity_;
    std::deque<T> items_;
    bool closed_ = false;
    bool abandoned_ = false;
    std::mutex mutex_;
    std::condition_variable notFull_, notEmpty_;
};

}  // namespace pm::cli
