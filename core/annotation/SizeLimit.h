#pragma once

#include <cstdint>
#include <string>

namespace pm {

// The one limit on what a file can make us allocate for a single image or mask: ImageLoader's
// 100 megapixels and 30,000 pixels per side, applied to every size that comes from a file
// (labelme imageHeight/imageWidth, COCO width/height, RLE size, embedded images, labelme mask bitmaps)
// before anything of that size is allocated. The masks of one image together may take at most
// kMaxMaskBytesPerImage, so a file cannot multiply the allocation with many shapes either.
class SizeLimit {
public:
    static constexpr int64_t kMaxMaskBytesPerImage = int64_t(1) << 30;

    // Throws pm::Error(Input) "<what> <w>x<h> is out of range (...)" when the size is not positive
    // or above the limit.
    static void check(const std::string& what, int64_t width, int64_t height);
    // Throws pm::Error(Input) when `masks` masks of `width` x `height` would exceed the budget above.
    static void checkMaskBudget(int64_t width, int64_t height, size_t masks);
};

}  // namespace pm
