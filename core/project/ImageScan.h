#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace pm {

// The images of a dataset folder, as a batch run sees them.
class ImageScan {
public:
    // Every file below `root` whose extension is an image format OpenCV reads (case-insensitive),
    // as '/'-separated paths relative to `root`, sorted bytewise. Hidden files and folders (".x",
    // e.g. the GUI's .promptmask) are skipped; symlinked folders are not followed. Throws
    // pm::Error(Input) when `root` is not a readable folder.
    static std::vector<std::string> list(const std::filesystem::path& root);

    static bool isImageName(const std::filesystem::path& name);
};

}  // namespace pm
