#include "image/PilResize.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

#include "util/Error.h"

namespace pm {

namespace {

constexpr int kPrecisionBits = 32 - 8 - 2;  // Pillow's PRECISION_BITS for the 8-bit path

// Fixed-point taps of one output index: the input range [first, first + count) and its weights.
struct Taps {
    std::vector<int> first;
    std::vector<int> count;
    std::vector<int32_t> weights;  // `stride` per output index
    int stride = 0;
};

double triangle(double x) {
    x = std::abs(x);
    return x < 1.0 ? 1.0 - x : 0.0;
}

// Pillow's precompute_coeffs() + normalize_coeffs_8bpc() for the bilinear filter (support 1).
Taps computeTaps(int inSize, int outSize) {
    const double scale = double(inSize) / outSize;
    const double filterScale = std::max(scale, 1.0);
    const double support = 1.0 * filterScale;
    Taps t;
    t.stride = static_cast<int>(std::ceil(support)) * 2 + 1;
    t.first.resize(static_cast<size_t>(outSize));
    t.count.resize(static_cast<size_t>(outSize));
    t.weights.assign(static_cast<size_t>(outSize) * static_cast<size_t>(t.stride), 0);
    std::vector<double> w(static_cast<size_t>(t.stride));
    for (int i = 0; i < outSize; ++i) {
        const double center = (i + 0.5) * scale;
        const int xmin = std::max(static_cast<int>(center - support + 0.5), 0);
        const int xmax = std::min(static_cast<int>(center + support + 0.5), inSize);
        const int n = std::min(xmax - xmin, t.stride);
        double sum = 0.0;
        for (int j = 0; j < n; ++j) {
            w[static_cast<size_t>(j)] = triangle((j + xmin - center + 0.5) / filterScale);
            sum += w[static_cast<size_t>(j)];
        }
        int32_t* k = &t.weights[static_cast<size_t>(i) * static_cast<size_t>(t.stride)];
        for (int j = 0; j < n; ++j) {
            const double v = sum != 0.0 ? w[static_cast<size_t>(j)] / sum : w[static_cast<size_t>(j)];
            const double scaled = v * (1 << kPrecisionBits);
            k[j] = static_cast<int32_t>(v < 0 ? scaled - 0.5 : scaled + 0.5);  // half away from zero
        }
        t.first[static_cast<size_t>(i)] = xmin;
        t.count[static_cast<size_t>(i)] = n;
    }
    return t;
}

inline uint8_t clip8(int32_t acc) {
    const int32_t v = acc >> kPrecisionBits;
    return static_cast<uint8_t>(v < 0 ? 0 : (v > 255 ? 255 : v));
}

// The passes are built for AVX2 and for baseline x86-64, picked at load time: their accumulation loops
// vectorise well only with a 32-bit SIMD multiply.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define PM_SIMD_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define PM_SIMD_CLONES
#endif
#define PM_INLINE inline __attribute__((always_inline))

// Horizontal pass in strips of kStrip rows: each strip is transposed so that one input column of all its
// rows is contiguous, which turns the per-pixel tap loop into the same vectorised row accumulation as the
// vertical pass. Integer sums are exact, so the order of accumulation does not change the result.
constexpr int kStrip = 16;

template <int C>
PM_INLINE void horizontalBody(const cv::Mat& src, cv::Mat& dst, const Taps& t) {
    const int inWidth = src.cols;
    const int outWidth = dst.cols;
    constexpr int kColumn = kStrip * C;  // bytes of one transposed column
    // Columns are padded by 4 bytes so that a pixel can be moved as one 4-byte word even when C = 3.
    constexpr int kPitch = kColumn + 4;
    std::vector<uint8_t> strip(static_cast<size_t>(inWidth) * kPitch);
    int32_t acc[kColumn];
    for (int y0 = 0; y0 < src.rows; y0 += kStrip) {
        const int rows = std::min(kStrip, src.rows - y0);
        for (int r = 0; r < rows; ++r) {
            const uint8_t* in = src.ptr<uint8_t>(y0 + r);
            uint8_t* column = strip.data() + r * C;
            int x = 0;
            if (C == 3) {
                // 4 bytes in, 4 bytes out: the extra byte lands in the next row's slot (rewritten next) or
                // in the padding. The last pixel of the row is copied bytewise so as not to read past it.
                for (; x + 1 < inWidth; ++x, in += C, column += kPitch) {
                    uint32_t word;
                    std::memcpy(&word, in, 4);
                    std::memcpy(column, &word, 4);
                }
            }
            for (; x < inWidth; ++x, in += C, column += kPitch) {
                for (int c = 0; c < C; ++c) {
                    column[c] = in[c];
                }
            }
        }
        for (int x = 0; x < outWidth; ++x) {
            const int32_t* k = &t.weights[static_cast<size_t>(x) * static_cast<size_t>(t.stride)];
            const uint8_t* first =
                strip.data() + static_cast<size_t>(t.first[static_cast<size_t>(x)]) * kPitch;
            const int n = t.count[static_cast<size_t>(x)];
            // Always the full strip width (a compile-time constant, so the loop unrolls into registers);
            // the rows past the image end of the last strip are computed on stale bytes and dropped.
            for (int i = 0; i < kColumn; ++i) {
                acc[i] = 1 << (kPrecisionBits - 1);
            }
            for (int j = 0; j < n; ++j) {
                const uint8_t* in = first + j * kPitch;
                const int32_t w = k[j];
                for (int i = 0; i < kColumn; ++i) {
                    acc[i] += in[i] * w;
                }
            }
            for (int r = 0; r < rows; ++r) {
                uint8_t* out = dst.ptr<uint8_t>(y0 + r) + x * C;
                for (int c = 0; c < C; ++c) {
                    out[c] = clip8(acc[r * C + c]);
                }
            }
        }
    }
}

PM_SIMD_CLONES void horizontalPass1(const cv::Mat& src, cv::Mat& dst, const Taps& t) {
    horizontalBody<1>(src, dst, t);
}
PM_SIMD_CLONES void horizontalPass2(const cv::Mat& src, cv::Mat& dst, const Taps& t) {
    horizontalBody<2>(src, dst, t);
}
PM_SIMD_CLONES void horizontalPass3(const cv::Mat& src, cv::Mat& dst, const Taps& t) {
    horizontalBody<3>(src, dst, t);
}
PM_SIMD_CLONES void horizontalPass4(const cv::Mat& src, cv::Mat& dst, const Taps& t) {
    horizontalBody<4>(src, dst, t);
}

PM_SIMD_CLONES void verticalPass(const cv::Mat& src, cv::Mat& dst, const Taps& t) {
    const int rowElems = src.cols * src.channels();
    std::vector<int32_t> acc(static_cast<size_t>(rowElems));
    for (int y = 0; y < dst.rows; ++y) {
        const int32_t* k = &t.weights[static_cast<size_t>(y) * static_cast<size_t>(t.stride)];
        const int first = t.first[static_cast<size_t>(y)];
        const int n = t.count[static_cast<size_t>(y)];
        std::fill(acc.begin(), acc.end(), 1 << (kPrecisionBits - 1));
        int32_t* __restrict a = acc.data();
        for (int j = 0; j < n; ++j) {
            const uint8_t* __restrict in = src.ptr<uint8_t>(first + j);
            const int32_t w = k[j];
            for (int i = 0; i < rowElems; ++i) {  // contiguous: vectorises
                a[i] += in[i] * w;
            }
        }
        uint8_t* out = dst.ptr<uint8_t>(y);
        for (int i = 0; i < rowElems; ++i) {
            out[i] = clip8(a[i]);
        }
    }
}

}  // namespace

cv::Mat PilResize::resize(const cv::Mat& src, cv::Size size) {
    if (src.empty() || src.depth() != CV_8U || src.channels() > 4) {
        throw Error(ErrorKind::Input, "PilResize needs a non-empty 8-bit image with 1 to 4 channels");
    }
    if (size.width <= 0 || size.height <= 0) {
        throw Error(ErrorKind::Input, "PilResize: invalid target size " + std::to_string(size.width) + "x" +
                                          std::to_string(size.height));
    }
    cv::Mat current = src;
    if (size.width != src.cols) {
        cv::Mat horizontal(src.rows, size.width, src.type());
        const Taps taps = computeTaps(src.cols, size.width);
        switch (src.channels()) {
            case 1:
                horizontalPass1(src, horizontal, taps);
                break;
            case 2:
                horizontalPass2(src, horizontal, taps);
                break;
            case 3:
                horizontalPass3(src, horizontal, taps);
                break;
            default:
                horizontalPass4(src, horizontal, taps);
                break;
        }
        current = horizontal;
    }
    if (size.height != src.rows) {
        cv::Mat vertical(size.height, size.width, src.type());
        verticalPass(current, vertical, computeTaps(src.rows, size.height));
        current = vertical;
    }
    return current.data == src.data ? src.clone() : current;
}

}  // namespace pm
