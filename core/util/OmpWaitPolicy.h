#pragma once

namespace pm {

// The OpenMP wait policy the shipped binaries run with.
//
// LibTorch's OpenMP workers (libgomp) spin between parallel regions by default. On a small machine shared
// with other work (2 cores, a GUI, a compiler) the spinning workers steal the cores the next region
// needs: the vision tower ran 1.7-1.9x slower than with OMP_WAIT_POLICY=PASSIVE (docs/PERFORMANCE.md).
//
// libgomp reads the variable once, in its library constructor, before main() runs, so main() is too
// late. Nor can setenv() in .preinit_array help: libc re-installs the startup environment before
// libgomp's constructor runs (tried). So preinit(), registered in each executable's .preinit_array
// (PM_OMP_WAIT_POLICY_PREINIT), re-executes the binary with the variable added when it is absent. It runs
// before any library constructor (LibTorch's static initialisers have not run yet), so the restart costs
// only the dynamic linking of the first image. A value the user set, even empty, is kept as it is.
// Check: `env -i OMP_DISPLAY_ENV=verbose promptmask-cli --version` shows GOMP_SPINCOUNT = '0'.
class OmpWaitPolicy {
public:
    // Signature of a .preinit_array entry. Returns (without restarting) when the variable is set or
    // the re-exec fails (e.g. no /proc): the program then runs with libgomp's default policy.
    static void preinit(int argc, char** argv, char** envp);
};

}  // namespace pm

// In the executable's main.cpp (one per binary; a static library's entry would be dropped by the linker).
#define PM_OMP_WAIT_POLICY_PREINIT                                                             \
    [[gnu::section(".preinit_array"), gnu::used]] static void (*const pmOmpWaitPolicyPreinit)( \
        int, char**, char**) = &pm::OmpWaitPolicy::preinit
