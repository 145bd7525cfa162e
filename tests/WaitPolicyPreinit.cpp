// Linked into every test executable: the same OpenMP wait policy hook as the shipped binaries
// (core/util/OmpWaitPolicy.h), so tests run the way users' processes do, whatever CTest's environment.
#include "util/OmpWaitPolicy.h"

PM_OMP_WAIT_POLICY_PREINIT;
