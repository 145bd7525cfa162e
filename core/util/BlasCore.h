#pragma once

#include <string>

namespace pm {

// Which OpenBLAS kernel set the shipped binaries ask for, from the CPU's vector features.
//
// Debian 12's OpenBLAS (0.3.21) picks its kernels from a table of CPU models known when it was released.
// On a newer CPU it falls back to its oldest x86-64 kernels ("Prescott", SSE3): measured on a 2-core
// Xeon of family 6 model 207 with AVX-512, the vision tower's largest product ran at 30 GFLOP/s instead
// of 160-185 with the AVX-512 kernels, and LibTorch's float32 Linear layers all go through it. OpenBLAS
// reads OPENBLAS_CORETYPE in its library constructor, so the choice is made here from cpuid and applied
// by RuntimeEnvironment before any library loads. The names are OpenBLAS's own (driver/others/dynamic.c).
struct CpuVectorFeatures {
    bool avx2 = false;
    bool fma = false;
    bool avx512 = false;  // F, DQ, BW and VL, with the OS saving the ZMM state (XGETBV)
    bool avx512bf16 = false;
    bool osAvx = false;  // the OS saves the YMM state (OSXSAVE + XGETBV)

    static CpuVectorFeatures detect();  // all false off x86-64
};

class BlasCore {
public:
    // "Cooperlake" (AVX-512 with BF16), "SkylakeX" (AVX-512), "Haswell" (AVX2 + FMA), or "" (leave
    // OpenBLAS to its own detection: nothing better than what it finds).
    static const char* forFeatures(const CpuVectorFeatures& features);
    // The kernel set the loaded BLAS reports (openblas_get_corename), or "" when the BLAS is not OpenBLAS.
    static std::string active();
};

}  // namespace pm
