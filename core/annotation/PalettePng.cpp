#include "annotation/PalettePng.h"

#include <zlib.h>

#include "util/Error.h"

namespace pm {

namespace {

void putU32(std::string& s, uint32_t v) {
    s += static_cast<char>(v >> 24);
    s += static_cast<char>(v >> 16);
    s += static_cast<char>(v >> 8);
    s += static_cast<char>(v);
}

void chunk(std::string& png, const char* type, const std::string& data) {
    putU32(png, static_cast<uint32_t>(data.size()));
    std::string body(type, 4);
    body += data;
    png += body;
    putU32(png, static_cast<uint32_t>(
                    crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()))));
}

}  // namespace

std::string PalettePng::encode(const cv::Mat& indices, const std::vector<cv::Vec3b>& palette) {
    CV_Assert(indices.type() == CV_8UC1 && !palette.empty() && palette.size() <= 256);
    std::string png("\x89PNG\r\n\x1a\n", 8);
    std::string ihdr;
    putU32(ihdr, static_cast<uint32_t>(indices.cols));
    putU32(ihdr, static_cast<uint32_t>(indices.rows));
    ihdr += '\x08';                // bit depth
    ihdr += '\x03';                // colour type: palette
    ihdr += std::string(3, '\0');  // compression, filter, interlace
    chunk(png, "IHDR", ihdr);
    std::string plte;
    for (const auto& c : palette) {
        plte += static_cast<char>(c[0]);
        plte += static_cast<char>(c[1]);
        plte += static_cast<char>(c[2]);
    }
    chunk(png, "PLTE", plte);
    // Scanlines with filter type 0 (none); zlib does the rest well on label images.
    std::string raw;
    raw.reserve(static_cast<size_t>(indices.rows) * (indices.cols + 1));
    for (int y = 0; y < indices.rows; ++y) {
        raw += '\0';
        raw.append(reinterpret_cast<const char*>(indices.ptr<uint8_t>(y)), static_cast<size_t>(indices.cols));
    }
    uLongf size = compressBound(static_cast<uLong>(raw.size()));
    std::string compressed(size, '\0');
    if (compress2(reinterpret_cast<Bytef*>(compressed.data()), &size,
                  reinterpret_cast<const Bytef*>(raw.data()), static_cast<uLong>(raw.size()), 9) != Z_OK) {
        throw Error(ErrorKind::Io, "cannot compress PNG data");
    }
    compressed.resize(size);
    chunk(png, "IDAT", compressed);
    chunk(png, "IEND", "");
    return png;
}

std::vector<cv::Vec3b> PalettePng::labelColormap(int count) {
    std::vector<cv::Vec3b> map(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i) {
        int r = 0, g = 0, b = 0, id = i;
        // Spread the bits of the index over the high bits of the three channels.
        for (int shift = 7; shift >= 0 && id; --shift, id >>= 3) {
            r |= (id & 1) << shift;
            g |= ((id >> 1) & 1) << shift;
            b |= ((id >> 2) & 1) << shift;
        }
        map[static_cast<size_t>(i)] =
            cv::Vec3b(static_cast<uint8_t>(r), static_cast<uint8_t>(g), static_cast<uint8_t>(b));
    }
    return map;
}

}  // namespace pm
