"""The runtime settings the model tools start torch with, as the C++ binaries do
(core/util/RuntimeEnvironment.h).  Import this before torch or numpy: libgomp
and OpenBLAS read their variables once, when they load.

- OMP_WAIT_POLICY=PASSIVE: OpenMP threads spin-wait by default; on 2 shared
  cores (other jobs compiling) that makes every step several times slower.
- OPENBLAS_CORETYPE from the CPU's vector features (core/util/BlasCore.h, same
  rule): Debian's OpenBLAS 0.3.21 falls back to its SSE3 kernels on CPUs newer
  than its model table; on the 2-core AVX-512 Xeon here a training step of the
  demo model took 1.7 s with them and 0.9 s with the AVX-512 kernels.

A value already in the environment, even empty, is kept.
"""

import os


def blas_core_for(flags: set) -> str:
    if {"avx512f", "avx512dq", "avx512bw", "avx512vl"} <= flags:
        return "Cooperlake" if "avx512_bf16" in flags else "SkylakeX"
    if {"avx2", "fma"} <= flags:
        return "Haswell"
    return ""


def cpu_flags() -> set:
    try:
        with open("/proc/cpuinfo") as info:
            for line in info:
                if line.startswith("flags"):
                    return set(line.split(":", 1)[1].split())
    except OSError:
        pass
    return set()


def apply() -> None:
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    core = blas_core_for(cpu_flags())
    if core:
        os.environ.setdefault("OPENBLAS_CORETYPE", core)


apply()
