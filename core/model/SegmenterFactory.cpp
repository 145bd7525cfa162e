#include "model/SegmenterFactory.h"

#include <future>

#include "model/BundleManifest.h"
#include "model/TorchSegmenter.h"
#include "util/Error.h"

namespace pm {

std::unique_ptr<TorchSegmenter> openTorchSegmenter(const std::string& bundleDir, const EngineOptions& options,
                                                   const CancelToken* cancel) {
    BundleManifest manifest = BundleManifest::load(bundleDir, /*verifyFiles=*/false);
    CancelToken::check(cancel);
    if (!options.verifyChecksums) {
        return std::make_unique<TorchSegmenter>(std::move(manifest), options);
    }
    // Hash every file while LibTorch reads model.pt (both stream the same file, mostly from the page
    // cache): the load costs about max(hash, load) instead of their sum. Nothing is returned, and so
    // nothing is used, before every hash matched.
    auto verified = std::async(std::launch::async, [&manifest, cancel] {
        for (const auto& entry : manifest.files) {
            CancelToken::check(cancel);
            manifest.verifyFile(entry.first);
        }
    });
    std::unique_ptr<TorchSegmenter> segmenter;
    try {
        segmenter = std::make_unique<TorchSegmenter>(manifest, options);
    } catch (const Error&) {
        verified.get();  // a corrupt file is the better explanation of a failed load: it throws first
        throw;
    }
    verified.get();
    CancelToken::check(cancel);
    return segmenter;
}

std::unique_ptr<Segmenter> openSegmenter(const std::string& bundleDir, const EngineOptions& options,
                                         const CancelToken* cancel) {
    return openTorchSegmenter(bundleDir, options, cancel);
}

}  // namespace pm
