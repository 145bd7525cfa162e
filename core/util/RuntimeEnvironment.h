#pragma once

namespace pm {

// The runtime settings the shipped binaries start with, whatever environment launched them.
//
// - OMP_WAIT_POLICY=PASSIVE. LibTorch's OpenMP workers (libgomp) spin between parallel regions by
//   default. On a small machine shared with other work (2 cores, a GUI, a compiler) the spinning workers
//   steal the cores the next region needs: the vision tower ran 1.7-1.9x slower (docs/PERFORMANCE.md).
// - OPENBLAS_CORETYPE, from the CPU's vector features (util/BlasCore.h): Debian's OpenBLAS falls back to
//   SSE3 kernels on CPUs newer than its model table, 5x slower on every float32 Linear layer.
//
// libgomp and OpenBLAS read their variables once, in their library constructors, before main() runs, so
// main() is too late. Nor can setenv() in .preinit_array help: libc re-installs the startup environment
// before the constructors run (tried). So preinit(), registered in each executable's .preinit_array
// (PM_RUNTIME_ENVIRONMENT_PREINIT), re-executes the binary with the variables added when one is absent.
// It runs before any library constructor (LibTorch's static initialisers have not run yet), so the
// restart costs only the dynamic linking of the first image. A value the user set, even empty, is kept.
// Check: `env -i OMP_DISPLAY_ENV=verbose promptmask-cli --version` shows GOMP_SPINCOUNT = '0', and
// `env -i promptmask-cli bench ... --json` reports the kernels OpenBLAS runs as settings.blas_core.
class RuntimeEnvironment {
public:
    // Signature of a .preinit_array entry. Returns (without restarting) when every variable is set or
    // the re-exec fails (e.g. no /proc): the program then runs with the libraries' own defaults.
    static void preinit(int argc, char** argv, char** envp);
};

}  // namespace pm

// In the executable's main.cpp (one per binary; a static library's entry would be dropped by the linker).
#define PM_RUNTIME_ENVIRONMENT_PREINIT                                                              \
    [[gnu::section(".preinit_array"), gnu::used]] static void (*const pmRuntimeEnvironmentPreinit)( \
        int, char**, char**) = &pm::RuntimeEnvironment::preinit
