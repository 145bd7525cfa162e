#pragma once

#include <string>

#include "util/Error.h"

namespace pm {

// Failures a user meets often enough that the GUI words them in its own language (ui/ErrorText):
// the code says what went wrong, subject names the file or folder. what() stays the full English
// message for the CLI and logs.
enum class ErrorCode {
    BundleNotFound,     // subject: the folder given as a model
    NotABundle,         // subject: a folder without manifest.json
    BundleFileMissing,  // subject: a file manifest.json lists that is not there
    BundleFileCorrupt,  // subject: a file whose size or sha256 differs from manifest.json
    BundleInvalid,      // manifest.json unreadable or unsupported; what() says which field
};

class CodedError : public Error {
public:
    CodedError(ErrorKind kind, ErrorCode code, std::string subject, const std::string& message);

    ErrorCode code() const { return code_; }
    const std::string& subject() const { return subject_; }

private:
    ErrorCode code_;
    std::string subject_;
};

}  // namespace pm
