#pragma once

#include <memory>
#include <string>
#include <vector>

namespace pm::cli {

// One subcommand of promptmask-cli. run() returns the process exit status
// (0 ok, 2 usage error, 3 input error, 4 model error) and may throw pm::Error, which main() turns
// into a message on stderr and the matching exit status.
class CliCommand {
public:
    virtual ~CliCommand() = default;
    virtual std::string name() const = 0;
    virtual std::string summary() const = 0;  // one line for `promptmask-cli --help`
    virtual std::string usage() const = 0;    // full help for `promptmask-cli <name> --help`
    virtual int run(const std::vector<std::string>& args) = 0;
};

// Every subcommand, in the order --help lists them.
std::vector<std::unique_ptr<CliCommand>> allCommands();

}  // namespace pm::cli
