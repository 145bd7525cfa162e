#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace pm {

// Writes whole files so that readers only ever see the old content or the complete new content:
// the data goes to a temporary file in the same directory, is flushed, and is renamed over the target.
// Nothing the user made is left half-written when the disk fills up or the process dies midway.
class AtomicFile {
public:
    // Throws pm::Error(ErrorKind::Io) naming the path on failure; the target is untouched then.
    static void write(const std::filesystem::path& target, std::string_view data);

    // If `target` exists, copies it to "<target>.bak" (replacing an older backup) before the caller
    // overwrites it; used when an existing file could not be parsed and must not be lost.
    // Returns the backup path, or an empty path when there was nothing to back up.
    static std::filesystem::path backup(const std::filesystem::path& target);

    static std::string readAll(const std::filesystem::path& path);
};

}  // namespace pm
