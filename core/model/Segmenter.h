#pragma once

#include <opencv2/core/mat.hpp>
#include <string>
#include <vector>

#include "image/PreparedImage.h"
#include "model/FloatTensor.h"
#include "model/Prompt.h"
#include "util/CancelToken.h"
#include "util/Error.h"

namespace pm {

// Wall-clock time of each stage of one segment() call, in milliseconds.
struct StageTimings {
    double loadImageMs = 0;      // decode + preprocess (0 when the activations were cached)
    double encodeImageMs = 0;    // vision tower up to the last extract layer (0 on a cache hit)
    double encodePromptsMs = 0;  // text / visual-prompt embeddings (cached per prompt)
    double decodeMs = 0;         // batched decoder call for all prompts
    double postprocessMs = 0;    // sigmoid + upsampling to the image size
    bool imageCacheHit = false;
};

struct SegmentationResult {
    cv::Size imageSize;                  // the original (EXIF-oriented) image size
    std::vector<cv::Mat> logits;         // per prompt, CV_32F, model resolution (352x352), raw logits
    std::vector<cv::Mat> probabilities;  // per prompt, CV_32F in [0,1], bilinearly upsampled to imageSize
    StageTimings timings;
    // Things the user should know but that did not stop the run (e.g. a prompt longer than the model's
    // context, truncated). `warnings` has all of them, each naming its prompt; `promptWarnings[i]` has
    // those of prompt i only (same size as the prompts).
    std::vector<std::string> warnings;
    std::vector<std::vector<std::string>> promptWarnings;
    // Per prompt (same size as the prompts): empty, or why that prompt could not be used, e.g. its
    // visual-prompt image is gone or unreadable, or its box lies outside that image. Such a prompt gets
    // probability 0 everywhere (logits kUnusablePromptLogit); the other prompts are unaffected. Callers
    // decide what it means: the CLI fails the run, the GUI leaves the prompt out with a warning.
    std::vector<std::string> promptErrors;

    static constexpr float kUnusablePromptLogit = -100.0f;

    bool allPromptsUsable() const {
        for (const std::string& e : promptErrors) {
            if (!e.empty()) {
                return false;
            }
        }
        return true;
    }
};

struct ModelInfo {
    std::string name;    // display name, e.g. "CIDAS/clipseg-rd64-refined" or "demo: synthetic shapes"
    std::string source;  // manifest model.source
    std::string id;      // first 12 hex digits of model.pt's sha256: identifies the weights in provenance
    std::string bundlePath;
    std::string tokenizerType;  // "clip-bpe" or "sentencepiece"
    std::string quantization;   // "none" or "int8-dynamic"
    // What the quantization costs, one sentence for the user (empty for float32), e.g. for a tooltip next
    // to `quantization`. The measured figures are in docs/PERFORMANCE.md.
    std::string quantizationCost;
    int inputSize = 352;
    int threads = 1;
};

struct CacheStats {
    size_t images = 0;  // cached image activations
    size_t imageBytes = 0;
    size_t imageBudgetBytes = 0;
    size_t prompts = 0;  // cached prompt embeddings (text and visual)
    size_t hits = 0;     // image-activation lookups (segment / encodeImage) served from the cache
    size_t misses = 0;   // image-activation lookups that ran the vision tower
    size_t promptHits = 0;
    size_t promptMisses = 0;
};

// Conditional embeddings of prompts, as segment() would decode them (Segmenter::embedPrompts).
struct PromptEmbeddings {
    FloatTensor embeddings;  // [N,P] in prompt order; the row of an unusable prompt is zeros
    std::vector<std::vector<std::string>> warnings;  // per prompt
    std::vector<std::string> errors;                 // per prompt: empty, or why it cannot be used
};

// Raw logits of given conditional embeddings on one image (Segmenter::decodeEmbeddings).
struct DecodedEmbeddings {
    cv::Size imageSize;  // the original (EXIF-oriented) image size
    FloatTensor logits;  // [N,S,S]; empty when there were no embeddings
    StageTimings timings;
};

// The model behind one narrow interface: the GUI's worker thread, the CLI and the tests talk to this,
// the TorchScript runtime implements it, GUI tests use a fake. Not thread-safe: one thread owns it.
// Every method throws pm::Error (Input, Model or Cancelled) with a message fit for the user; a single
// prompt that cannot be used does not throw but is reported in SegmentationResult::promptErrors.
class Segmenter {
public:
    virtual ~Segmenter() = default;

    virtual ModelInfo modelInfo() const = 0;

    // Encodes the image and keeps its activations in the cache, so that a later segment() of the
    // same image skips the vision tower (prefetch of the next image).
    virtual void encodeImage(const std::string& imagePath, const CancelToken* cancel = nullptr) = 0;

    // Segments one image with N prompts: the image is encoded once (or taken from the cache), all
    // prompts are decoded in one batch. Results are in prompt order.
    virtual SegmentationResult segment(const std::string& imagePath, const std::vector<Prompt>& prompts,
                                       const CancelToken* cancel = nullptr) = 0;

    // The same in two halves, so that a reader thread can decode and preprocess the next images while
    // the owning thread runs the model: prepare() may be called from any thread at any time (it reads
    // only the file and the bundle's fixed settings) and throws pm::Error(Input) for a bad image;
    // segmentPrepared() gives exactly segment()'s result for that file. Not pure: the defaults only
    // remember the path, and segmentPrepared() then segments by path.
    virtual PreparedImage prepare(const std::string& imagePath) const {
        PreparedImage image;
        image.path = imagePath;
        return image;
    }
    virtual SegmentationResult segmentPrepared(const PreparedImage& image, const std::vector<Prompt>& prompts,
                                               const CancelToken* cancel = nullptr) {
        return segment(image.path, prompts, cancel);
    }

    // The prompt algebra's two halves (PromptCombiner): each prompt's embedding exactly as segment()
    // uses it (same cache), and one batched decode of any embeddings [N,P] on the image (encoded once
    // or cached). Not pure, so that fakes need not implement them; the defaults refuse.
    virtual PromptEmbeddings embedPrompts(const std::vector<Prompt>& prompts,
                                          const CancelToken* cancel = nullptr) {
        (void)prompts;
        (void)cancel;
        throw Error(ErrorKind::Model, modelInfo().name + ": this model cannot combine prompts");
    }
    virtual DecodedEmbeddings decodeEmbeddings(const std::string& imagePath, const FloatTensor& conditional,
                                               const CancelToken* cancel = nullptr) {
        (void)imagePath;
        (void)conditional;
        (void)cancel;
        throw Error(ErrorKind::Model, modelInfo().name + ": this model cannot combine prompts");
    }

    virtual bool isImageCached(const std::string& imagePath) const = 0;
    virtual CacheStats cacheStats() const = 0;
};

}  // namespace pm
