#include "image/ImageLoader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <optional>
#include <vector>

#include "image/ImageHeader.h"
#include "util/Error.h"

namespace fs = std::filesystem;

namespace pm {

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& problem) {
    throw Error(ErrorKind::Input, "cannot load image " + path + ": " + problem);
}

void checkExists(const std::string& path) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
        fail(path, "no such file");
    }
    if (fs::is_directory(status)) {
        fail(path, "it is a directory");
    }
    if (fs::file_size(path, ec) == 0 && !ec) {
        fail(path, "the file is empty (0 bytes)");
    }
}

void checkLimits(const std::string& path, cv::Size size) {
    const int64_t pixels = int64_t(size.width) * size.height;
    if (pixels > ImageLoader::kMaxPixels || size.width > ImageLoader::kMaxDimension ||
        size.height > ImageLoader::kMaxDimension) {
        fail(path, "the image is " + std::to_string(size.width) + "x" + std::to_string(size.height) +
                       " pixels, more than the limit of " +
                       std::to_string(ImageLoader::kMaxPixels / 1'000'000) + " megapixels and " +
                       std::to_string(ImageLoader::kMaxDimension) + " pixels per side");
    }
}

std::vector<uchar> readAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        fail(path, "the file cannot be opened");
    }
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    in.seekg(0);
    std::vector<uchar> data(static_cast<size_t>(std::max<std::streamoff>(size, 0)));
    in.read(reinterpret_cast<char*>(data.data()), static_cast<std::streamsize>(data.size()));
    if (static_cast<size_t>(in.gcount()) != data.size()) {
        fail(path, "read error");
    }
    return data;
}

// A JPEG cut short decodes "successfully" in libjpeg, the missing part filled with grey and a warning on
// stderr. Entropy-coded data never contains FF D9 (FF is stuffed as FF 00), so a complete file has an
// end-of-image marker after its first start-of-scan; a truncated one does not.
bool jpegHasEndAfterScan(const std::vector<uchar>& d) {
    size_t at = 2;
    while (at + 4 <= d.size()) {
        if (d[at] != 0xFF) {
            return false;
        }
        const uchar marker = d[at + 1];
        if (marker == 0xFF) {
            ++at;
            continue;
        }
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
            at += 2;
            continue;
        }
        if (marker == 0xDA) {
            const uchar eoi[2] = {0xFF, 0xD9};
            return std::search(d.begin() + static_cast<std::ptrdiff_t>(at), d.end(), eoi, eoi + 2) != d.end();
        }
        at += 2 + ((size_t(d[at + 2]) << 8) | d[at + 3]);
    }
    return false;
}

cv::Mat to8Bit(const std::string& path, const cv::Mat& image) {
    switch (image.depth()) {
        case CV_8U:
            return image;
        case CV_16U: {
            // round(v / 257) maps 0..65535 onto 0..255 exactly like 8->16-bit expansion (v * 257) inverted.
            cv::Mat out(image.size(), CV_MAKETYPE(CV_8U, image.channels()));
            const size_t n = image.total() * static_cast<size_t>(image.channels());
            const cv::Mat src = image.isContinuous() ? image : image.clone();
            const auto* in = src.ptr<uint16_t>();
            uchar* o = out.ptr<uchar>();
            for (size_t i = 0; i < n; ++i) {
                o[i] = static_cast<uchar>((uint32_t(in[i]) + 128) / 257);
            }
            return out;
        }
        case CV_32F:
        case CV_64F: {
            cv::Mat out;
            image.convertTo(out, CV_MAKETYPE(CV_8U, image.channels()), 255.0);  // rounds and saturates
            return out;
        }
        default:
            fail(path, "unsupported sample format (only 8-bit, 16-bit and floating-point images are read)");
    }
}

}  // namespace

cv::Mat ImageLoader::loadRgb(const std::string& path) {
    checkExists(path);
    const std::optional<ImageHeader> header = ImageHeader::read(path);
    if (header) {
        checkLimits(path, header->orientedSize());
    }
    const std::vector<uchar> data = readAll(path);
    if (header && header->format == "jpeg" && !jpegHasEndAfterScan(data)) {
        fail(path, "the JPEG data is truncated or corrupt (no end-of-image marker)");
    }

    cv::Mat decoded;
    try {
        // IMREAD_COLOR: gray -> 3 channels, alpha stripped; ANYDEPTH keeps 16-bit/float samples; EXIF
        // orientation is applied by OpenCV (not with IMREAD_UNCHANGED).
        decoded = cv::imdecode(data, cv::IMREAD_COLOR | cv::IMREAD_ANYDEPTH);
    } catch (const cv::Exception& e) {
        fail(path, "the image data cannot be decoded (" + e.msg + ")");
    }
    if (decoded.empty()) {
        if (header) {
            fail(path, "the " + header->format + " data is corrupt or truncated");
        }
        if (cv::haveImageReader(path)) {
            fail(path, "the image data is corrupt or truncated");
        }
        fail(path,
             "not an image, or a format that cannot be read (PNG, JPEG, BMP, TIFF, WebP, PNM, ... are)");
    }
    if (!header) {
        checkLimits(path, decoded.size());
    }
    if (decoded.channels() != 3) {
        fail(path, "unexpected channel count " + std::to_string(decoded.channels()));
    }
    cv::Mat rgb;
    cv::cvtColor(to8Bit(path, decoded), rgb, cv::COLOR_BGR2RGB);
    return rgb;
}

cv::Size ImageLoader::probeSize(const std::string& path) {
    checkExists(path);
    if (const std::optional<ImageHeader> header = ImageHeader::read(path)) {
        return header->orientedSize();
    }
    return loadRgb(path).size();
}

}  // namespace pm
