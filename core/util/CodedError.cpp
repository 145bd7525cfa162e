#include "util/CodedError.h"

namespace pm {

CodedError::CodedError(ErrorKind kind, ErrorCode code, std::string subject, const std::string& message)
    : Error(kind, message), code_(code), subject_(std::move(subject)) {}

}  // namespace pm
