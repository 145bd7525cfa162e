#pragma once

#include <chrono>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

namespace pm::cli {

// Progress of `promptmask-cli label`: on a terminal one line redrawn in place (done/total, images/s,
// ETA); otherwise, or into --json-log, one JSON object per line: a "start" event, one "image" event per
// finished image and a "finish" event (docs/BATCH.md lists the fields).
class LabelCommandProgress {
public:
    // `terminal`: stderr is a TTY. `jsonLog`: nullptr, or the stream JSON lines go to; when it is
    // nullptr and there is no terminal, JSON lines go to stderr.
    LabelCommandProgress(bool terminal, std::ostream* jsonLog);

    void start(const nlohmann::json& fields, size_t todo);
    void image(const std::string& path, const std::string& error);
    void finish(nlohmann::json fields);

    size_t done() const { return done_; }
    size_t errors() const { return errors_; }
    double imagesPerSecond() const;
    // Whether stderr carries JSON lines (then nothing else may be printed there).
    bool jsonOnStderr() const { return jsonToStderr_; }

private:
    void emit(const nlohmann::json& event);
    void drawLine(bool final);

    using Clock = std::chrono::steady_clock;
    bool terminal_;
    std::ostream* json_;
    bool jsonToStderr_;
    Clock::time_point start_;
    Clock::time_point lastDraw_;
    size_t todo_ = 0;
    size_t done_ = 0;
    size_t errors_ = 0;
};

}  // namespace pm::cli
