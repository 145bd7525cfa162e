#include "model/TorchSegmenter.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <opencv2/imgproc.hpp>
#include <optional>
#include <unordered_set>

#include "image/ImageLoader.h"
#include "image/Preprocessor.h"
#include "image/VisualPromptCrop.h"
#include "text/TokenizerFactory.h"
#include "util/Error.h"

namespace fs = std::filesystem;

namespace pm {

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Identifies a file's content cheaply: absolute path + modification time + size. An edited or replaced
// image gets a new key, so stale activations are never served. nullopt when the file is not there.
std::optional<std::string> fileKey(const std::string& path) {
    std::error_code ec;
    fs::path p = fs::absolute(path, ec);
    if (ec) {
        return std::nullopt;
    }
    p = p.lexically_normal();
    if (!fs::is_regular_file(p, ec)) {
        return std::nullopt;
    }
    const uintmax_t size = fs::file_size(p, ec);
    if (ec) {
        return std::nullopt;
    }
    const auto mtime = fs::last_write_time(p, ec);
    if (ec) {
        return std::nullopt;
    }
    return p.string() + "|" + std::to_string(mtime.time_since_epoch().count()) + "|" + std::to_string(size);
}

std::string requireFileKey(const std::string& path, const char* what) {
    if (auto key = fileKey(path)) {
        return *key;
    }
    throw Error(ErrorKind::Input, path + ": " + what + " not found or not a regular file");
}

std::string shortened(const std::string& text, size_t limit = 40) {
    if (text.size() <= limit) {
        return text;
    }
    size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
        --cut;  // do not split a UTF-8 sequence
    }
    return text.substr(0, cut) + "…";
}

std::string boxText(const cv::Rect& b) {
    return std::to_string(b.x) + "," + std::to_string(b.y) + "," + std::to_string(b.x + b.width) + "," +
           std::to_string(b.y + b.height);
}

cv::Mat sigmoid(const cv::Mat& logits) {
    cv::Mat out(logits.size(), CV_32F);
    for (int y = 0; y < logits.rows; ++y) {
        const float* in = logits.ptr<float>(y);
        float* o = out.ptr<float>(y);
        for (int x = 0; x < logits.cols; ++x) {
            o[x] = 1.0f / (1.0f + std::exp(-in[x]));
        }
    }
    return out;
}

}  // namespace

TorchSegmenter::TorchSegmenter(BundleManifest manifest, const EngineOptions& options)
    : manifest_(std::move(manifest)), options_(options) {
    tokenizer_ = createTokenizer(manifest_.tokenizerConfig());

    RuntimeOptions ro;
    ro.threads = options_.threads;
    ro.quantizedInt8 = manifest_.quantization == "int8-dynamic";
    ro.profilingExecutor = options_.profilingExecutor;
    ro.freeze = options_.freezeModule && !ro.quantizedInt8;  // freezing is tested on float32 graphs only
    runtime_ = std::make_unique<ClipSegRuntime>(manifest_.modelPath(), manifest_.inputSize, ro);
}

TorchSegmenter::~TorchSegmenter() = default;

ModelInfo TorchSegmenter::modelInfo() const {
    ModelInfo info;
    info.name = manifest_.name;
    info.source = manifest_.source;
    info.id = manifest_.modelId();
    info.bundlePath = manifest_.bundleDir.string();
    info.tokenizerType = manifest_.tokenizerType;
    info.quantization = manifest_.quantization;
    if (manifest_.quantization == "int8-dynamic") {
        info.quantizationCost =
            "int8: faster image encoding, but the masks are not float32's: logits deviate by a few percent "
            "of their range and mask edges can move (docs/PERFORMANCE.md)";
    }
    info.inputSize = manifest_.inputSize;
    info.threads = runtime_->threads();
    return info;
}

std::vector<float> TorchSegmenter::pixelValues(const cv::Mat& rgb8) const {
    PreprocessConfig pc;
    pc.size = manifest_.inputSize;
    pc.rescaleFactor = manifest_.rescaleFactor;
    pc.mean = {manifest_.mean[0], manifest_.mean[1], manifest_.mean[2]};
    pc.std = {manifest_.std[0], manifest_.std[1], manifest_.std[2]};
    return Preprocessor::toPixelValues(rgb8, pc);
}

TorchSegmenter::Activations TorchSegmenter::activationsFor(const std::string& imagePath,
                                                           const CancelToken* cancel, StageTimings& timings) {
    const std::string key = requireFileKey(imagePath, "image");
    if (const auto it = imageIndex_.find(key); it != imageIndex_.end()) {
        images_.splice(images_.begin(), images_, it->second);  // most recently used
        ++hits_;
        timings.imageCacheHit = true;
        return {it->second->activations, it->second->imageSize};
    }
    auto start = Clock::now();
    PreparedImage prepared = prepare(imagePath);
    timings.loadImageMs = msSince(start);
    prepared.cacheKey = key;  // the key looked up above, even if the file changed since
    return activationsFor(prepared, cancel, timings);
}

TorchSegmenter::Activations TorchSegmenter::activationsFor(const PreparedImage& image,
                                                           const CancelToken* cancel, StageTimings& timings) {
    if (const auto it = imageIndex_.find(image.cacheKey); it != imageIndex_.end()) {
        images_.splice(images_.begin(), images_, it->second);  // most recently used
        ++hits_;
        timings.imageCacheHit = true;
        return {it->second->activations, it->second->imageSize};
    }
    ++misses_;
    CancelToken::check(cancel);
    const auto start = Clock::now();
    auto activations = runtime_->encodeImage(image.pixels);
    timings.encodeImageMs = msSince(start);
    insertImage({image.cacheKey, activations, image.imageSize});
    return {activations, image.imageSize};
}

PreparedImage TorchSegmenter::prepare(const std::string& imagePath) const {
    PreparedImage image;
    image.path = imagePath;
    image.cacheKey = requireFileKey(imagePath, "image");
    const cv::Mat rgb = ImageLoader::loadRgb(imagePath);
    image.imageSize = rgb.size();
    image.pixels = pixelValues(rgb);
    return image;
}

void TorchSegmenter::insertImage(CachedImage entry) {
    imageBytes_ += entry.activations->bytes();
    images_.push_front(std::move(entry));
    imageIndex_[images_.front().key] = images_.begin();
    // A budget smaller than one image's activations caches nothing.
    while (imageBytes_ > options_.imageCacheBytes && !images_.empty()) {
        imageBytes_ -= images_.back().activations->bytes();
        imageIndex_.erase(images_.back().key);
        images_.pop_back();
    }
}

void TorchSegmenter::insertPrompt(CachedPrompt entry) {
    if (options_.promptCacheEntries == 0) {
        return;
    }
    if (const auto it = promptIndex_.find(entry.key); it != promptIndex_.end()) {
        prompts_.erase(it->second);
        promptIndex_.erase(it);
    }
    prompts_.push_front(std::move(entry));
    promptIndex_[prompts_.front().key] = prompts_.begin();
    while (prompts_.size() > options_.promptCacheEntries) {
        promptIndex_.erase(prompts_.back().key);
        prompts_.pop_back();
    }
}

std::string TorchSegmenter::promptKey(const Prompt& prompt) const {
    if (!prompt.isVisual()) {
        return "text:" + prompt.text;
    }
    const VisualExemplar& ex = *prompt.exemplar;
    return "visual:" + requireFileKey(ex.imagePath, "visual-prompt image") + "@" + boxText(ex.box) + "/" +
           toString(ex.mode);
}

TorchSegmenter::CachedPrompt TorchSegmenter::cachedRow(const std::string& key, const FloatTensor& embeddings,
                                                       size_t row) {
    const size_t dim = size_t(embeddings.dim(1));
    CachedPrompt entry;
    entry.key = key;
    entry.embedding.assign(embeddings.data.begin() + row * dim, embeddings.data.begin() + (row + 1) * dim);
    return entry;
}

void TorchSegmenter::computeTextEmbeddings(const std::vector<PromptMiss>& misses,
                                           std::vector<CachedPrompt>& out) {
    if (misses.empty()) {
        return;
    }
    std::vector<Tokenization> rows;
    for (const PromptMiss& m : misses) {
        rows.push_back(tokenizer_->encode(m.prompt->text));
    }
    const TokenBatch batch = padBatch(rows, tokenizer_->padId());
    const FloatTensor emb = runtime_->encodeText(batch.ids, batch.attentionMask, batch.rows, batch.cols);
    for (size_t i = 0; i < misses.size(); ++i) {
        CachedPrompt entry = cachedRow(misses[i].key, emb, i);
        if (rows[i].truncated()) {
            entry.warnings.push_back("prompt \"" + shortened(misses[i].prompt->text) + "\" is " +
                                     std::to_string(rows[i].untruncatedLength) +
                                     " tokens long; truncated to the model's " +
                                     std::to_string(tokenizer_->contextLength()) + "-token context");
        }
        out.push_back(std::move(entry));
    }
}

void TorchSegmenter::computeVisualEmbeddings(const std::vector<PromptMiss>& misses,
                                             std::vector<CachedPrompt>& out,
                                             std::unordered_map<std::string, std::string>& failed) {
    std::vector<float> pixels;
    std::vector<const PromptMiss*> usable;
    for (const PromptMiss& m : misses) {
        const VisualExemplar& ex = *m.prompt->exemplar;
        try {
            const cv::Mat rgb = ImageLoader::loadRgb(ex.imagePath);
            const cv::Rect bounds(0, 0, rgb.cols, rgb.rows);
            // A box partly outside the image is clipped (VisualPromptCrop); one entirely outside is unusable.
            if (ex.box.width <= 0 || ex.box.height <= 0 || (ex.box & bounds).area() == 0) {
                throw Error(ErrorKind::Input, ex.imagePath + ": visual-prompt box " + boxText(ex.box) +
                                                  " is empty or lies outside the " +
                                                  std::to_string(rgb.cols) + "x" + std::to_string(rgb.rows) +
                                                  " image");
            }
            const std::vector<float> one = pixelValues(VisualPromptCrop::make(rgb, ex.box, ex.mode));
            pixels.insert(pixels.end(), one.begin(), one.end());
            usable.push_back(&m);
        } catch (const Error& e) {
            if (e.kind() != ErrorKind::Input) {
                throw;
            }
            failed[m.key] = e.what();
        }
    }
    if (usable.empty()) {
        return;
    }
    const FloatTensor emb = runtime_->embedImages(pixels, int(usable.size()));
    for (size_t i = 0; i < usable.size(); ++i) {
        out.push_back(cachedRow(usable[i]->key, emb, i));
    }
}

FloatTensor TorchSegmenter::promptEmbeddings(const std::vector<Prompt>& prompts, const CancelToken* cancel,
                                             std::vector<std::vector<std::string>>& warnings,
                                             std::vector<std::string>& errors) {
    // Look every prompt up first; compute the misses in one text batch and one visual batch.
    std::vector<std::string> keys(prompts.size());
    errors.assign(prompts.size(), {});
    std::unordered_map<std::string, CachedPrompt> found;
    std::unordered_map<std::string, std::string> failed;
    std::vector<PromptMiss> textMisses;
    std::vector<PromptMiss> visualMisses;
    std::unordered_set<std::string> pending;
    for (size_t i = 0; i < prompts.size(); ++i) {
        const Prompt& p = prompts[i];
        try {
            keys[i] = promptKey(p);  // a visual prompt's key stats its image: a missing file fails here
        } catch (const Error& e) {
            if (e.kind() != ErrorKind::Input) {
                throw;
            }
            errors[i] = e.what();
            continue;
        }
        const std::string& key = keys[i];
        if (found.count(key) || pending.count(key)) {
            continue;
        }
        if (const auto it = promptIndex_.find(key); it != promptIndex_.end()) {
            prompts_.splice(prompts_.begin(), prompts_, it->second);
            found[key] = *it->second;
            ++promptHits_;
            continue;
        }
        ++promptMisses_;
        pending.insert(key);
        (p.isVisual() ? visualMisses : textMisses).push_back({&p, key});
    }
    std::vector<CachedPrompt> computed;
    computeTextEmbeddings(textMisses, computed);
    CancelToken::check(cancel);
    computeVisualEmbeddings(visualMisses, computed, failed);
    for (CachedPrompt& entry : computed) {
        found[entry.key] = entry;
        insertPrompt(std::move(entry));
    }

    FloatTensor cond;
    const size_t dim = found.empty() ? 0 : found.begin()->second.embedding.size();
    warnings.assign(prompts.size(), {});
    size_t rows = 0;
    for (size_t i = 0; i < prompts.size(); ++i) {
        if (const auto why = failed.find(keys[i]); errors[i].empty() && why != failed.end()) {
            errors[i] = why->second;
        }
        if (!errors[i].empty()) {
            continue;
        }
        const CachedPrompt& entry = found.at(keys[i]);
        cond.data.insert(cond.data.end(), entry.embedding.begin(), entry.embedding.end());
        warnings[i] = entry.warnings;
        ++rows;
    }
    cond.shape = {int64_t(rows), int64_t(dim)};
    return cond;
}

void TorchSegmenter::encodeImage(const std::string& imagePath, const CancelToken* cancel) {
    CancelToken::check(cancel);
    StageTimings ignored;
    activationsFor(imagePath, cancel, ignored);
}

SegmentationResult TorchSegmenter::segment(const std::string& imagePath, const std::vector<Prompt>& prompts,
                                           const CancelToken* cancel) {
    SegmentationResult result;
    CancelToken::check(cancel);
    const Activations image = activationsFor(imagePath, cancel, result.timings);
    return decodePrompts(image, prompts, cancel, std::move(result));
}

SegmentationResult TorchSegmenter::segmentPrepared(const PreparedImage& image,
                                                   const std::vector<Prompt>& prompts,
                                                   const CancelToken* cancel) {
    if (image.pixels.empty()) {  // prepared by someone else's prepare(): only the path is known
        return segment(image.path, prompts, cancel);
    }
    SegmentationResult result;
    CancelToken::check(cancel);
    const Activations activations = activationsFor(image, cancel, result.timings);
    return decodePrompts(activations, prompts, cancel, std::move(result));
}

SegmentationResult TorchSegmenter::decodePrompts(const Activations& image, const std::vector<Prompt>& prompts,
                                                 const CancelToken* cancel, SegmentationResult result) {
    result.imageSize = image.imageSize;
    CancelToken::check(cancel);
    if (prompts.empty()) {
        return result;
    }

    auto start = Clock::now();
    const FloatTensor cond = promptEmbeddings(prompts, cancel, result.promptWarnings, result.promptErrors);
    result.timings.encodePromptsMs = msSince(start);
    for (const auto& list : result.promptWarnings) {
        result.warnings.insert(result.warnings.end(), list.begin(), list.end());
    }
    CancelToken::check(cancel);

    // Only the usable prompts are decoded; an unusable one gets an empty map in its place.
    FloatTensor logits;
    int h = runtime_->inputSize();
    int w = h;
    if (cond.shape[0] > 0) {
        start = Clock::now();
        logits = runtime_->decode(*image.activations, cond);
        result.timings.decodeMs = msSince(start);
        if (logits.shape.size() != 3 || logits.shape[0] != cond.shape[0]) {
            throw Error(ErrorKind::Model,
                        manifest_.modelPath().string() + ": decode returned logits of an unexpected shape");
        }
        h = int(logits.shape[1]);
        w = int(logits.shape[2]);
    }
    CancelToken::check(cancel);

    start = Clock::now();
    size_t row = 0;
    for (size_t i = 0; i < prompts.size(); ++i) {
        if (!result.promptErrors[i].empty()) {
            result.logits.emplace_back(h, w, CV_32F, cv::Scalar(SegmentationResult::kUnusablePromptLogit));
            result.probabilities.push_back(cv::Mat::zeros(result.imageSize, CV_32F));
            continue;
        }
        // Wraps the tensor's memory, then clones so each result owns its pixels.
        const cv::Mat view(h, w, CV_32F, logits.data.data() + row++ * size_t(h) * size_t(w));
        result.logits.push_back(view.clone());
        cv::Mat prob = sigmoid(view);
        if (prob.size() != result.imageSize) {
            cv::Mat resized;
            cv::resize(prob, resized, result.imageSize, 0, 0, cv::INTER_LINEAR);
            prob = resized;
        }
        result.probabilities.push_back(prob);
    }
    result.timings.postprocessMs = msSince(start);
    return result;
}

PromptEmbeddings TorchSegmenter::embedPrompts(const std::vector<Prompt>& prompts, const CancelToken* cancel) {
    CancelToken::check(cancel);
    PromptEmbeddings out;
    const FloatTensor usable = promptEmbeddings(prompts, cancel, out.warnings, out.errors);
    // promptEmbeddings() packs the usable rows; spread them back to prompt order (zeros elsewhere).
    const size_t dim = size_t(usable.dim(1));
    out.embeddings.shape = {int64_t(prompts.size()), int64_t(dim)};
    out.embeddings.data.assign(prompts.size() * dim, 0.0f);
    size_t row = 0;
    for (size_t i = 0; i < prompts.size(); ++i) {
        if (out.errors[i].empty()) {
            std::copy_n(usable.data.begin() + long(row++ * dim), dim,
                        out.embeddings.data.begin() + long(i * dim));
        }
    }
    return out;
}

DecodedEmbeddings TorchSegmenter::decodeEmbeddings(const std::string& imagePath,
                                                   const FloatTensor& conditional,
                                                   const CancelToken* cancel) {
    CancelToken::check(cancel);
    DecodedEmbeddings out;
    const Activations image = activationsFor(imagePath, cancel, out.timings);
    out.imageSize = image.imageSize;
    CancelToken::check(cancel);
    if (conditional.dim(0) > 0) {
        const auto start = Clock::now();
        out.logits = runtime_->decode(*image.activations, conditional);
        out.timings.decodeMs = msSince(start);
        if (out.logits.shape.size() != 3 || out.logits.shape[0] != conditional.shape[0]) {
            throw Error(ErrorKind::Model,
                        manifest_.modelPath().string() + ": decode returned logits of an unexpected shape");
        }
    }
    return out;
}

bool TorchSegmenter::isImageCached(const std::string& imagePath) const {
    const auto key = fileKey(imagePath);
    return key && imageIndex_.count(*key) != 0;
}

void TorchSegmenter::clearCaches() {
    images_.clear();
    imageIndex_.clear();
    imageBytes_ = 0;
    prompts_.clear();
    promptIndex_.clear();
}

CacheStats TorchSegmenter::cacheStats() const {
    CacheStats stats;
    stats.images = images_.size();
    stats.imageBytes = imageBytes_;
    stats.imageBudgetBytes = options_.imageCacheBytes;
    stats.prompts = prompts_.size();
    stats.hits = hits_;
    stats.misses = misses_;
    stats.promptHits = promptHits_;
    stats.promptMisses = promptMisses_;
    return stats;
}

}  // namespace pm
