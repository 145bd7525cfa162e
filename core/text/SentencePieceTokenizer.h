#pragma once

#include <memory>
#include <string>
#include <vector>

#include "text/Tokenizer.h"
#include "text/TokenizerConfig.h"

namespace pm {

// A SentencePiece model (.model file) used as [bos] + pieces + [eos], truncated to the context length
// keeping eos last; optional full-Unicode lowercasing first (config.lowercase).
//
// SentencePiece itself is never linked into the process: it lives in the module
// promptmask_sentencepiece, loaded with dlopen(RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND) so its private
// protobuf cannot clash with LibTorch's. The module is looked for, in order, at:
//   1. $PROMPTMASK_SPM_MODULE (a full path; when set, nothing else is tried),
//   2. <dir of /proc/self/exe>/../lib/,
//   3. <dir of /proc/self/exe>/../lib/promptmask/,
//   4. the build tree's lib/ directory,
//   5. the install lib/promptmask/ directory.
// A module, once loaded, stays loaded for the life of the process (unloading protobuf is unsafe).
//
// Threading: encode() may be called from several threads.
class SentencePieceTokenizer : public Tokenizer {
public:
    // config.files["model"] is the .model file. Throws pm::Error(ErrorKind::Model) when the module cannot
    // be found or loaded (the message lists the paths tried) or the model file cannot be read.
    explicit SentencePieceTokenizer(const TokenizerConfig& config);
    ~SentencePieceTokenizer() override;

    Tokenization encode(const std::string& utf8) const override;
    int contextLength() const override;
    int64_t padId() const override;

    // Number of pieces in the model.
    int pieceCount() const;

    // Where the module is looked for, in order, given the current environment (for diagnostics/tests).
    static std::vector<std::string> moduleSearchPaths();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace pm
