#include "image/ImageHeader.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <vector>

namespace pm {

namespace {

// Random-access reads of a file that may be short or lie about its offsets: every read is checked.
class ByteReader {
public:
    explicit ByteReader(std::unique_ptr<std::istream> in) : stream_(std::move(in)), in_(*stream_) {
        if (in_) {
            in_.seekg(0, std::ios::end);
            size_ = static_cast<uint64_t>(in_.tellg());
        }
    }

    bool ok() const { return static_cast<bool>(in_); }
    uint64_t size() const { return size_; }

    bool read(uint64_t offset, void* out, size_t n) {
        if (offset > size_ || n > size_ - offset) {
            return false;
        }
        in_.clear();
        in_.seekg(static_cast<std::streamoff>(offset));
        in_.read(static_cast<char*>(out), static_cast<std::streamsize>(n));
        return static_cast<size_t>(in_.gcount()) == n;
    }

    std::vector<uint8_t> bytes(uint64_t offset, size_t n) {
        std::vector<uint8_t> out(n);
        if (!read(offset, out.data(), n)) {
            out.clear();
        }
        return out;
    }

private:
    std::unique_ptr<std::istream> stream_;
    std::istream& in_;
    uint64_t size_ = 0;
};

int clampInt(int64_t v) {
    return static_cast<int>(std::min<int64_t>(v, INT32_MAX));
}

uint32_t be16(const uint8_t* p) {
    return (uint32_t(p[0]) << 8) | p[1];
}
uint32_t be32(const uint8_t* p) {
    return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | p[3];
}
uint32_t le16(const uint8_t* p) {
    return (uint32_t(p[1]) << 8) | p[0];
}
uint32_t le24(const uint8_t* p) {
    return (uint32_t(p[2]) << 16) | (uint32_t(p[1]) << 8) | p[0];
}
uint32_t le32(const uint8_t* p) {
    return (uint32_t(p[3]) << 24) | (uint32_t(p[2]) << 16) | (uint32_t(p[1]) << 8) | p[0];
}

// Reads integers of a TIFF structure in its byte order, at offsets relative to `base` in the file.
struct TiffView {
    ByteReader& reader;
    uint64_t base;
    bool little;

    bool u16(uint64_t off, uint32_t& v) {
        uint8_t b[2];
        if (!reader.read(base + off, b, 2)) {
            return false;
        }
        v = little ? le16(b) : be16(b);
        return true;
    }
    bool u32(uint64_t off, uint32_t& v) {
        uint8_t b[4];
        if (!reader.read(base + off, b, 4)) {
            return false;
        }
        v = little ? le32(b) : be32(b);
        return true;
    }
    bool u64(uint64_t off, uint64_t& v) {
        uint32_t a = 0, b = 0;
        if (!u32(off, a) || !u32(off + 4, b)) {
            return false;
        }
        v = little ? (uint64_t(b) << 32) | a : (uint64_t(a) << 32) | b;
        return true;
    }
};

struct TiffTags {
    int64_t width = -1;
    int64_t height = -1;
    int orientation = 1;
};

// Reads ImageWidth (256), ImageLength (257) and Orientation (274) from the first IFD of a TIFF structure
// starting at `base` (a TIFF file at 0, or the payload of an Exif block).
bool readTiffTags(ByteReader& reader, uint64_t base, TiffTags& tags) {
    uint8_t head[4];
    if (!reader.read(base, head, 4)) {
        return false;
    }
    TiffView t{reader, base, head[0] == 'I'};
    if (!((head[0] == 'I' && head[1] == 'I') || (head[0] == 'M' && head[1] == 'M'))) {
        return false;
    }
    uint32_t magic = 0;
    t.u16(2, magic);
    const bool big = magic == 43;
    if (magic != 42 && !big) {
        return false;
    }
    uint64_t ifd = 0;
    uint64_t count = 0;
    if (big) {
        if (!t.u64(8, ifd) || !t.u64(ifd, count)) {
            return false;
        }
    } else {
        uint32_t ifd32 = 0, count16 = 0;
        if (!t.u32(4, ifd32) || !t.u16(ifd32, count16)) {
            return false;
        }
        ifd = ifd32;
        count = count16;
    }
    const uint64_t entrySize = big ? 20 : 12;
    const uint64_t first = ifd + (big ? 8 : 2);
    for (uint64_t i = 0; i < count && i < 4096; ++i) {
        const uint64_t e = first + i * entrySize;
        uint32_t tag = 0, type = 0;
        if (!t.u16(e, tag) || !t.u16(e + 2, type)) {
            return false;
        }
        if (tag != 256 && tag != 257 && tag != 274) {
            continue;
        }
        const uint64_t valueAt = e + (big ? 12 : 8);
        uint32_t value = 0;
        if (type == 3) {  // SHORT
            t.u16(valueAt, value);
        } else if (type == 4) {  // LONG
            t.u32(valueAt, value);
        } else if (type == 16) {  // LONG8 (BigTIFF)
            uint64_t v64 = 0;
            t.u64(valueAt, v64);
            value = v64 > UINT32_MAX ? UINT32_MAX : static_cast<uint32_t>(v64);
        } else {
            continue;
        }
        if (tag == 256) {
            tags.width = value;
        } else if (tag == 257) {
            tags.height = value;
        } else if (value >= 1 && value <= 8) {
            tags.orientation = static_cast<int>(value);
        }
    }
    return true;
}

std::optional<ImageHeader> readPng(ByteReader& r) {
    std::vector<uint8_t> ihdr = r.bytes(8, 16);
    if (ihdr.size() != 16 || std::memcmp(ihdr.data() + 4, "IHDR", 4) != 0) {
        return std::nullopt;
    }
    ImageHeader h{"png", clampInt(be32(ihdr.data() + 8)), clampInt(be32(ihdr.data() + 12)), 1};
    // An eXIf chunk before the image data carries the orientation (OpenCV applies it).
    uint64_t at = 8;
    for (int chunks = 0; chunks < 1000; ++chunks) {
        uint8_t head[8];
        if (!r.read(at, head, 8)) {
            break;
        }
        const uint32_t length = be32(head);
        if (std::memcmp(head + 4, "IDAT", 4) == 0 || std::memcmp(head + 4, "IEND", 4) == 0) {
            break;
        }
        if (std::memcmp(head + 4, "eXIf", 4) == 0) {
            TiffTags tags;
            if (readTiffTags(r, at + 8, tags)) {
                h.orientation = tags.orientation;
            }
            break;
        }
        at += 12 + uint64_t(length);
    }
    return h;
}

bool isJpegSof(uint8_t m) {
    return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
}

std::optional<ImageHeader> readJpeg(ByteReader& r) {
    ImageHeader h{"jpeg", 0, 0, 1};
    uint64_t at = 2;
    for (int segments = 0; segments < 10000; ++segments) {
        uint8_t m[2];
        if (!r.read(at, m, 2) || m[0] != 0xFF) {
            return std::nullopt;
        }
        if (m[1] == 0xFF) {  // fill byte
            ++at;
            continue;
        }
        at += 2;
        if (m[1] == 0x01 || (m[1] >= 0xD0 && m[1] <= 0xD8)) {
            continue;  // markers without a length
        }
        if (m[1] == 0xD9 || m[1] == 0xDA) {
            return std::nullopt;  // end of image / start of scan before any frame header
        }
        uint8_t len[2];
        if (!r.read(at, len, 2)) {
            return std::nullopt;
        }
        const uint32_t length = be16(len);
        if (length < 2) {
            return std::nullopt;
        }
        if (m[1] == 0xE1 && length >= 16) {
            uint8_t id[6];
            if (r.read(at + 2, id, 6) && std::memcmp(id, "Exif\0\0", 6) == 0) {
                TiffTags tags;
                if (readTiffTags(r, at + 8, tags)) {
                    h.orientation = tags.orientation;
                }
            }
        } else if (isJpegSof(m[1])) {
            uint8_t sof[5];
            if (!r.read(at + 2, sof, 5)) {
                return std::nullopt;
            }
            h.height = static_cast<int>(be16(sof + 1));
            h.width = static_cast<int>(be16(sof + 3));
            return h;
        }
        at += length;
    }
    return std::nullopt;
}

std::optional<ImageHeader> readBmp(ByteReader& r) {
    std::vector<uint8_t> b = r.bytes(14, 12);
    if (b.size() != 12) {
        return std::nullopt;
    }
    const uint32_t dibSize = le32(b.data());
    if (dibSize == 12) {  // BITMAPCOREHEADER: 16-bit sizes
        return ImageHeader{"bmp", static_cast<int>(le16(b.data() + 4)), static_cast<int>(le16(b.data() + 6)),
                           1};
    }
    const auto width = static_cast<int32_t>(le32(b.data() + 4));
    const auto height = static_cast<int32_t>(le32(b.data() + 8));  // negative: stored top-down
    if (height == INT32_MIN) {
        return std::nullopt;
    }
    return ImageHeader{"bmp", width, height < 0 ? -height : height, 1};
}

std::optional<ImageHeader> readWebp(ByteReader& r) {
    std::vector<uint8_t> b = r.bytes(12, 18);
    if (b.size() != 18) {
        return std::nullopt;
    }
    const uint8_t* chunk = b.data();
    const uint8_t* data = b.data() + 8;
    if (std::memcmp(chunk, "VP8X", 4) == 0) {
        return ImageHeader{"webp", static_cast<int>(le24(data + 4) + 1), static_cast<int>(le24(data + 7) + 1),
                           1};
    }
    if (std::memcmp(chunk, "VP8L", 4) == 0 && data[0] == 0x2F) {
        const uint32_t bits = le32(data + 1);
        return ImageHeader{"webp", static_cast<int>((bits & 0x3FFF) + 1),
                           static_cast<int>(((bits >> 14) & 0x3FFF) + 1), 1};
    }
    if (std::memcmp(chunk, "VP8 ", 4) == 0 && data[3] == 0x9D && data[4] == 0x01 && data[5] == 0x2A) {
        return ImageHeader{"webp", static_cast<int>(le16(data + 6) & 0x3FFF),
                           static_cast<int>(le16(data + 8) & 0x3FFF), 1};
    }
    return std::nullopt;
}

// "P1".."P6", then whitespace-separated width and height, '#' comments allowed.
std::optional<ImageHeader> readPnm(ByteReader& r) {
    const size_t n = static_cast<size_t>(std::min<uint64_t>(r.size(), 1024));
    std::vector<uint8_t> b = r.bytes(0, n);
    size_t i = 2;
    int64_t values[2] = {-1, -1};
    for (int64_t& value : values) {
        for (;;) {
            while (i < b.size() && std::isspace(b[i])) {
                ++i;
            }
            if (i < b.size() && b[i] == '#') {
                while (i < b.size() && b[i] != '\n') {
                    ++i;
                }
                continue;
            }
            break;
        }
        if (i >= b.size() || !std::isdigit(b[i])) {
            return std::nullopt;
        }
        value = 0;
        while (i < b.size() && std::isdigit(b[i]) && value < (int64_t(1) << 40)) {
            value = value * 10 + (b[i++] - '0');
        }
    }
    return ImageHeader{"pnm", clampInt(values[0]), clampInt(values[1]), 1};
}

}  // namespace

cv::Size ImageHeader::orientedSize() const {
    return orientation >= 5 ? cv::Size(height, width) : cv::Size(width, height);
}

std::optional<ImageHeader> ImageHeader::read(const std::string& path) {
    return parse(std::make_unique<std::ifstream>(path, std::ios::binary));
}

std::optional<ImageHeader> ImageHeader::parseBytes(const std::string& bytes) {
    return parse(std::make_unique<std::istringstream>(bytes, std::ios::binary));
}

std::optional<ImageHeader> ImageHeader::parse(std::unique_ptr<std::istream> in) {
    ByteReader r(std::move(in));
    if (!r.ok()) {
        return std::nullopt;
    }
    std::array<uint8_t, 12> magic{};
    const size_t n = static_cast<size_t>(std::min<uint64_t>(r.size(), magic.size()));
    if (n < 4 || !r.read(0, magic.data(), n)) {
        return std::nullopt;
    }
    const uint8_t* m = magic.data();
    std::optional<ImageHeader> h;
    if (n >= 8 && std::memcmp(m, "\x89PNG\r\n\x1a\n", 8) == 0) {
        h = readPng(r);
    } else if (m[0] == 0xFF && m[1] == 0xD8 && m[2] == 0xFF) {
        h = readJpeg(r);
    } else if (m[0] == 'B' && m[1] == 'M') {
        h = readBmp(r);
    } else if ((m[0] == 'I' && m[1] == 'I') || (m[0] == 'M' && m[1] == 'M')) {
        TiffTags tags;
        if (readTiffTags(r, 0, tags) && tags.width >= 0 && tags.height >= 0) {
            h = ImageHeader{"tiff", clampInt(tags.width), clampInt(tags.height), tags.orientation};
        }
    } else if (n >= 12 && std::memcmp(m, "RIFF", 4) == 0 && std::memcmp(m + 8, "WEBP", 4) == 0) {
        h = readWebp(r);
    } else if (m[0] == 'P' && m[1] >= '1' && m[1] <= '6') {
        h = readPnm(r);
    } else if (be32(m) == 0x59A66A95 && r.size() >= 12) {
        std::vector<uint8_t> b = r.bytes(4, 8);
        if (b.size() == 8) {
            h = ImageHeader{"sunraster", clampInt(be32(b.data())), clampInt(be32(b.data() + 4)), 1};
        }
    }
    if (!h || h->width <= 0 || h->height <= 0) {
        return std::nullopt;
    }
    return h;
}

}  // namespace pm
