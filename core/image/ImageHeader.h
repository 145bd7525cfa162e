#pragma once

#include <istream>
#include <memory>
#include <opencv2/core/types.hpp>
#include <optional>
#include <string>

namespace pm {

// What an image file's header says, read without decoding any pixels: a few hundred bytes for most
// files, a handful of seeks for TIFF. Used to refuse absurd sizes before OpenCV allocates the decode, and
// by the GUI to lay out thumbnails cheaply.
//
// Parsed: PNG (incl. its eXIf chunk), JPEG (SOFn + APP1 Exif), BMP, TIFF/BigTIFF, WebP (VP8/VP8L/VP8X),
// PNM (P1-P6), Sun raster. Other formats OpenCV reads (JPEG 2000, OpenEXR, Radiance HDR, PAM, PFM) are not
// parsed: read() returns nothing for them.
struct ImageHeader {
    std::string format;  // "png", "jpeg", "bmp", "tiff", "webp", "pnm", "sunraster"
    int width = 0;       // as stored, before the orientation is applied
    int height = 0;
    int orientation = 1;  // EXIF orientation 1..8 where OpenCV applies it (JPEG, PNG, TIFF), else 1

    // The size of the decoded image: width and height swapped for orientations 5..8.
    cv::Size orientedSize() const;

    // Returns nothing when the file cannot be opened or its format is not one of the parsed ones.
    // A header of a parsed format with impossible values (zero or negative sizes) also gives nothing.
    static std::optional<ImageHeader> read(const std::string& path);
    // The same for a file's bytes held in memory (e.g. an image embedded in an annotation file).
    static std::optional<ImageHeader> parseBytes(const std::string& bytes);

private:
    static std::optional<ImageHeader> parse(std::unique_ptr<std::istream> in);
};

}  // namespace pm
