// Linked into every test executable: the same runtime settings hook as the shipped binaries (OpenMP wait
// policy, OpenBLAS kernels; core/util/RuntimeEnvironment.h), so tests run the way users' processes do,
// whatever CTest's environment.
#include "util/RuntimeEnvironment.h"

PM_RUNTIME_ENVIRONMENT_PREINIT;
