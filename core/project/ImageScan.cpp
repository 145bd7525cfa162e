#include "project/ImageScan.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "util/Error.h"

namespace fs = std::filesystem;

namespace pm {

bool ImageScan::isImageName(const fs::path& name) {
    static const std::array<const char*, 15> kExtensions = {".jpg", ".jpeg", ".jpe",  ".png",  ".bmp",
                                                            ".dib", ".tif",  ".tiff", ".webp", ".pbm",
                                                            ".pgm", ".ppm",  ".pnm",  ".sr",   ".ras"};
    std::string ext = name.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return std::find(kExtensions.begin(), kExtensions.end(), ext) != kExtensions.end();
}

std::vector<std::string> ImageScan::list(const fs::path& root) {
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
        throw Error(ErrorKind::Input,
                    root.string() + ": " + (fs::exists(root, ec) ? "is not a folder" : "no such folder"));
    }
    std::vector<std::string> out;
    fs::recursive_directory_iterator it(root, fs::directory_options::none, ec);
    if (ec) {
        throw Error(ErrorKind::Input, root.string() + ": cannot read the folder (" + ec.message() + ")");
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) {
            throw Error(ErrorKind::Input, root.string() + ": cannot read the folder (" + ec.message() + ")");
        }
        const fs::path name = it->path().filename();
        if (name.string().rfind('.', 0) == 0) {
            if (it->is_directory(ec)) {
                it.disable_recursion_pending();
            }
            continue;
        }
        if (it->is_regular_file(ec) && isImageName(name)) {
            out.push_back(it->path().lexically_relative(root).generic_string());
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace pm
