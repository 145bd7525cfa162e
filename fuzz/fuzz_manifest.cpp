// Bundle manifest parser: any bytes as manifest.json.
#include <string>

#include "model/BundleManifest.h"
#include "util/Error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    try {
        (void)pm::BundleManifest::parse(std::string(reinterpret_cast<const char*>(data), size),
                                        "/nonexistent");
    } catch (const pm::Error&) {
    }
    return 0;
}
