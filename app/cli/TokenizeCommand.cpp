#include "TokenizeCommand.h"

#include <iostream>
#include <nlohmann/json.hpp>

#include "ArgParser.h"
#include "ModelArgument.h"
#include "model/BundleManifest.h"
#include "text/TokenizerFactory.h"
#include "util/Error.h"

namespace pm::cli {

std::string TokenizeCommand::summary() const {
    return "print the token ids a model bundle gives each text";
}

std::string TokenizeCommand::usage() const {
    return R"(Usage: promptmask-cli tokenize [--model BUNDLE] TEXT...

Prints one JSON array of token ids per TEXT, one per line, with the bundle's begin/end ids and
truncated to its context length (a warning on stderr says when).

Options:
  --model BUNDLE   model bundle directory (only its tokenizer files are read and verified); default
                   as for segment

Exit status: 0 ok, 2 usage error, 3 input error (invalid UTF-8), 4 model error.
)";
}

int TokenizeCommand::run(const std::vector<std::string>& rawArgs) {
    ArgParser args({"model"}, {});
    args.parse(rawArgs);
    const std::string bundle = modelBundle(args);
    if (args.positionals().empty()) {
        throw Error(ErrorKind::Usage, "give at least one TEXT to tokenize");
    }
    const BundleManifest manifest = BundleManifest::load(bundle, /*verifyFiles=*/false);
    for (const auto& entry : manifest.tokenizerFiles) {
        manifest.verifyFile(entry.second);
    }
    const std::unique_ptr<Tokenizer> tokenizer = createTokenizer(manifest.tokenizerConfig());
    for (const std::string& text : args.positionals()) {
        const Tokenization t = tokenizer->encode(text);
        if (t.truncated()) {
            std::cerr << "promptmask-cli tokenize: warning: text of " << t.untruncatedLength
                      << " tokens truncated to the model's " << tokenizer->contextLength()
                      << "-token context\n";
        }
        std::cout << nlohmann::json(t.ids).dump() << "\n";
    }
    return 0;
}

}  // namespace pm::cli
