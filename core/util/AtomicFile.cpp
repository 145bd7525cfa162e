#include "util/AtomicFile.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>

#include "util/Error.h"

namespace pm {
namespace fs = std::filesystem;

namespace {

std::string systemError(const std::string& what, const fs::path& path) {
    return what + " '" + path.string() + "': " + std::strerror(errno);
}

fs::path temporarySibling(const fs::path& target) {
    std::random_device rd;
    std::ostringstream name;
    name << "." << target.filename().string() << ".tmp-" << std::hex << rd();
    return target.parent_path() / name.str();
}

}  // namespace

void AtomicFile::write(const fs::path& target, std::string_view data) {
    const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    if (!fs::is_directory(dir)) {
        throw Error(ErrorKind::Io, "cannot write '" + target.string() + "': folder does not exist");
    }
    const fs::path tmp = temporarySibling(target.parent_path().empty() ? fs::path(".") / target : target);
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
        throw Error(ErrorKind::Io, systemError("cannot create", tmp));
    }
    size_t written = 0;
    while (written < data.size()) {
        const ssize_t n = ::write(fd, data.data() + written, data.size() - written);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            const std::string message = systemError("cannot write", target);
            ::close(fd);
            ::unlink(tmp.c_str());
            throw Error(ErrorKind::Io, message);
        }
        written += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const std::string message = systemError("cannot flush", target);
        ::unlink(tmp.c_str());
        throw Error(ErrorKind::Io, message);
    }
    if (::rename(tmp.c_str(), target.c_str()) != 0) {
        const std::string message = systemError("cannot replace", target);
        ::unlink(tmp.c_str());
        throw Error(ErrorKind::Io, message);
    }
}

fs::path AtomicFile::backup(const fs::path& target) {
    std::error_code ec;
    if (!fs::exists(target, ec)) {
        return {};
    }
    fs::path bak = target;
    bak += ".bak";
    fs::copy_file(target, bak, fs::copy_options::overwrite_existing, ec);
    if (ec) {
        throw Error(ErrorKind::Io, "cannot back up '" + target.string() + "': " + ec.message());
    }
    return bak;
}

std::string AtomicFile::readAll(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw Error(ErrorKind::Input, "cannot open '" + path.string() + "'");
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

}  // namespace pm
