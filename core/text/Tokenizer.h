#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace pm {

// One prompt as token ids, ready for the text tower.
struct Tokenization {
    std::vector<int64_t> ids;      // with bos/eos, truncated to contextLength keeping eos last
    size_t untruncatedLength = 0;  // ids.size() before truncation (bos and eos included)

    bool truncated() const { return untruncatedLength > ids.size(); }
};

// Several prompts as one rectangular batch.
struct TokenBatch {
    std::vector<int64_t> ids;            // row-major [rows, cols], right-padded with padId
    std::vector<int64_t> attentionMask;  // row-major [rows, cols]: 1 on real tokens, 0 on padding
    int rows = 0;
    int cols = 0;
};

// Right-pads every row to the longest one (HF `padding=True`): pad positions get padId and mask 0.
// An empty input gives an empty batch (rows = cols = 0).
TokenBatch padBatch(const std::vector<Tokenization>& rows, int64_t padId);

// Turns prompt text into ids. Implementations are immutable after construction apart from internal
// caches, which are guarded: encode() may be called from any thread.
// encode() throws pm::Error(ErrorKind::Input) for text that is not valid UTF-8.
class Tokenizer {
public:
    virtual ~Tokenizer();

    virtual Tokenization encode(const std::string& utf8) const = 0;
    virtual int contextLength() const = 0;
    virtual int64_t padId() const = 0;

    // Encodes each text and pads the results into one batch.
    TokenBatch encodeBatch(const std::vector<std::string>& texts) const;
};

}  // namespace pm
