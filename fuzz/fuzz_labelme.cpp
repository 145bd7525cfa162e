// labelme reader: any bytes as one labelme file. Problems must end as errors of that file, never as a
// crash, a leak or undefined behaviour.
#include "FuzzFile.h"
#include "annotation/LabelmeFormat.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto file = pm::fuzz::writeInput(data, size, "images/input.json");
    pm::LabelmeFormat format;
    pm::Dataset dataset;
    format.read(file, pm::fuzz::workDir() / "images", dataset);
    return 0;
}
