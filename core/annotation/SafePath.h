#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace pm {

// Keeps file references from annotation files inside the folder they belong to. Annotation files
// come from anywhere; an imagePath of "../../etc/passwd", "/etc/passwd" or a symlink that leaves the
// dataset must never make us read or write outside it. All functions are thread-safe.
class SafePath {
public:
    // Resolves `reference` (as written in a file: '/' or '\' separated, relative) against `base`
    // and checks that the result, with symlinks resolved, lies inside `root`. Returns the path
    // relative to `root` in generic '/' form. Throws pm::Error(Input) naming the reference when it
    // is empty, absolute, or escapes `root`.
    static std::string resolveInside(const std::filesystem::path& root, const std::filesystem::path& base,
                                     std::string_view reference);

    // For outputs: `relative` must be a plain relative path without "..", and root/relative, with
    // the symlinks of its existing folders resolved, must stay inside `root`. Returns root/relative.
    // Throws pm::Error(Io) otherwise.
    static std::filesystem::path outputInside(const std::filesystem::path& root,
                                              const std::filesystem::path& relative);

    static bool isInside(const std::filesystem::path& root, const std::filesystem::path& path);
};

}  // namespace pm
