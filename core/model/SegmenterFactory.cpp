#include "model/SegmenterFactory.h"

#include "model/BundleManifest.h"
#include "model/TorchSegmenter.h"

namespace pm {

std::unique_ptr<Segmenter> openSegmenter(const std::string& bundleDir, const EngineOptions& options) {
    return std::make_unique<TorchSegmenter>(BundleManifest::load(bundleDir, options.verifyChecksums),
                                            options);
}

}  // namespace pm
