#include "text/Tokenizer.h"

#include <algorithm>

namespace pm {

Tokenizer::~Tokenizer() = default;

TokenBatch Tokenizer::encodeBatch(const std::vector<std::string>& texts) const {
    std::vector<Tokenization> rows;
    rows.reserve(texts.size());
    for (const std::string& text : texts) {
        rows.push_back(encode(text));
    }
    return padBatch(rows, padId());
}

TokenBatch padBatch(const std::vector<Tokenization>& rows, int64_t padId) {
    TokenBatch batch;
    size_t cols = 0;
    for (const Tokenization& row : rows) {
        cols = std::max(cols, row.ids.size());
    }
    batch.rows = static_cast<int>(rows.size());
    batch.cols = static_cast<int>(cols);
    batch.ids.assign(rows.size() * cols, padId);
    batch.attentionMask.assign(rows.size() * cols, 0);
    for (size_t r = 0; r < rows.size(); ++r) {
        const std::vector<int64_t>& ids = rows[r].ids;
        std::copy(ids.begin(), ids.end(), batch.ids.begin() + static_cast<std::ptrdiff_t>(r * cols));
        std::fill_n(batch.attentionMask.begin() + static_cast<std::ptrdiff_t>(r * cols), ids.size(), 1);
    }
    return batch;
}

}  // namespace pm
