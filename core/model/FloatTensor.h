#pragma once

#include <cstdint>
#include <vector>

namespace pm {

// A dense float32 array in C order, owned on the host: what crosses the boundary of the TorchScript runtime
// so that no torch type leaks into headers.
struct FloatTensor {
    std::vector<int64_t> shape;
    std::vector<float> data;

    int64_t dim(size_t i) const { return i < shape.size() ? shape[i] : 0; }
    static int64_t count(const std::vector<int64_t>& shape) {
        int64_t n = 1;
        for (const int64_t d : shape) {
            n *= d;
        }
        return n;
    }
};

}  // namespace pm
