#pragma once

#include <stdexcept>
#include <string>

namespace pm {

// What went wrong, coarse enough to map onto the CLI's documented exit codes.
enum class ErrorKind {
    Usage,      // the caller asked for something meaningless (bad option, empty prompt)
    Input,      // an input file or value is unreadable, corrupt or out of bounds
    Model,      // the model bundle is missing, corrupt or failed to run
    Io,         // an output could not be written
    Cancelled,  // the work was cancelled through a CancelToken
};

// The one exception type core/ throws for expected failures. The message names the file or value and
// the problem, ready to show to a user as is.
class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, const std::string& message);

    ErrorKind kind() const { return kind_; }

    // CLI exit status: 2 usage, 3 input (and I/O), 4 model, 130 cancelled.
    int exitCode() const;

private:
    ErrorKind kind_;
};

}  // namespace pm
