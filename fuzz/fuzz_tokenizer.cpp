// CLIP tokenizer: any bytes as a prompt, with openai's vocabulary from ../shared/golden/clip_bpe
// (PROMPTMASK_SHARED_DIR); without it the run stops at once with a message.
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "text/ClipBpeTokenizer.h"
#include "util/Error.h"

namespace {
std::unique_ptr<pm::ClipBpeTokenizer> tokenizer;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    const char* shared = std::getenv("PROMPTMASK_SHARED_DIR");
    const std::string bpe =
        std::string(shared ? shared : "../shared") + "/golden/clip_bpe/bpe_simple_vocab_16e6.txt.gz";
    try {
        tokenizer = pm::ClipBpeTokenizer::fromOpenAiBpe(bpe, {});
    } catch (const pm::Error& e) {
        std::fprintf(stderr, "fuzz_tokenizer: %s\n", e.what());
        std::exit(77);
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    try {
        (void)tokenizer->encode(std::string(reinterpret_cast<const char*>(data), size));
    } catch (const pm::Error&) {
    }
    return 0;
}
