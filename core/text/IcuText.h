#pragma once

// Private to core/text: ICU helpers shared by the tokenizers. Never include this from a public header
// (ICU stays an implementation detail of pm_text).

#include <unicode/unistr.h>

#include <string>

namespace pm::text {

// Decodes UTF-8; throws pm::Error(ErrorKind::Input) quoting the text when it is not well-formed.
icu::UnicodeString fromUtf8(const std::string& utf8);

std::string toUtf8(const icu::UnicodeString& text);

// Full Unicode lowercasing (root locale, so no Turkish dotless-i rules; multi-character mappings such as
// U+0130 -> "i\u0307" included).
icu::UnicodeString lowercase(const icu::UnicodeString& text);

// Canonical composition (NFC).
icu::UnicodeString nfc(const icu::UnicodeString& text);

}  // namespace pm::text
