#include "SegmentCommand.h"

#include "util/Error.h"

namespace pm::cli {

std::string SegmentCommand::summary() const { return "(not available yet)"; }

std::string SegmentCommand::usage() const { return "promptmask-cli segment: not available yet\n"; }

int SegmentCommand::run(const std::vector<std::string>&) {
    throw Error(ErrorKind::Usage, "'segment' is not available in this build yet");
}

}  // namespace pm::cli
