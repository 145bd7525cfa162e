#include "TokenizeCommand.h"

#include "util/Error.h"

namespace pm::cli {

std::string TokenizeCommand::summary() const { return "(not available yet)"; }

std::string TokenizeCommand::usage() const { return "promptmask-cli tokenize: not available yet\n"; }

int TokenizeCommand::run(const std::vector<std::string>&) {
    throw Error(ErrorKind::Usage, "'tokenize' is not available in this build yet");
}

}  // namespace pm::cli
