#include "annotation/SizeLimit.h"

#include "image/ImageLoader.h"
#include "util/Error.h"

namespace pm {

void SizeLimit::check(const std::string& what, int64_t width, int64_t height) {
    if (width > 0 && height > 0 && width <= ImageLoader::kMaxDimension &&
        height <= ImageLoader::kMaxDimension && width * height <= ImageLoader::kMaxPixels) {
        return;
    }
    throw Error(ErrorKind::Input, what + " " + std::to_string(width) + "x" + std::to_string(height) +
                                      " is out of range (images and masks may have at most " +
                                      std::to_string(ImageLoader::kMaxPixels / 1'000'000) +
                                      " megapixels and " + std::to_string(ImageLoader::kMaxDimension) +
                                      " pixels per side)");
}

void SizeLimit::checkMaskBudget(int64_t width, int64_t height, size_t masks) {
    if (static_cast<int64_t>(masks) * width * height > kMaxMaskBytesPerImage) {
        throw Error(ErrorKind::Input,
                    "more than " + std::to_string(masks - 1) + " masks of " + std::to_string(width) + "x" +
                        std::to_string(height) + " pixels in one image (at most " +
                        std::to_string(kMaxMaskBytesPerImage >> 20) + " MiB of masks per image)");
    }
}

}  // namespace pm
