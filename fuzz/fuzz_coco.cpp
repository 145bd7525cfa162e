// COCO reader: any bytes as a COCO file, and the same bytes as a compressed RLE string for a small
// mask (the first two bytes choose its size).
#include "FuzzFile.h"
#include "annotation/CocoFormat.h"
#include "annotation/CocoRle.h"
#include "util/Error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto file = pm::fuzz::writeInput(data, size, "input.json");
    pm::CocoFormat format;
    pm::Dataset dataset;
    format.read(file, pm::fuzz::workDir() / "images", dataset);
    if (size >= 2) {
        const int h = data[0] % 64 + 1, w = data[1] % 64 + 1;
        try {
            const pm::Rle rle =
                pm::CocoRle::fromString(std::string(reinterpret_cast<const char*>(data) + 2, size - 2), h, w);
            (void)pm::CocoRle::decode(rle);
            (void)pm::CocoRle::toString(rle);
        } catch (const pm::Error&) {
        }
    }
    return 0;
}
