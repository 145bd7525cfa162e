#include "annotation/SafePath.h"

#include <algorithm>

#include "util/Error.h"

namespace pm {
namespace fs = std::filesystem;

namespace {

fs::path canonicalish(const fs::path& p) {
    std::error_code ec;
    fs::path c = fs::weakly_canonical(fs::absolute(p), ec);
    return ec ? fs::absolute(p).lexically_normal() : c;
}

}  // namespace

bool SafePath::isInside(const fs::path& root, const fs::path& path) {
    const fs::path r = canonicalish(root);
    const fs::path p = canonicalish(path);
    const fs::path rel = p.lexically_relative(r);
    if (rel.empty()) {
        return false;
    }
    const auto first = *rel.begin();
    return first != ".." && !rel.is_absolute();
}

std::string SafePath::resolveInside(const fs::path& root, const fs::path& base, std::string_view reference) {
    std::string ref(reference);
    const std::string quoted = "'" + ref + "'";
    if (ref.empty()) {
        throw Error(ErrorKind::Input, "empty image path");
    }
    if (ref.find('\0') != std::string::npos) {
        throw Error(ErrorKind::Input, "image path " + quoted + " contains a NUL byte");
    }
    // labelme on Windows writes backslashes.
    std::replace(ref.begin(), ref.end(), '\\', '/');
    const fs::path refPath(ref);
    if (refPath.is_absolute() || refPath.has_root_name() || (ref.size() > 1 && ref[1] == ':')) {
        throw Error(ErrorKind::Input,
                    "image path " + quoted + " is absolute; only paths relative to the dataset are accepted");
    }
    const fs::path resolved = canonicalish(base / refPath);
    const fs::path r = canonicalish(root);
    const fs::path rel = resolved.lexically_relative(r);
    if (rel.empty() || *rel.begin() == ".." || rel == ".") {
        throw Error(ErrorKind::Input,
                    "image path " + quoted + " points outside the images folder '" + root.string() + "'");
    }
    return rel.generic_string();
}

fs::path SafePath::outputInside(const fs::path& root, const fs::path& relative) {
    if (relative.empty() || relative.is_absolute() || relative.has_root_name()) {
        throw Error(ErrorKind::Io, "refusing to write '" + relative.string() + "' outside the output folder");
    }
    for (const auto& part : relative) {
        if (part == "..") {
            throw Error(ErrorKind::Io,
                        "refusing to write '" + relative.string() + "' outside the output folder");
        }
    }
    const fs::path target = root / relative;
    if (!isInside(root, target)) {
        throw Error(ErrorKind::Io,
                    "refusing to write '" + target.string() + "': a symlink leads outside the output folder");
    }
    return target;
}

}  // namespace pm
