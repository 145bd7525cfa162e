#include "util/BlasCore.h"

#include <dlfcn.h>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif

namespace pm {

namespace {

#if defined(__x86_64__) || defined(__i386__)
unsigned long long readXcr0() {
    unsigned int eax = 0;
    unsigned int edx = 0;
    __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
    return (static_cast<unsigned long long>(edx) << 32) | eax;
}

bool bit(unsigned int value, int index) {
    return ((value >> index) & 1U) != 0;
}
#endif

}  // namespace

CpuVectorFeatures CpuVectorFeatures::detect() {
    CpuVectorFeatures f;
#if defined(__x86_64__) || defined(__i386__)
    unsigned int a = 0, b = 0, c = 0, d = 0;
    if (__get_cpuid(1, &a, &b, &c, &d) == 0) {
        return f;
    }
    const bool osxsave = bit(c, 27);
    f.fma = bit(c, 12);
    const bool avx = bit(c, 28);
    const unsigned long long xcr0 = osxsave ? readXcr0() : 0;
    f.osAvx = avx && (xcr0 & 0x6U) == 0x6U;                    // XMM and YMM state
    const bool osAvx512 = f.osAvx && (xcr0 & 0xE0U) == 0xE0U;  // opmask, ZMM_Hi256, Hi16_ZMM
    if (__get_cpuid_count(7, 0, &a, &b, &c, &d) == 0) {
        return f;
    }
    f.avx2 = f.osAvx && bit(b, 5);
    f.avx512 = osAvx512 && bit(b, 16) && bit(b, 17) && bit(b, 30) && bit(b, 31);
    if (f.avx512 && __get_cpuid_count(7, 1, &a, &b, &c, &d) != 0) {
        f.avx512bf16 = bit(a, 5);
    }
#endif
    return f;
}

const char* BlasCore::forFeatures(const CpuVectorFeatures& f) {
    if (f.avx512 && f.avx512bf16) {
        return "Cooperlake";
    }
    if (f.avx512) {
        return "SkylakeX";
    }
    if (f.avx2 && f.fma && f.osAvx) {
        return "Haswell";
    }
    return "";
}

std::string BlasCore::active() {
    // Looked up at run time: the BLAS is whichever library Debian's alternatives point libblas.so.3 at.
    using CoreName = char* (*)();
    const auto name = reinterpret_cast<CoreName>(dlsym(RTLD_DEFAULT, "openblas_get_corename"));
    const char* value = name != nullptr ? name() : nullptr;
    return value != nullptr ? std::string(value) : std::string();
}

}  // namespace pm
