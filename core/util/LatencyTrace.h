#pragma once

#include <cstdint>

namespace pm {

// Off unless the environment variable PROMPTMASK_LATENCY_TRACE names a file. Then the window appends
// one line per event, "<steady-clock ns> <event> <request id>", so that packaging/bench/gui_reprompt.sh
// can time a re-prompt in the real window, from the request the prompt's Enter made to the first paint
// of its result, without a screen-diff loop. When off, each call is one branch. Thread-safe.
//   request <id>  the window asked the model (DatasetDocument::segmentCurrent)
//   started <id>  the inference thread took the job from its queue (SegmentationWorker)
//   computed <id> the inference thread has the masks and hands them to the window (SegmentationWorker)
//   result <id>   the result is in the canvas overlay (DatasetDocument::onSegmented)
//   shown <id>    the canvas finished the first paint after that result (CanvasView::paintEvent)
class LatencyTrace {
public:
    static bool enabled();
    static int64_t now();  // ns on std::chrono::steady_clock (CLOCK_MONOTONIC)
    static void request(uint64_t id, int64_t askedAt);
    static void started(uint64_t id);
    static void computed(uint64_t id);
    static void result(uint64_t id);
    static void painted();  // writes "shown" once per result
};

}  // namespace pm
