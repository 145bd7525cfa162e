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

std::string systemError(const std::string& what, const fs::path& path, int error) {
    std::string message = what + " '" + path.string() + "': " + std::strerror(error);
    if (error == ENOSPC || error == EDQUOT) {
        message += " (the disk is full; the previous version of the file is unchanged)";
    } else if (error == EROFS || error == EACCES || error == EPERM) {
        message += " (the folder is read-only; the previous version of the file is unchanged)";
    }
    return message;
}

std::string temporaryPrefix(const fs::path& target) {
    return "." + target.filename().string() + ".tmp-";
}

fs::path temporarySibling(const fs::path& dir, const fs::path& target) {
    std::random_device rd;
    std::ostringstream name;
    name << temporaryPrefix(target) << std::hex << rd() << rd();
    return dir / name.str();
}

// Temporaries of this target left by a writer that was killed before its rename. Only siblings named
// after this very target are touched, so other files' writes in progress are never disturbed.
void removeStaleTemporaries(const fs::path& dir, const fs::path& target, const fs::path& ours) {
    const std::string prefix = temporaryPrefix(target);
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.compare(0, prefix.size(), prefix) == 0 && it->path() != ours) {
            std::error_code ignored;
            fs::remove(it->path(), ignored);
        }
    }
}

// The rename is durable only once the folder's entry is on disk too.
bool syncFolder(const fs::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        return false;
    }
    const bool ok = ::fsync(fd) == 0 || errno == EINVAL;  // some file systems cannot sync folders
    ::close(fd);
    return ok;
}

}  // namespace

void AtomicFile::write(const fs::path& target, std::string_view data) {
    write(target, [data](const Sink& sink) { sink(data); });
}

void AtomicFile::write(const fs::path& target, const std::function<void(const Sink&)>& produce) {
    const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    if (!fs::is_directory(dir)) {
        throw Error(ErrorKind::Io, "cannot write '" + target.string() + "': folder does not exist");
    }
    const fs::path tmp = temporarySibling(dir, target);
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
        throw Error(ErrorKind::Io, systemError("cannot write", target, errno));
    }
    const Sink sink = [&](std::string_view data) {
        size_t written = 0;
        while (written < data.size()) {
            const ssize_t n = ::write(fd, data.data() + written, data.size() - written);
            if (n < 0) {
                if (errno == EINTR) {
                    continue;
                }
                throw Error(ErrorKind::Io, systemError("cannot write", target, errno));
            }
            written += static_cast<size_t>(n);
        }
    };
    try {
        produce(sink);
    } catch (...) {
        ::close(fd);
        ::unlink(tmp.c_str());
        throw;
    }
    // On some file systems a full disk shows only at fsync or close: both are checked before the rename.
    if (::fsync(fd) != 0) {
        const std::string message = systemError("cannot flush", target, errno);
        ::close(fd);
        ::unlink(tmp.c_str());
        throw Error(ErrorKind::Io, message);
    }
    if (::close(fd) != 0) {
        const std::string message = systemError("cannot flush", target, errno);
        ::unlink(tmp.c_str());
        throw Error(ErrorKind::Io, message);
    }
    if (::rename(tmp.c_str(), target.c_str()) != 0) {
        const std::string message = systemError("cannot replace", target, errno);
        ::unlink(tmp.c_str());
        throw Error(ErrorKind::Io, message);
    }
    if (!syncFolder(dir)) {
        // The new content is in place for every reader; only its survival of a power cut is unsure.
        throw Error(ErrorKind::Io,
                    "'" + target.string() +
                        "' was replaced, but its folder could not be flushed: " + std::strerror(errno));
    }
    removeStaleTemporaries(dir, target, tmp);
}

fs::path AtomicFile::backup(const fs::path& target) {
    std::error_code ec;
    if (!fs::exists(target, ec)) {
        return {};
    }
    fs::path bak = target;
    bak += ".bak";
    // Through write(): a backup cut short would be worse than none.
    write(bak, readAll(target));
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
