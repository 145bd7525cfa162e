#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "text/Tokenizer.h"

namespace pm {

// CLIP's byte-level BPE with the semantics of Hugging Face's CLIPTokenizerFast (what CLIPSegProcessor
// loads): NFC, runs of white space -> one space, full Unicode lowercasing, CLIP's pre-tokenisation
// regex (digits are single tokens), byte-to-unicode symbols, BPE by merge rank with "</w>" on the last
// symbol of each word, [bos] + ids + [eos], truncation keeping eos last. No ftfy and no HTML unescaping
// (that is openai's SimpleTokenizer, which differs on a few strings). The literal strings
// "<|startoftext|>" / "<|endoftext|>" in a prompt become the bos / eos ids, as in both references.
//
// Threading: immutable after construction except for a per-word BPE cache guarded by a mutex, so
// encode() may be called from several threads.
class ClipBpeTokenizer : public Tokenizer {
public:
    struct Options {
        int contextLength = 77;
        int64_t bosId = 49406;
        int64_t eosId = 49407;
        int64_t padId = 49407;
    };

    // Hugging Face files: vocab.json (token -> id) and merges.txt ("#version" line, then "a b" per rank).
    static std::unique_ptr<ClipBpeTokenizer> fromHfFiles(const std::string& vocabJsonPath,
                                                         const std::string& mergesTxtPath,
                                                         const Options& options);
    // openai's bpe_simple_vocab_16e6.txt.gz; the vocabulary is derived as openai's SimpleTokenizer does.
    static std::unique_ptr<ClipBpeTokenizer> fromOpenAiBpe(const std::string& bpeGzPath,
                                                           const Options& options);

    ~ClipBpeTokenizer() override;

    Tokenization encode(const std::string& utf8) const override;
    int contextLength() const override;
    int64_t padId() const override;

    size_t vocabularySize() const;
    // The vocabulary string of an id (byte-to-unicode symbols, "</w>" marks a word end); empty when the
    // id is unknown. For diagnostics such as `promptmask-cli tokenize`.
    std::string tokenText(int64_t id) const;

private:
    struct Impl;
    explicit ClipBpeTokenizer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace pm
