#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pm {

// Standard base64 (RFC 4648, with padding), as labelme stores embedded images in `imageData`.
class Base64 {
public:
    static std::string encode(std::string_view bytes);
    // nullopt on characters outside the alphabet or a bad length; whitespace is ignored.
    static std::optional<std::string> decode(std::string_view text);
};

}  // namespace pm
