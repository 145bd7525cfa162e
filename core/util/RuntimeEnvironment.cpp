#include "util/RuntimeEnvironment.h"

#include <unistd.h>

#include <cstring>
#include <vector>

#include "util/BlasCore.h"

namespace pm {

namespace {

bool hasVariable(char** envp, const char* name) {
    const size_t length = std::strlen(name);
    for (char** e = envp; *e != nullptr; ++e) {
        if (std::strncmp(*e, name, length) == 0 && (*e)[length] == '=') {
            return true;
        }
    }
    return false;
}

}  // namespace

void RuntimeEnvironment::preinit(int, char** argv, char** envp) {
    if (argv == nullptr || argv[0] == nullptr || envp == nullptr) {
        return;
    }
    // Static storage, and no static constructors (none has run yet): execve() copies the strings, and a
    // failed execve() returns into a program that still uses its environment.
    static char waitPolicy[] = "OMP_WAIT_POLICY=PASSIVE";
    static char blasCore[64] = "OPENBLAS_CORETYPE=";
    std::vector<char*> added;
    if (!hasVariable(envp, "OMP_WAIT_POLICY")) {
        added.push_back(waitPolicy);
    }
    if (!hasVariable(envp, "OPENBLAS_CORETYPE")) {
        const char* core = BlasCore::forFeatures(CpuVectorFeatures::detect());
        const size_t prefix = std::strlen(blasCore);
        if (*core != '\0' && prefix + std::strlen(core) < sizeof(blasCore)) {
            std::strcpy(blasCore + prefix, core);
            added.push_back(blasCore);
        }
    }
    if (added.empty()) {
        return;  // set by the user, or by the restart below: the libraries read those
    }
    std::vector<char*> env;
    for (char** e = envp; *e != nullptr; ++e) {
        env.push_back(*e);
    }
    env.insert(env.end(), added.begin(), added.end());
    env.push_back(nullptr);
    // /proc/self/exe: the very binary, wherever it was started from; argv (argv[0] included) unchanged.
    execve("/proc/self/exe", argv, env.data());
}

}  // namespace pm
