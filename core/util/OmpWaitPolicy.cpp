#include "util/OmpWaitPolicy.h"

#include <unistd.h>

#include <cstring>
#include <vector>

namespace pm {

namespace {

constexpr char kSetting[] = "OMP_WAIT_POLICY=PASSIVE";
constexpr size_t kNameLength = sizeof("OMP_WAIT_POLICY=") - 1;

}  // namespace

void OmpWaitPolicy::preinit(int, char** argv, char** envp) {
    if (argv == nullptr || argv[0] == nullptr || envp == nullptr) {
        return;
    }
    std::vector<char*> env;
    for (char** e = envp; *e != nullptr; ++e) {
        if (std::strncmp(*e, kSetting, kNameLength) == 0) {
            return;  // set by the user (or by the restart below): libgomp reads that
        }
        env.push_back(*e);
    }
    env.push_back(const_cast<char*>(kSetting));
    env.push_back(nullptr);
    // /proc/self/exe: the very binary, wherever it was started from; argv (argv[0] included) unchanged.
    execve("/proc/self/exe", argv, env.data());
}

}  // namespace pm
