#include "util/Error.h"

namespace pm {

Error::Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}

int Error::exitCode() const {
    switch (kind_) {
        case ErrorKind::Usage:
            return 2;
        case ErrorKind::Input:
        case ErrorKind::Io:
            return 3;
        case ErrorKind::Model:
            return 4;
        case ErrorKind::Cancelled:
            return 130;
    }
    return 1;
}

}  // namespace pm
