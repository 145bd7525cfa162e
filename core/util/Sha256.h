#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace pm {

// SHA-256 (FIPS 180-4), streaming: feed bytes with update(), read the digest once with hexDigest().
// Used to verify model bundles, so files are hashed in chunks and never loaded whole.
class Sha256 {
public:
    Sha256();

    void update(const void* data, size_t size);
    void update(std::string_view data) { update(data.data(), data.size()); }

    // Finishes the hash; the object must not be updated afterwards.
    std::array<uint8_t, 32> digest();
    std::string hexDigest();  // 64 lowercase hex digits

    static std::string hexOf(std::string_view data);
    // Hashes a file in 1 MiB chunks. Throws pm::Error(ErrorKind::Input) naming the path when it cannot be
    // read.
    static std::string hexOfFile(const std::filesystem::path& path);

private:
    void processBlock(const uint8_t* block);

    std::array<uint32_t, 8> state_;
    std::array<uint8_t, 64> buffer_{};
    size_t bufferSize_ = 0;
    uint64_t totalBytes_ = 0;
    bool finished_ = false;
};

}  // namespace pm
