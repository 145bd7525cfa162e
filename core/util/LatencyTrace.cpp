#include "util/LatencyTrace.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <mutex>

namespace pm {

namespace {

struct Trace {
    std::mutex mutex;
    std::FILE* file = nullptr;
    uint64_t pendingResult = 0;  // a result not yet painted
    bool hasPending = false;

    Trace() {
        const char* path = std::getenv("PROMPTMASK_LATENCY_TRACE");
        if (path == nullptr || *path == '\0') {
            return;
        }
        file = std::fopen(path, "a");
        if (file == nullptr) {
            std::fprintf(stderr, "promptmask: cannot write the latency trace %s; tracing is off\n", path);
        }
    }

    void write(int64_t when, const char* event, uint64_t id) {
        std::fprintf(file, "%lld %s %llu\n", static_cast<long long>(when), event,
                     static_cast<unsigned long long>(id));
        std::fflush(file);  // read while the app runs
    }
};

Trace& trace() {
    static Trace t;
    return t;
}

}  // namespace

bool LatencyTrace::enabled() {
    return trace().file != nullptr;
}

int64_t LatencyTrace::now() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

void LatencyTrace::request(uint64_t id, int64_t askedAt) {
    Trace& t = trace();
    if (t.file != nullptr) {
        const std::lock_guard<std::mutex> lock(t.mutex);
        t.write(askedAt, "request", id);
    }
}

void LatencyTrace::started(uint64_t id) {
    Trace& t = trace();
    if (t.file != nullptr) {
        const std::lock_guard<std::mutex> lock(t.mutex);
        t.write(now(), "started", id);
    }
}

void LatencyTrace::computed(uint64_t id) {
    Trace& t = trace();
    if (t.file != nullptr) {
        const std::lock_guard<std::mutex> lock(t.mutex);
        t.write(now(), "computed", id);
    }
}

void LatencyTrace::result(uint64_t id) {
    Trace& t = trace();
    if (t.file != nullptr) {
        const std::lock_guard<std::mutex> lock(t.mutex);
        t.write(now(), "result", id);
        t.pendingResult = id;
        t.hasPending = true;
    }
}

void LatencyTrace::painted() {
    Trace& t = trace();
    if (t.file != nullptr) {
        const std::lock_guard<std::mutex> lock(t.mutex);
        if (t.hasPending) {
            t.write(now(), "shown", t.pendingResult);
            t.hasPending = false;
        }
    }
}

}  // namespace pm
