#include "LabelCommandProgress.h"

#include <iostream>

namespace pm::cli {

using nlohmann::json;

LabelCommandProgress::LabelCommandProgress(bool terminal, std::ostream* jsonLog)
    : terminal_(terminal), json_(jsonLog), jsonToStderr_(!jsonLog && !terminal) {}

double LabelCommandProgress::imagesPerSecond() const {
    const double s = std::chrono::duration<double>(Clock::now() - start_).count();
    return s > 0 ? double(done_) / s : 0.0;
}

void LabelCommandProgress::emit(const json& event) {
    const std::string line = event.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
    if (json_) {
        *json_ << line << std::flush;
    }
    if (jsonToStderr_) {
        std::cerr << line << std::flush;
    }
}

void LabelCommandProgress::start(const json& fields, size_t todo) {
    start_ = lastDraw_ = Clock::now();
    todo_ = todo;
    json event = fields;
    event["event"] = "start";
    event["todo"] = todo;
    emit(event);
    if (terminal_) {
        drawLine(false);
    }
}

void LabelCommandProgress::image(const std::string& path, const std::string& error) {
    ++done_;
    errors_ += error.empty() ? 0 : 1;
    const double rate = imagesPerSecond();
    json event{{"event", "image"},
               {"image", path},
               {"status", error.empty() ? "ok" : "error"},
               {"done", done_},
               {"todo", todo_},
               {"errors", errors_},
               {"images_per_s", double(std::llround(rate * 1000)) / 1000},
               {"eta_s", rate > 0 ? double(std::llround(double(todo_ - done_) / rate * 10)) / 10 : 0.0}};
    if (!error.empty()) {
        event["error"] = error;
    }
    emit(event);
    if (terminal_ && (Clock::now() - lastDraw_ > std::chrono::milliseconds(200) || done_ == todo_)) {
        drawLine(false);
    }
}

void LabelCommandProgress::finish(json fields) {
    fields["event"] = "finish";
    fields["done"] = done_;
    fields["errors"] = errors_;
    fields["seconds"] =
        double(std::llround(std::chrono::duration<double>(Clock::now() - start_).count() * 1000)) / 1000;
    fields["images_per_s"] = double(std::llround(imagesPerSecond() * 1000)) / 1000;
    emit(fields);
    if (terminal_) {
        drawLine(true);
    }
}

void LabelCommandProgress::drawLine(bool final) {
    lastDraw_ = Clock::now();
    const double rate = imagesPerSecond();
    char eta[32] = "--:--";
    if (rate > 0 && done_ < todo_) {
        const long s = long(double(todo_ - done_) / rate);
        std::snprintf(eta, sizeof eta, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    } else if (done_ == todo_) {
        std::snprintf(eta, sizeof eta, "0:00:00");
    }
    std::fprintf(stderr, "\r%zu/%zu images  %.2f images/s  ETA %s  %zu error%s\x1b[K%s", done_, todo_, rate,
                 eta, errors_, errors_ == 1 ? "" : "s", final ? "\n" : "");
    std::fflush(stderr);
}

}  // namespace pm::cli
