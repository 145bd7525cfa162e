// Encode-once-decode-N (what TorchSegmenter does) versus the Hugging Face way of segmenting N prompts
// (CLIPSegProcessor(images=[image]*N): the vision tower runs once per prompt). Not a test; prints timings.
//
//   bench_segment BUNDLE IMAGE [threads] [repeats]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "MedianTime.h"
#include "image/ImageLoader.h"
#include "image/Preprocessor.h"
#include "model/BundleManifest.h"
#include "model/ClipSegRuntime.h"
#include "text/TokenizerFactory.h"
#include "util/Error.h"

namespace {

using pm::bench::medianMs;

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_segment BUNDLE IMAGE [threads] [repeats]\n");
        return 2;
    }
    try {
        const int threads = argc > 3 ? std::stoi(argv[3]) : 0;
        const int repeats = argc > 4 ? std::stoi(argv[4]) : 5;
        const pm::BundleManifest m = pm::BundleManifest::load(argv[1], false);
        const pm::ClipSegRuntime runtime(m.modelPath(), m.inputSize,
                                         {threads, m.quantization == "int8-dynamic"});
        const auto tokenizer = pm::createTokenizer(m.tokenizerConfig());
        pm::PreprocessConfig pc;
        pc.size = m.inputSize;
        pc.rescaleFactor = m.rescaleFactor;
        pc.mean = m.mean;
        pc.std = m.std;
        const std::vector<float> pixels =
            pm::Preprocessor::toPixelValues(pm::ImageLoader::loadRgb(argv[2]), pc);
        const std::vector<std::string> vocabulary = {"a glass", "something to fill", "wood", "a jar",
                                                     "a cat",   "the table",         "sky",  "a red car"};
        std::printf("bundle %s (%s), %d threads, median of %d\n", m.name.c_str(), m.quantization.c_str(),
                    runtime.threads(), repeats);
        const double encodeMs = medianMs(repeats, [&] { runtime.encodeImage(pixels); });
        std::printf("encode_image alone: %.1f ms\n", encodeMs);
        std::printf("%3s %14s %14s %14s %8s\n", "N", "HF-style ms", "ours ms", "ours cached ms", "ratio");
        for (const int n : {1, 2, 4, 8}) {
            const std::vector<std::string> texts(vocabulary.begin(), vocabulary.begin() + n);
            const pm::TokenBatch batch = tokenizer->encodeBatch(texts);
            // HF: the vision tower runs once per copy of the image (N times); text and decoder are batched
            // there too, so only the tower count differs.
            const double hf = medianMs(repeats, [&] {
                std::shared_ptr<const pm::ImageActivations> acts;
                for (int i = 0; i < n; ++i) {
                    acts = runtime.encodeImage(pixels);
                }
                const pm::FloatTensor cond =
                    runtime.encodeText(batch.ids, batch.attentionMask, batch.rows, batch.cols);
                runtime.decode(*acts, cond);
            });
            // Ours, cold: one encode, one text batch, one decode batch.
            const double ours = medianMs(repeats, [&] {
                const auto acts = runtime.encodeImage(pixels);
                const pm::FloatTensor cond =
                    runtime.encodeText(batch.ids, batch.attentionMask, batch.rows, batch.cols);
                runtime.decode(*acts, cond);
            });
            // Ours with the image activations and prompt embeddings cached (a threshold or prompt edit).
            const auto acts = runtime.encodeImage(pixels);
            const pm::FloatTensor cond =
                runtime.encodeText(batch.ids, batch.attentionMask, batch.rows, batch.cols);
            const double cached = medianMs(repeats, [&] { runtime.decode(*acts, cond); });
            std::printf("%3d %14.1f %14.1f %14.1f %7.2fx\n", n, hf, ours, cached, hf / ours);
        }
    } catch (const pm::Error& e) {
        std::fprintf(stderr, "bench_segment: %s\n", e.what());
        return e.exitCode();
    }
    return 0;
}
