#pragma once

#include <cstdint>
#include <opencv2/core/mat.hpp>
#include <string>

namespace pm {

// Decodes image files into what the model and the GUI work on: 8-bit RGB (not OpenCV's BGR), with the
// EXIF orientation applied (JPEG, PNG eXIf, TIFF; as OpenCV does), grayscale replicated into R=G=B, alpha
// dropped keeping the stored RGB values (no compositing, like PIL's convert("RGB")), 16-bit samples
// scaled to 8 bits as round(v / 257), float samples as round(v * 255) clamped. Every format OpenCV
// reads is accepted.
//
// Size limits: images above kMaxPixels or with a side above kMaxDimension are refused. For PNG, JPEG,
// BMP, TIFF, WebP, PNM and Sun raster the size comes from the header (ImageHeader), so nothing is
// allocated for them; the remaining formats OpenCV reads (JPEG 2000, EXR, HDR, PFM) are checked after
// decoding, protected meanwhile by OpenCV's own 2^30-pixel decode limit. Our own header parsing was chosen
// over OPENCV_IO_MAX_IMAGE_PIXELS because that variable is read once per process, is global to every
// OpenCV user in it, and gives no usable message.
//
// Stateless and thread-safe.
class ImageLoader {
public:
    static constexpr int64_t kMaxPixels = 100'000'000;
    static constexpr int kMaxDimension = 30'000;

    // Returns CV_8UC3 RGB. Throws pm::Error(ErrorKind::Input) naming the file when it is missing, empty,
    // not an image, of an unsupported format, corrupt or truncated (including JPEGs that libjpeg would
    // silently fill with grey), or too large.
    static cv::Mat loadRgb(const std::string& path);

    // The size loadRgb() would return (orientation applied), read from the header only. Formats whose
    // header is not parsed (see above) are decoded to find out. Throws like loadRgb() for missing, empty
    // and non-image files; does not apply the size limits.
    static cv::Size probeSize(const std::string& path);
};

}  // namespace pm
