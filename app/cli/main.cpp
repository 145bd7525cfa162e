// promptmask-cli: the command-line face of core/ (segment, tokenize, convert). Links no Qt.
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "CliCommand.h"
#include "util/Error.h"
#include "util/RuntimeEnvironment.h"
#include "util/Version.h"

// OMP_WAIT_POLICY and OPENBLAS_CORETYPE before libgomp and OpenBLAS initialise, also when started from a
// clean environment (util/RuntimeEnvironment.h).
PM_RUNTIME_ENVIRONMENT_PREINIT;

namespace {

void printHelp(const std::vector<std::unique_ptr<pm::cli::CliCommand>>& commands) {
    std::cout << "Usage: promptmask-cli <command> [options]\n"
                 "       promptmask-cli <command> --help\n\n"
                 "Label images by prompt with CLIPSeg, and convert annotation files.\n\n"
                 "Commands:\n";
    size_t width = 12;  // the longest name and two spaces
    for (const auto& command : commands) {
        width = std::max(width, command->name().size() + 2);
    }
    for (const auto& command : commands) {
        std::string padded = command->name();
        padded.resize(width, ' ');
        std::cout << "  " << padded << command->summary() << "\n";
    }
    std::cout << "\nOptions:\n"
                 "  --help       show this help\n"
                 "  --version    show the version\n\n"
                 "Model: --model BUNDLE, else $PROMPTMASK_MODEL, else the model chosen in the GUI,\n"
                 "else the first bundle in ~/.local/share/promptmask/models, else the demo model\n"
                 "installed in /usr/share/promptmask/models.\n\n"
                 "Exit status: 0 ok, 2 usage error, 3 input error, 4 model error.\n";
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    auto commands = pm::cli::allCommands();
    if (args.empty()) {
        printHelp(commands);
        return 2;
    }
    if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        printHelp(commands);
        return 0;
    }
    if (args[0] == "--version") {
        std::cout << "promptmask-cli " << pm::kVersion << "\n";
        return 0;
    }
    for (auto& command : commands) {
        if (command->name() != args[0]) {
            continue;
        }
        const std::vector<std::string> rest(args.begin() + 1, args.end());
        for (const auto& a : rest) {
            if (a == "--help" || a == "-h") {
                std::cout << command->usage();
                return 0;
            }
        }
        try {
            return command->run(rest);
        } catch (const pm::Error& e) {
            std::cerr << "promptmask-cli " << command->name() << ": " << e.what() << "\n";
            if (e.kind() == pm::ErrorKind::Usage) {
                std::cerr << "Try 'promptmask-cli " << command->name() << " --help'.\n";
            }
            return e.exitCode();
        } catch (const std::exception& e) {
            std::cerr << "promptmask-cli " << command->name() << ": unexpected error: " << e.what() << "\n";
            return 1;
        }
    }
    std::cerr << "promptmask-cli: unknown command '" << args[0] << "'. Try 'promptmask-cli --help'.\n";
    return 2;
}
