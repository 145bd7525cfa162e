#pragma once

#include <atomic>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "inference/SegmentationWorker.h"
#include "model/Segmenter.h"

namespace pm::ui::testing {

// What a FakeSegmenter did and how it should behave, shared with the test (the segmenter itself is
// owned by the inference thread). Counters are atomic; the lists are guarded by `mutex`.
struct FakeProbe {
    std::atomic<int> segmentCalls{0};
    std::atomic<int> encodeCalls{0};  // vision-tower runs (segment misses and encodeImage)
    std::atomic<int> cacheHits{0};    // segment() calls served from the image cache
    std::atomic<int> cancelled{0};
    std::atomic<int> delayMs{0};  // per vision-tower run and per decode; honours the CancelToken
    std::atomic<int> loads{0};
    // A load waits this long (in small steps, honouring its CancelToken) before it opens the model.
    std::atomic<int> loadDelayMs{0};
    std::atomic<int> loadsStarted{0};
    std::atomic<int> loadsCancelled{0};
    // Reads images without their EXIF orientation: a model whose reader disagrees with the viewer's.
    std::atomic<bool> ignoreExif{false};
    std::mutex mutex;
    std::vector<std::string> log;  // "segment <file>" / "encode <file>", in execution order

    std::vector<std::string> logCopy() {
        const std::lock_guard<std::mutex> lock(mutex);
        return log;
    }
};

// A deterministic stand-in for the CLIPSeg runtime. A text prompt gives a cone of probability
// (1 at its centre, falling linearly to 0 at radius R) whose centre and R derive from the text, so the
// mask area shrinks strictly as the threshold rises. A visual prompt gives a cone at the box's relative
// position, with R from the box size. The prompt "fail" throws pm::Error(Model).
class FakeSegmenter : public pm::Segmenter {
public:
    explicit FakeSegmenter(std::shared_ptr<FakeProbe> probe, std::string bundle = "fake");

    pm::ModelInfo modelInfo() const override;
    void encodeImage(const std::string& imagePath, const pm::CancelToken* cancel) override;
    pm::SegmentationResult segment(const std::string& imagePath, const std::vector<pm::Prompt>& prompts,
                                   const pm::CancelToken* cancel) override;
    bool isImageCached(const std::string& imagePath) const override;
    pm::CacheStats cacheStats() const override;

    // Opens a FakeSegmenter for any bundle path except one containing "broken", which fails like a
    // corrupt bundle would.
    static OpenSegmenterFn factory(std::shared_ptr<FakeProbe> probe);

    static constexpr const char* kModelName = "fake: disks";

private:
    void sleep(const pm::CancelToken* cancel);
    void encode(const std::string& path, const pm::CancelToken* cancel);

    std::shared_ptr<FakeProbe> probe_;
    std::string bundle_;
    std::deque<std::string> cache_;  // most recent last
    size_t hits_ = 0;
    size_t misses_ = 0;
};

}  // namespace pm::ui::testing
