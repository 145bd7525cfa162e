#include "model/NpyFile.h"

#include <cstring>
#include <regex>

#include "util/AtomicFile.h"
#include "util/Error.h"

namespace pm {

namespace {

constexpr char kMagic[] = "\x93NUMPY";
constexpr size_t kMagicSize = 6;

// This code writes the bytes of floats as they are in memory; .npy '<f4' is little-endian.
static_assert(sizeof(float) == 4, "float must be IEEE-754 binary32");

bool littleEndianHost() {
    const uint16_t one = 1;
    uint8_t first = 0;
    std::memcpy(&first, &one, 1);
    return first == 1;
}

}  // namespace

std::string NpyFile::encode(const FloatTensor& tensor) {
    if (!littleEndianHost()) {
        throw Error(ErrorKind::Io, "writing .npy files needs a little-endian host");
    }
    std::string shape = "(";
    for (size_t i = 0; i < tensor.shape.size(); ++i) {
        shape += std::to_string(tensor.shape[i]);
        shape += (tensor.shape.size() == 1 || i + 1 < tensor.shape.size()) ? "," : "";
        if (i + 1 < tensor.shape.size()) {
            shape += " ";
        }
    }
    shape += ")";
    std::string header = "{'descr': '<f4', 'fortran_order': False, 'shape': " + shape + ", }";
    // Magic (6) + version (2) + header length (2) + header, padded with spaces and ended by '\n' so that
    // the data starts 64-byte aligned.
    const size_t unpadded = kMagicSize + 2 + 2 + header.size() + 1;
    header.append((64 - unpadded % 64) % 64, ' ');
    header.push_back('\n');
    if (header.size() > 0xFFFF) {
        throw Error(ErrorKind::Io, ".npy header too long");
    }
    std::string out(kMagic, kMagicSize);
    out.push_back('\x01');
    out.push_back('\x00');
    out.push_back(char(header.size() & 0xFF));
    out.push_back(char(header.size() >> 8));
    out += header;
    const size_t offset = out.size();
    out.resize(offset + tensor.data.size() * sizeof(float));
    if (!tensor.data.empty()) {
        std::memcpy(&out[offset], tensor.data.data(), tensor.data.size() * sizeof(float));
    }
    return out;
}

FloatTensor NpyFile::decode(const std::string& bytes, const std::string& path) {
    const auto bad = [&](const std::string& why) { return Error(ErrorKind::Input, path + ": " + why); };
    if (bytes.size() < kMagicSize + 4 || bytes.compare(0, kMagicSize, kMagic, kMagicSize) != 0) {
        throw bad("not a .npy file");
    }
    const auto major = uint8_t(bytes[6]);
    size_t headerLength = 0;
    size_t headerStart = 0;
    if (major == 1) {
        headerLength = uint8_t(bytes[8]) | size_t(uint8_t(bytes[9])) << 8;
        headerStart = 10;
    } else if (major == 2 && bytes.size() >= 12) {
        headerLength = uint8_t(bytes[8]) | size_t(uint8_t(bytes[9])) << 8 | size_t(uint8_t(bytes[10])) << 16 |
                       size_t(uint8_t(bytes[11])) << 24;
        headerStart = 12;
    } else {
        throw bad("unsupported .npy version " + std::to_string(major));
    }
    if (bytes.size() < headerStart + headerLength) {
        throw bad("truncated .npy header");
    }
    const std::string header = bytes.substr(headerStart, headerLength);
    std::smatch m;
    if (!std::regex_search(header, std::regex("'descr':\\s*'<f4'"))) {
        throw bad("only float32 little-endian ('<f4') arrays are supported");
    }
    if (!std::regex_search(header, std::regex("'fortran_order':\\s*False"))) {
        throw bad("only C-order arrays are supported");
    }
    if (!std::regex_search(header, m, std::regex("'shape':\\s*\\(([^)]*)\\)"))) {
        throw bad("no shape in the .npy header");
    }
    FloatTensor t;
    const std::string dims = m[1].str();
    const std::regex number("\\d+");
    for (auto it = std::sregex_iterator(dims.begin(), dims.end(), number); it != std::sregex_iterator();
         ++it) {
        t.shape.push_back(std::stoll(it->str()));
    }
    const size_t count = size_t(FloatTensor::count(t.shape));
    const size_t offset = headerStart + headerLength;
    if (bytes.size() != offset + count * sizeof(float)) {
        throw bad("data size does not match the shape");
    }
    t.data.resize(count);
    if (count > 0) {
        std::memcpy(t.data.data(), bytes.data() + offset, count * sizeof(float));
    }
    return t;
}

FloatTensor NpyFile::read(const std::filesystem::path& path) {
    return decode(AtomicFile::readAll(path), path.string());
}

}  // namespace pm
