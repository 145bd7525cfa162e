#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace pm {

// What a model bundle's manifest says about its tokenizer.
struct TokenizerConfig {
    std::string type;  // "clip-bpe" | "sentencepiece"
    // role -> absolute path. clip-bpe: "vocab" + "merges" (HF vocab.json / merges.txt) or "bpe"
    // (openai bpe_simple_vocab_16e6.txt.gz); sentencepiece: "model".
    std::map<std::string, std::string> files;
    int contextLength = 77;
    int64_t bosId = 49406, eosId = 49407, padId = 49407;
    bool lowercase = false;  // sentencepiece only; clip-bpe always lowercases
};

}  // namespace pm
