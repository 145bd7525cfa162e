#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "model/Segmenter.h"
#include "util/CancelToken.h"

namespace pm {

struct EngineOptions {
    int threads = 0;                             // 0: all cores (LibTorch alone would use 1 here)
    size_t imageCacheBytes = size_t(512) << 20;  // budget for cached image activations (LRU)
    size_t promptCacheEntries = 1024;            // cached text / visual-prompt embeddings
    bool profilingExecutor = false;              // see RuntimeOptions (comparison only)
    // Off: on the idle machine a frozen float32 module re-prompted no faster (89.8 vs 90.5 ms) but loaded
    // 40 % slower (1.15 vs 0.82 s, over the 1.0 s target) and peaked 180 MB higher (PERFORMANCE.md).
    bool freezeModule = false;    // RuntimeOptions::freeze for float32 bundles; int8 ones never
    bool verifyChecksums = true;  // sha256 of every bundle file at open (OpenSSL, overlapped with the load)
};

// Opens a model bundle directory (manifest.json + model.pt + tokenizer files) and returns the TorchScript
// segmenter. Throws pm::Error(ErrorKind::Model) naming the file and the problem when the bundle is
// missing, corrupt (sha256 mismatch), of an unknown format version, or its module lacks a method.
// `cancel` is checked between the stages (each file's checksum, the TorchScript load; the checksums run
// on a second thread beside the load): a window that
// closes during a load waits for one stage, not all of them. Throws pm::Error(Cancelled) then.
std::unique_ptr<Segmenter> openSegmenter(const std::string& bundleDir, const EngineOptions& options = {},
                                         const CancelToken* cancel = nullptr);

class TorchSegmenter;
// The same, typed: for tools that need the lower layers (promptmask-cli bench).
std::unique_ptr<TorchSegmenter> openTorchSegmenter(const std::string& bundleDir,
                                                   const EngineOptions& options = {},
                                                   const CancelToken* cancel = nullptr);

}  // namespace pm
