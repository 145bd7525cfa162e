#include "util/Sha256.h"

#include <openssl/evp.h>

#include <cstdio>
#include <stdexcept>
#include <vector>

#include "util/Error.h"

namespace pm {

struct Sha256::Impl {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    ~Impl() { EVP_MD_CTX_free(ctx); }
};

Sha256::Sha256() : impl_(std::make_unique<Impl>()) {
    // Failing here means libcrypto itself is broken (out of memory): not a user error.
    if (!impl_->ctx || EVP_DigestInit_ex(impl_->ctx, EVP_sha256(), nullptr) != 1) {
        throw std::runtime_error("OpenSSL: cannot initialise SHA-256");
    }
}

Sha256::~Sha256() = default;

void Sha256::update(const void* data, size_t size) {
    if (finished_) {
        throw std::logic_error("Sha256::update after digest()");
    }
    if (size > 0 && EVP_DigestUpdate(impl_->ctx, data, size) != 1) {
        throw std::runtime_error("OpenSSL: SHA-256 update failed");
    }
}

std::array<uint8_t, 32> Sha256::digest() {
    if (finished_) {
        throw std::logic_error("Sha256::digest called twice");
    }
    finished_ = true;
    std::array<uint8_t, 32> out{};
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(impl_->ctx, out.data(), &length) != 1 || length != out.size()) {
        throw std::runtime_error("OpenSSL: SHA-256 final failed");
    }
    return out;
}

std::string Sha256::hexDigest() {
    static const char* const kHex = "0123456789abcdef";
    std::string hex;
    hex.reserve(64);
    for (const uint8_t byte : digest()) {
        hex.push_back(kHex[byte >> 4]);
        hex.push_back(kHex[byte & 0xf]);
    }
    return hex;
}

std::string Sha256::hexOf(std::string_view data) {
    Sha256 sha;
    sha.update(data);
    return sha.hexDigest();
}

std::string Sha256::hexOfFile(const std::filesystem::path& path) {
    // stdio with a large buffer: fewer syscalls than ifstream's small reads.
    std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file) {
        throw Error(ErrorKind::Input, path.string() + ": cannot open for reading");
    }
    Sha256 sha;
    std::vector<char> chunk(size_t(4) << 20);
    size_t got = 0;
    while ((got = std::fread(chunk.data(), 1, chunk.size(), file.get())) > 0) {
        sha.update(chunk.data(), got);
    }
    if (std::ferror(file.get())) {
        throw Error(ErrorKind::Input, path.string() + ": read error");
    }
    return sha.hexDigest();
}

}  // namespace pm
