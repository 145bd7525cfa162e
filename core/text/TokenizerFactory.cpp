#include "text/TokenizerFactory.h"

#include "text/ClipBpeTokenizer.h"
#include "text/SentencePieceTokenizer.h"
#include "util/Error.h"

namespace pm {

namespace {

bool hasFile(const TokenizerConfig& config, const std::string& role) {
    const auto it = config.files.find(role);
    return it != config.files.end() && !it->second.empty();
}

}  // namespace

std::unique_ptr<Tokenizer> createTokenizer(const TokenizerConfig& config) {
    if (config.type == "clip-bpe") {
        ClipBpeTokenizer::Options options;
        options.contextLength = config.contextLength;
        options.bosId = config.bosId;
        options.eosId = config.eosId;
        options.padId = config.padId;
        if (hasFile(config, "vocab") && hasFile(config, "merges")) {
            return ClipBpeTokenizer::fromHfFiles(config.files.at("vocab"), config.files.at("merges"),
                                                 options);
        }
        if (hasFile(config, "bpe")) {
            return ClipBpeTokenizer::fromOpenAiBpe(config.files.at("bpe"), options);
        }
        throw Error(
            ErrorKind::Model,
            "the clip-bpe tokenizer needs the files \"vocab\" and \"merges\" (Hugging Face) or \"bpe\" "
            "(openai bpe_simple_vocab_16e6.txt.gz)");
    }
    if (config.type == "sentencepiece") {
        return std::make_unique<SentencePieceTokenizer>(config);
    }
    throw Error(ErrorKind::Model, "unknown tokenizer type \"" + config.type +
                                      "\" (expected \"clip-bpe\" or \"sentencepiece\")");
}

}  // namespace pm
