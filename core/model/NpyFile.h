#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "model/FloatTensor.h"

namespace pm {

// NumPy .npy files (format version 1.0), float32 little-endian ('<f4'), C order: how the CLI hands raw
// logits to Python (`numpy.load`).
class NpyFile {
public:
    // The complete file contents for `tensor`.
    static std::string encode(const FloatTensor& tensor);
    // Parses '<f4' C-order v1.0/2.0 files. Throws pm::Error(ErrorKind::Input) naming `path` when the
    // content is not such a file.
    static FloatTensor decode(const std::string& bytes, const std::string& path = "npy");
    static FloatTensor read(const std::filesystem::path& path);
};

}  // namespace pm
