#include "ConvertCommand.h"

#include "util/Error.h"

namespace pm::cli {

std::string ConvertCommand::summary() const { return "(not available yet)"; }

std::string ConvertCommand::usage() const { return "promptmask-cli convert: not available yet\n"; }

int ConvertCommand::run(const std::vector<std::string>&) {
    throw Error(ErrorKind::Usage, "'convert' is not available in this build yet");
}

}  // namespace pm::cli
