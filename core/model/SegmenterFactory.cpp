#include "model/SegmenterFactory.h"

#include "model/BundleManifest.h"
#include "model/TorchSegmenter.h"

namespace pm {

std::unique_ptr<Segmenter> openSegmenter(const std::string& bundleDir, const EngineOptions& options,
                                         const CancelToken* cancel) {
    BundleManifest manifest = BundleManifest::load(bundleDir, false);
    if (options.verifyChecksums) {
        for (const auto& entry : manifest.files) {
            CancelToken::check(cancel);
            manifest.verifyFile(entry.first);
        }
    }
    CancelToken::check(cancel);
    auto segmenter = std::make_unique<TorchSegmenter>(std::move(manifest), options);
    CancelToken::check(cancel);
    return segmenter;
}

}  // namespace pm
