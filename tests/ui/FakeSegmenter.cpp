#include "FakeSegmenter.h"

#include <QImageReader>
#include <QString>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <opencv2/core.hpp>
#include <thread>

#include "util/Error.h"

namespace pm::ui::testing {

namespace {

constexpr size_t kCacheImages = 4;
constexpr size_t kBytesPerImage = size_t(4) << 20;

cv::Size imageSize(const std::string& path, bool applyExif = true) {
    QImageReader reader(QString::fromStdString(path));
    reader.setAutoTransform(applyExif);
    const QSize s = reader.size();
    if (!s.isValid()) {
        throw pm::Error(pm::ErrorKind::Input, "cannot read image '" + path + "'");
    }
    return {s.width(), s.height()};
}

cv::Mat cone(cv::Size size, double cx, double cy, double radius) {
    cv::Mat out(size, CV_32F);
    for (int y = 0; y < size.height; ++y) {
        auto* row = out.ptr<float>(y);
        for (int x = 0; x < size.width; ++x) {
            const double d = std::hypot(x + 0.5 - cx, y + 0.5 - cy);
            row[x] = static_cast<float>(std::clamp(1.0 - d / radius, 0.0, 1.0));
        }
    }
    return out;
}

}  // namespace

FakeSegmenter::FakeSegmenter(std::shared_ptr<FakeProbe> probe, std::string bundle)
    : probe_(std::move(probe)), bundle_(std::move(bundle)) {
    ++probe_->loads;
}

pm::ModelInfo FakeSegmenter::modelInfo() const {
    pm::ModelInfo info;
    info.name = kModelName;
    info.source = "tests/ui/FakeSegmenter";
    info.id = "000000000000";
    info.bundlePath = bundle_;
    info.tokenizerType = "none";
    info.quantization = "none";
    info.threads = 1;
    return info;
}

void FakeSegmenter::sleep(const pm::CancelToken* cancel) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(probe_->delayMs.load());
    while (std::chrono::steady_clock::now() < until) {
        if (cancel && cancel->isCancelled()) {
            ++probe_->cancelled;
            cancel->throwIfCancelled();
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
}

void FakeSegmenter::encode(const std::string& path, const pm::CancelToken* cancel) {
    imageSize(path);  // unreadable images fail here, as in the real runtime
    sleep(cancel);
    ++probe_->encodeCalls;
    ++misses_;
    cache_.push_back(path);
    if (cache_.size() > kCacheImages) {
        cache_.pop_front();
    }
}

void FakeSegmenter::encodeImage(const std::string& imagePath, const pm::CancelToken* cancel) {
    {
        const std::lock_guard<std::mutex> lock(probe_->mutex);
        probe_->log.push_back("encode " + imagePath.substr(imagePath.find_last_of('/') + 1));
    }
    if (!isImageCached(imagePath)) {
        encode(imagePath, cancel);
    }
}

pm::SegmentationResult FakeSegmenter::segment(const std::string& imagePath,
                                              const std::vector<pm::Prompt>& prompts,
                                              const pm::CancelToken* cancel) {
    ++probe_->segmentCalls;
    {
        const std::lock_guard<std::mutex> lock(probe_->mutex);
        probe_->log.push_back("segment " + imagePath.substr(imagePath.find_last_of('/') + 1));
    }
    pm::SegmentationResult result;
    result.imageSize = imageSize(imagePath, !probe_->ignoreExif);
    const auto it = std::find(cache_.begin(), cache_.end(), imagePath);
    result.timings.imageCacheHit = it != cache_.end();
    if (result.timings.imageCacheHit) {
        ++hits_;
        ++probe_->cacheHits;
        cache_.erase(it);
        cache_.push_back(imagePath);
    } else {
        encode(imagePath, cancel);
        result.timings.encodeImageMs = probe_->delayMs.load();
    }
    pm::CancelToken::check(cancel);
    sleep(cancel);  // "decode"
    const cv::Size size = result.imageSize;
    const double side = std::min(size.width, size.height);
    result.promptErrors.resize(prompts.size());
    for (size_t i = 0; i < prompts.size(); ++i) {
        const pm::Prompt& p = prompts[i];
        if (p.text == "fail") {
            throw pm::Error(pm::ErrorKind::Model, "fake inference failure for prompt 'fail'");
        }
        cv::Mat prob;
        if (p.exemplar) {
            // Same contract as TorchSegmenter: an exemplar whose image cannot be read, or whose box
            // misses it, is reported for that prompt alone, with an empty map.
            cv::Size source;
            const cv::Rect& b = p.exemplar->box;
            try {
                source = imageSize(p.exemplar->imagePath);
                if (b.width <= 0 || b.height <= 0 || (b & cv::Rect({0, 0}, source)).area() == 0) {
                    throw pm::Error(pm::ErrorKind::Input, p.exemplar->imagePath + ": box lies outside the " +
                                                              std::to_string(source.width) + "x" +
                                                              std::to_string(source.height) + " image");
                }
            } catch (const pm::Error& e) {
                result.promptErrors[i] = e.what();
                result.logits.push_back(cv::Mat::zeros(size, CV_32F));
                result.probabilities.push_back(cv::Mat::zeros(size, CV_32F));
                continue;
            }
            const double cx = (b.x + b.width / 2.0) / source.width * size.width;
            const double cy = (b.y + b.height / 2.0) / source.height * size.height;
            const double r = std::max(b.width, b.height) / double(std::max(source.width, source.height)) *
                             std::max(size.width, size.height);
            prob = cone(size, cx, cy, std::max(r, 4.0));
        } else {
            const size_t h = std::hash<std::string>{}(p.text);
            const double cx = size.width * (0.3 + 0.4 * ((h & 0xff) / 255.0));
            const double cy = size.height * (0.3 + 0.4 * (((h >> 8) & 0xff) / 255.0));
            const double r = side * (0.25 + 0.2 * (((h >> 16) & 0xff) / 255.0));
            prob = cone(size, cx, cy, r);
        }
        result.logits.push_back(prob);  // the GUI never reads logits
        result.probabilities.push_back(prob);
    }
    result.promptWarnings.resize(prompts.size());
    return result;
}

bool FakeSegmenter::isImageCached(const std::string& imagePath) const {
    return std::find(cache_.begin(), cache_.end(), imagePath) != cache_.end();
}

pm::CacheStats FakeSegmenter::cacheStats() const {
    pm::CacheStats s;
    s.images = cache_.size();
    s.imageBytes = cache_.size() * kBytesPerImage;
    s.imageBudgetBytes = kCacheImages * kBytesPerImage;
    s.hits = hits_;
    s.misses = misses_;
    return s;
}

OpenSegmenterFn FakeSegmenter::factory(std::shared_ptr<FakeProbe> probe) {
    return
        [probe](const QString& bundleDir, const pm::CancelToken& cancel) -> std::unique_ptr<pm::Segmenter> {
            ++probe->loadsStarted;
            const auto until =
                std::chrono::steady_clock::now() + std::chrono::milliseconds(probe->loadDelayMs.load());
            while (std::chrono::steady_clock::now() < until) {
                if (cancel.isCancelled()) {
                    ++probe->loadsCancelled;
                    cancel.throwIfCancelled();
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            }
            if (bundleDir.contains(QLatin1String("broken"))) {
                throw pm::Error(pm::ErrorKind::Model, "'" + bundleDir.toStdString() +
                                                          "/manifest.json': missing (not a model bundle)");
            }
            return std::make_unique<FakeSegmenter>(probe, bundleDir.toStdString());
        };
}

}  // namespace pm::ui::testing
