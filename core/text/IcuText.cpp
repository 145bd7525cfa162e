#include "text/IcuText.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/ustring.h>

#include "util/Error.h"

namespace pm::text {

namespace {

std::string quoted(const std::string& text) {
    constexpr size_t kMaxShown = 60;
    std::string shown = text.size() > kMaxShown ? text.substr(0, kMaxShown) + "..." : text;
    return "\"" + shown + "\"";
}

}  // namespace

icu::UnicodeString fromUtf8(const std::string& utf8) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = 0;
    // Pre-flight: measures and validates without writing.
    u_strFromUTF8(nullptr, 0, &length, utf8.data(), static_cast<int32_t>(utf8.size()), &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) {
        throw Error(ErrorKind::Input, "the text " + quoted(utf8) + " is not valid UTF-8");
    }
    icu::UnicodeString result;
    status = U_ZERO_ERROR;
    UChar* buffer = result.getBuffer(length);
    u_strFromUTF8(buffer, length, &length, utf8.data(), static_cast<int32_t>(utf8.size()), &status);
    result.releaseBuffer(U_SUCCESS(status) ? length : 0);
    if (U_FAILURE(status)) {
        throw Error(ErrorKind::Input, "the text " + quoted(utf8) + " is not valid UTF-8");
    }
    return result;
}

std::string toUtf8(const icu::UnicodeString& text) {
    std::string out;
    text.toUTF8String(out);
    return out;
}

icu::UnicodeString lowercase(const icu::UnicodeString& text) {
    icu::UnicodeString copy(text);
    copy.toLower(icu::Locale::getRoot());
    return copy;
}

icu::UnicodeString nfc(const icu::UnicodeString& text) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) {
        throw Error(ErrorKind::Model, std::string("ICU NFC data is unavailable: ") + u_errorName(status));
    }
    icu::UnicodeString out = normalizer->normalize(text, status);
    if (U_FAILURE(status)) {
        throw Error(ErrorKind::Input, std::string("cannot normalise text: ") + u_errorName(status));
    }
    return out;
}

}  // namespace pm::text
