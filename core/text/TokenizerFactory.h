#pragma once

#include <memory>

#include "text/Tokenizer.h"
#include "text/TokenizerConfig.h"

namespace pm {

// Builds the tokenizer a bundle asks for. Throws pm::Error(ErrorKind::Model) naming the type, role or
// file for an unknown type, a missing file role, an unreadable or malformed file, a context length
// below 2, or (sentencepiece) a module that cannot be loaded.
std::unique_ptr<Tokenizer> createTokenizer(const TokenizerConfig& config);

}  // namespace pm
