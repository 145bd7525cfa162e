#pragma once

#include <atomic>

#include "util/Error.h"

namespace pm {

// Shared between the thread that asks for work and the thread doing it. Long operations call
// throwIfCancelled() between stages; cancelling is only a request and never interrupts a stage midway.
class CancelToken {
public:
    void cancel() { cancelled_.store(true, std::memory_order_relaxed); }
    void reset() { cancelled_.store(false, std::memory_order_relaxed); }
    bool isCancelled() const { return cancelled_.load(std::memory_order_relaxed); }

    void throwIfCancelled() const {
        if (isCancelled()) {
            throw Error(ErrorKind::Cancelled, "cancelled");
        }
    }

    // Convenience for optional tokens passed as pointers.
    static void check(const CancelToken* token) {
        if (token) {
            token->throwIfCancelled();
        }
    }

private:
    std::atomic<bool> cancelled_{false};
};

}  // namespace pm
