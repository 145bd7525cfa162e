#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace pm {

// The one place the project writes files (annotations, labels.json, exports, batch outputs), so that
// readers only ever see the old content or the complete new content: the data goes to a temporary file
// in the same folder, is fsynced, renamed over the target, and the folder is fsynced. Nothing the user
// made is left half-written when the disk fills up or the process is killed midway
// (tests/reliability kills writers with SIGKILL; docs/RELIABILITY.md has the figures).
class AtomicFile {
public:
    // Throws pm::Error(ErrorKind::Io) naming the path (and saying "disk is full" / "read-only" when that
    // is the cause) on failure; the target is untouched then. Temporaries of `target` left by a killed
    // writer are removed after a successful write.
    static void write(const std::filesystem::path& target, std::string_view data);

    // The same for content too large to hold at once: `produce` calls `sink` with consecutive pieces.
    // An exception from `produce` leaves the target untouched (and no temporary) and is rethrown.
    using Sink = std::function<void(std::string_view)>;
    static void write(const std::filesystem::path& target, const std::function<void(const Sink&)>& produce);

    // If `target` exists, copies it to "<target>.bak" (replacing an older backup) before the caller
    // overwrites it; used when an existing file could not be parsed and must not be lost.
    // Returns the backup path, or an empty path when there was nothing to back up.
    static std::filesystem::path backup(const std::filesystem::path& target);

    static std::string readAll(const std::filesystem::path& path);
};

}  // namespace pm
