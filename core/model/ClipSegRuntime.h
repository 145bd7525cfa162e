#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "model/FloatTensor.h"

namespace pm {

class ClipSegRuntime;

// Vision-tower activations of ONE image (the hidden states after each extract layer), kept by the image
// cache so that any number of prompts can be decoded without re-running the tower. Opaque: the tensors
// stay in LibTorch's format. Immutable once made, so sharing between caches and results is safe.
class ImageActivations {
public:
    ~ImageActivations();
    ImageActivations(const ImageActivations&) = delete;
    ImageActivations& operator=(const ImageActivations&) = delete;

    size_t bytes() const;  // memory held, for the cache budget
    // Copies the activations out, in extract-layer order, each [1,T,D] (tests, debugging).
    std::vector<FloatTensor> toHost() const;
    // Wraps host arrays (e.g. golden hidden states) so decode() can be tested on its own.
    static std::shared_ptr<const ImageActivations> fromHost(const std::vector<FloatTensor>& layers);

private:
    friend class ClipSegRuntime;
    struct Impl;
    explicit ImageActivations(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

struct RuntimeOptions {
    int threads = 0;             // intra-op threads; 0: std::thread::hardware_concurrency()
    bool quantizedInt8 = false;  // the module holds dynamically quantized Linear layers (oneDNN engine)
    // TorchScript's profiling executor re-profiles and re-specialises a method for new input shapes
    // (every new prompt length or count) and has no CPU fuser to gain from it here; the legacy executor
    // optimises each method once. Process-wide setting; true only to compare (promptmask-cli bench).
    bool profilingExecutor = false;
    // Freeze at load: weights become graph constants, the text and decode linears pre-transposed (the
    // q/k/v products stay separate: LibTorch 1.13 concatenates them only on shape-annotated graphs).
    // Not shipped (EngineOptions::freezeModule): on an idle machine it did not speed up a re-prompt but
    // cost load time and memory; promptmask-cli bench --freeze compares.
    bool freeze = false;
};

// The bundle's TorchScript module (model.pt) and its four methods:
//   encode_image(pixel_values [B,3,S,S]) -> List[Tensor]   activations after the extract layers
//   embed_image(pixel_values [B,3,S,S])  -> [B,P]          visual-prompt embedding
//   encode_text(input_ids [N,L], attention_mask [N,L]) -> [N,P]
//   decode(activations, conditional [N,P]) -> [N,S,S]      logits; batch-1 activations broadcast to N
// This is the only class that includes LibTorch headers (pimpl), so Qt code can include everything else.
//
// Threading: every call runs under c10::InferenceMode. Calls may come from any thread but LibTorch's
// intra-op thread count is process-wide (set by the constructor). Every method throws pm::Error(Model)
// naming model.pt and the method when LibTorch fails, and pm::Error(Input) for wrongly sized inputs.
class ClipSegRuntime {
public:
    ClipSegRuntime(const std::filesystem::path& modelFile, int inputSize, const RuntimeOptions& options = {});
    ~ClipSegRuntime();
    ClipSegRuntime(const ClipSegRuntime&) = delete;
    ClipSegRuntime& operator=(const ClipSegRuntime&) = delete;

    int inputSize() const;
    int threads() const;

    // One preprocessed image, CHW [3,S,S] float32.
    std::shared_ptr<const ImageActivations> encodeImage(const std::vector<float>& pixelValues) const;
    // `count` preprocessed images back to back, [count,3,S,S] -> embeddings [count,P].
    FloatTensor embedImages(const std::vector<float>& pixelValues, int count) const;
    // Padded token batch, row-major [rows,cols] -> embeddings [rows,P].
    FloatTensor encodeText(const std::vector<int64_t>& ids, const std::vector<int64_t>& attentionMask,
                           int rows, int cols) const;
    // conditional [N,P] -> logits [N,S,S], one batched decoder call.
    FloatTensor decode(const ImageActivations& activations, const FloatTensor& conditional) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace pm
