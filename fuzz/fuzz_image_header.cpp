// Image header reader: any bytes as an image file.
#include <string>

#include "image/ImageHeader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    (void)pm::ImageHeader::parseBytes(std::string(reinterpret_cast<const char*>(data), size));
    return 0;
}
