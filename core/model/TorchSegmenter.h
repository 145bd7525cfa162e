#pragma once

#include <list>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/BundleManifest.h"
#include "model/ClipSegRuntime.h"
#include "model/Segmenter.h"
#include "model/SegmenterFactory.h"

namespace pm {

class Tokenizer;

// The Segmenter backed by a bundle's TorchScript module. One segment() call:
// - image: ImageLoader + Preprocessor, then encode_image (LRU cache keyed by path, mtime and size, with a
//   byte budget);
// - prompts: Tokenizer + encode_text, or exemplar crop + embed_image (LRU cache keyed by the prompt);
// - all N prompt embeddings go through ONE decode call: logits [N,S,S], sigmoid, bilinear to image size.
// The cancel token is checked between stages.
//
// Not thread-safe (see Segmenter): one thread owns it, typically the GUI's inference worker.
class TorchSegmenter : public Segmenter {
public:
    // Loads model.pt and the tokenizer; throws pm::Error(Model) naming the file and the problem.
    // The manifest is expected to be verified already (BundleManifest::load).
    TorchSegmenter(BundleManifest manifest, const EngineOptions& options);
    ~TorchSegmenter() override;

    ModelInfo modelInfo() const override;
    void encodeImage(const std::string& imagePath, const CancelToken* cancel = nullptr) override;
    SegmentationResult segment(const std::string& imagePath, const std::vector<Prompt>& prompts,
                               const CancelToken* cancel = nullptr) override;
    PreparedImage prepare(const std::string& imagePath) const override;
    SegmentationResult segmentPrepared(const PreparedImage& image, const std::vector<Prompt>& prompts,
                                       const CancelToken* cancel = nullptr) override;
    PromptEmbeddings embedPrompts(const std::vector<Prompt>& prompts,
                                  const CancelToken* cancel = nullptr) override;
    DecodedEmbeddings decodeEmbeddings(const std::string& imagePath, const FloatTensor& conditional,
                                       const CancelToken* cancel = nullptr) override;
    bool isImageCached(const std::string& imagePath) const override;
    CacheStats cacheStats() const override;
    // Forgets every cached image activation and prompt embedding (benchmarks measure cold runs with it).
    void clearCaches();

    // Lower layers, for tests and tools.
    const BundleManifest& manifest() const { return manifest_; }
    const ClipSegRuntime& runtime() const { return *runtime_; }
    const Tokenizer& tokenizer() const { return *tokenizer_; }
    // Preprocessed pixel values [3,S,S] of an RGB8 image, as the bundle's input block describes.
    std::vector<float> pixelValues(const cv::Mat& rgb8) const;

private:
    struct CachedImage {
        std::string key;
        std::shared_ptr<const ImageActivations> activations;
        cv::Size imageSize;
    };
    struct CachedPrompt {
        std::string key;
        std::vector<float> embedding;  // [P]
        std::vector<std::string> warnings;
    };
    struct Activations {
        std::shared_ptr<const ImageActivations> activations;
        cv::Size imageSize;
    };

    Activations activationsFor(const std::string& imagePath, const CancelToken* cancel,
                               StageTimings& timings);
    // The cached activations of a prepared image, or its vision-tower pass (then cached).
    Activations activationsFor(const PreparedImage& image, const CancelToken* cancel, StageTimings& timings);
    // segment() after the image: all prompts decoded in one batch, upsampled to the image size.
    SegmentationResult decodePrompts(const Activations& image, const std::vector<Prompt>& prompts,
                                     const CancelToken* cancel, SegmentationResult result);
    // Conditional embeddings [U,P] of the U usable prompts, in prompt order; fills the per-prompt
    // warnings and, for each prompt that cannot be used, why (errors[i] non-empty).
    FloatTensor promptEmbeddings(const std::vector<Prompt>& prompts, const CancelToken* cancel,
                                 std::vector<std::vector<std::string>>& warnings,
                                 std::vector<std::string>& errors);
    // A prompt missing from the cache, with the key promptEmbeddings() took for it (taking a visual
    // prompt's key stats its image: done once per call).
    struct PromptMiss {
        const Prompt* prompt;
        std::string key;
    };
    void computeTextEmbeddings(const std::vector<PromptMiss>& misses, std::vector<CachedPrompt>& out);
    // Visual prompts whose image cannot be loaded or whose box misses it go to `failed` (key -> why)
    // instead of `out`; they are not cached, so a file that comes back is used next time.
    void computeVisualEmbeddings(const std::vector<PromptMiss>& misses, std::vector<CachedPrompt>& out,
                                 std::unordered_map<std::string, std::string>& failed);
    std::string promptKey(const Prompt& prompt) const;
    // Row `row` of a batch of prompt embeddings [N, dim], as the cache entry for `key`.
    static CachedPrompt cachedRow(const std::string& key, const FloatTensor& embeddings, size_t row);
    void insertImage(CachedImage entry);
    void insertPrompt(CachedPrompt entry);

    BundleManifest manifest_;
    EngineOptions options_;
    std::unique_ptr<ClipSegRuntime> runtime_;
    std::unique_ptr<Tokenizer> tokenizer_;

    // Most recently used at the front.
    std::list<CachedImage> images_;
    std::unordered_map<std::string, std::list<CachedImage>::iterator> imageIndex_;
    size_t imageBytes_ = 0;
    std::list<CachedPrompt> prompts_;
    std::unordered_map<std::string, std::list<CachedPrompt>::iterator> promptIndex_;
    size_t hits_ = 0;
    size_t misses_ = 0;
    size_t promptHits_ = 0;
    size_t promptMisses_ = 0;
};

}  // namespace pm
