#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "text/TokenizerConfig.h"

namespace pm {

// The parsed and validated manifest.json of a model bundle (format "promptmask-bundle", version 1).
// A bundle is a directory: manifest.json, model.pt (one TorchScript module) and the tokenizer files, each
// listed in "files" with its sha256 and size. Plain value type, no torch.
struct BundleManifest {
    static constexpr int kFormatVersion = 1;

    struct FileEntry {
        std::string sha256;  // 64 lowercase hex digits
        uint64_t bytes = 0;
    };

    std::filesystem::path bundleDir;  // absolute

    // model
    std::string family;  // "clipseg"
    std::string name;
    std::string source;

    // architecture (informational except where noted)
    int visionHiddenSize = 0;
    int visionLayers = 0;
    int patchSize = 0;
    int textHiddenSize = 0;
    int projectionDim = 0;  // size of the conditional embeddings
    int reduceDim = 0;
    std::vector<int> extractLayers;
    bool complexUpsampling = false;

    // input
    int inputSize = 0;
    std::string resize;  // "pil-bilinear"
    double rescaleFactor = 0;
    std::array<float, 3> mean{};
    std::array<float, 3> std{};

    // tokenizer
    std::string tokenizerType;                          // "clip-bpe" or "sentencepiece"
    std::map<std::string, std::string> tokenizerFiles;  // role -> file name inside the bundle
    int contextLength = 0;
    int bosId = 0;
    int eosId = 0;
    int padId = 0;
    std::string pooling;     // "argmax" or "last"
    bool lowercase = false;  // sentencepiece only (optional field)

    std::string dtype;         // "float32"
    std::string quantization;  // "none" or "int8-dynamic"
    std::map<std::string, FileEntry> files;

    std::filesystem::path path(const std::string& fileName) const { return bundleDir / fileName; }
    std::filesystem::path modelPath() const { return path("model.pt"); }
    // First 12 hex digits of model.pt's sha256: identifies the weights in provenance records.
    std::string modelId() const;
    // The tokenizer block with absolute file paths, ready for createTokenizer().
    TokenizerConfig tokenizerConfig() const;

    // Reads <bundleDir>/manifest.json, validates it and (when verifyFiles) checks every listed file's
    // size and sha256. Throws pm::Error(ErrorKind::Model) naming the file and the problem.
    static BundleManifest load(const std::filesystem::path& bundleDir, bool verifyFiles = true);
    // Parses manifest text; `bundleDir` is used for messages and paths only. Throws like load().
    static BundleManifest parse(const std::string& json, const std::filesystem::path& bundleDir);
    // Checks presence, size and sha256 of every file in `files`. Throws pm::Error(ErrorKind::Model).
    void verifyFiles() const;
    // The same check for one listed file (e.g. only the tokenizer files, for `promptmask-cli tokenize`).
    void verifyFile(const std::string& fileName) const;
};

}  // namespace pm
