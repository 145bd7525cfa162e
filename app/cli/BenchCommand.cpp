#include "BenchCommand.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <opencv2/imgproc.hpp>
#include <thread>

#include "ArgParser.h"
#include "image/ImageLoader.h"
#include "image/LabelMasks.h"
#include "model/SegmenterFactory.h"
#include "model/TorchSegmenter.h"
#include "text/Tokenizer.h"
#include "util/BlasCore.h"
#include "util/Error.h"
#include "util/Version.h"

namespace pm::cli {

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

// Median wall time of `repeat` calls of f, in ms.
double timeMs(int repeat, const std::function<void(int)>& f) {
    std::vector<double> times;
    for (int i = 0; i < repeat; ++i) {
        const auto start = Clock::now();
        f(i);
        times.push_back(msSince(start));
    }
    return median(times);
}

int intOption(const ArgParser& args, const std::string& name, int fallback, int lo, int hi) {
    const double v = args.number(name, fallback);
    if (v != double(int(v)) || v < lo || v > hi) {
        throw Error(ErrorKind::Usage, "--" + name + " must be an integer from " + std::to_string(lo) +
                                          " to " + std::to_string(hi));
    }
    return int(v);
}

// N distinct everyday prompts, the same list packaging/models/bench_eager.py uses.
std::vector<std::string> promptTexts(int n) {
    static const char* const kBase[] = {"a glass", "something to fill", "wood", "a jar",
                                        "a cat",   "the table",         "sky",  "a red car"};
    std::vector<std::string> out;
    for (int i = 0; i < n; ++i) {
        std::string text = kBase[i % 8];
        if (i >= 8) {
            text += " " + std::to_string(i / 8);
        }
        out.push_back(text);
    }
    return out;
}

// A new 5-token text per call ([bos] a <colour> <noun> [eos]), never seen before by the prompt cache.
std::string freshPrompt(int i) {
    static const char* const kColours[] = {"red", "blue", "green", "black", "white", "brown"};
    static const char* const kNouns[] = {"cup", "dog", "boat", "lamp", "door", "bird", "shoe", "book"};
    return std::string("a ") + kColours[(i / 8) % 6] + " " + kNouns[i % 8];
}

std::vector<Prompt> asPrompts(const std::vector<std::string>& texts) {
    std::vector<Prompt> prompts;
    for (const std::string& t : texts) {
        prompts.push_back(Prompt::fromText(t));
    }
    return prompts;
}

double peakRssMb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;  // kB on Linux
}

std::unique_ptr<TorchSegmenter> openBundle(const std::string& dir, int threads, const ArgParser& args) {
    EngineOptions options;  // as shipped (the GUI's and `segment`'s): hash check included
    options.threads = threads;
    options.profilingExecutor = args.flag("profiling-executor");
    options.freezeModule = args.flag("freeze");
    return openTorchSegmenter(dir, options);
}

}  // namespace

std::string BenchCommand::summary() const {
    return "time the model pipeline stage by stage (medians in ms)";
}

std::string BenchCommand::usage() const {
    return R"(Usage: promptmask-cli bench --model BUNDLE --image IMG --prompts N [--repeat R] [--threads T] [--json]

Times the pipeline as shipped, stage by stage, and prints the median of R runs of each:
  model_load_ms              fresh bundle load, sha256 check included (min(R,3) loads)
  image_encode_ms            vision tower on the preprocessed image
  text_encode_ms_per_prompt  text tower on the N prompts in one batch, divided by N
  decode_ms_per_prompt       one batched decode of the N prompts, divided by N
  first_mask_ms              image file -> first mask (model loaded, nothing cached)
  n_prompts_total_ms         image file -> N masks (nothing cached)
  reprompt_ms                a new 5-token prompt on a cached image -> mask at image size
  threshold_update_ms        re-thresholding N probability maps at 1920x1080 (exclusive labels)
  peak_rss_mb                peak resident memory of this process
Compare with the eager PyTorch baseline: packaging/bench/run.sh runs both and writes docs/PERFORMANCE.md.

Options:
  --model BUNDLE   model bundle directory
  --image IMG      image file
  --prompts N      number of text prompts (1-64)
  --repeat R       runs per figure (default 5, 1-100)
  --threads T      intra-op threads (default 0: all cores)
  --json           print one JSON object instead of a table
  --profiling-executor, --freeze
                   compare TorchScript settings the app does not ship with: the profiling executor,
                   a frozen module (see ClipSegRuntime.h)

Exit status: 0 ok, 2 usage error, 3 input error, 4 model error.
)";
}

int BenchCommand::run(const std::vector<std::string>& rawArgs) {
    ArgParser args({"model", "image", "prompts", "repeat", "threads"},
                   {"json", "profiling-executor", "freeze"});
    args.parse(rawArgs);
    if (!args.positionals().empty()) {
        throw Error(ErrorKind::Usage, "unexpected argument '" + args.positionals().front() + "'");
    }
    const std::string bundle = args.required("model");
    const std::string image = args.required("image");
    const int n = intOption(args, "prompts", 0, 1, 64);
    if (!args.has("prompts")) {
        throw Error(ErrorKind::Usage, "--prompts N is required");
    }
    const int repeat = intOption(args, "repeat", 5, 1, 100);
    const int threads = intOption(args, "threads", 0, 0, 1024);
    const cv::Mat rgb = ImageLoader::loadRgb(image);  // fails early, naming the file

    // Model load: each load is fresh (hash check, TorchScript load); the last one is kept.
    std::unique_ptr<TorchSegmenter> seg;
    const double loadMs = timeMs(std::min(repeat, 3), [&](int) {
        seg.reset();
        seg = openBundle(bundle, threads, args);
    });
    const ClipSegRuntime& runtime = seg->runtime();
    const std::vector<std::string> texts = promptTexts(n);
    const std::vector<Prompt> prompts = asPrompts(texts);

    // Warm-up: the first call of each TorchScript method is slower (profiling, allocator).
    const SegmentationResult all = seg->segment(image, prompts);
    seg->clearCaches();
    const std::vector<float> pixels = seg->pixelValues(rgb);
    const TokenBatch batch = seg->tokenizer().encodeBatch(texts);
    const auto activations = runtime.encodeImage(pixels);
    FloatTensor cond = runtime.encodeText(batch.ids, batch.attentionMask, batch.rows, batch.cols);
    const std::vector<Prompt> first = {prompts.front()};
    std::vector<cv::Mat> hd;
    for (const cv::Mat& p : all.probabilities) {
        cv::Mat r;
        cv::resize(p, r, cv::Size(1920, 1080), 0, 0, cv::INTER_LINEAR);
        hd.push_back(r);
    }
    std::vector<cv::Mat> masks;

    // R rounds, each timing every figure once, so that a change in the machine's load during the run
    // (other processes come and go) reaches all figures alike instead of skewing the ones timed last.
    // With N = 1, first_mask_ms and n_prompts_total_ms are the same work: their gap shows the noise.
    std::map<std::string, std::vector<double>> times;
    auto timed = [&times](const std::string& key, const std::function<void()>& f) {
        const auto start = Clock::now();
        f();
        times[key].push_back(msSince(start));
    };
    for (int i = 0; i < repeat; ++i) {
        timed("encode", [&] { runtime.encodeImage(pixels); });
        timed("text",
              [&] { cond = runtime.encodeText(batch.ids, batch.attentionMask, batch.rows, batch.cols); });
        timed("decode", [&] { runtime.decode(*activations, cond); });
        timed("first", [&] {
            seg->clearCaches();
            seg->segment(image, first);
        });
        timed("total", [&] {
            seg->clearCaches();
            seg->segment(image, prompts);
        });
        // The image is now cached, as after a first prompt in the GUI.
        timed("reprompt", [&] { seg->segment(image, {Prompt::fromText(freshPrompt(i))}); });
        // What the GUI does on a threshold slider step (OverlayRenderer::masks, exclusive labels).
        timed("threshold", [&] {
            masks = LabelMasks::exclusive(hd, std::vector<float>(hd.size(), 0.3f + 0.05f * float(i % 8)));
        });
    }
    const double encodeMs = median(times["encode"]);
    const double textMs = median(times["text"]);
    const double decodeMs = median(times["decode"]);
    const double firstMs = median(times["first"]);
    const double totalMs = median(times["total"]);
    const double repromptMs = median(times["reprompt"]);
    const double thresholdMs = median(times["threshold"]);

    const ModelInfo info = seg->modelInfo();
    const char* waitPolicy = std::getenv("OMP_WAIT_POLICY");
    const char* blasCoreType = std::getenv("OPENBLAS_CORETYPE");
    nlohmann::json out = {
        {"model_load_ms", loadMs},
        {"image_encode_ms", encodeMs},
        {"text_encode_ms_per_prompt", textMs / n},
        {"decode_ms_per_prompt", decodeMs / n},
        {"first_mask_ms", firstMs},
        {"n_prompts_total_ms", totalMs},
        {"reprompt_ms", repromptMs},
        {"threshold_update_ms", thresholdMs},
        {"peak_rss_mb", peakRssMb()},
        {"settings",
         {{"model", info.name},
          {"bundle", bundle},
          {"quantization", info.quantization},
          {"quantization_cost", info.quantizationCost},
          {"image", image},
          {"image_size", {rgb.cols, rgb.rows}},
          {"prompts", n},
          {"repeat", repeat},
          {"threads", info.threads},
          {"cores", std::thread::hardware_concurrency()},
          {"omp_wait_policy", waitPolicy ? waitPolicy : ""},
          {"openblas_coretype", blasCoreType ? blasCoreType : ""},
          {"blas_core", BlasCore::active()},
          {"executor", args.flag("profiling-executor") ? "profiling" : "legacy"},
          {"frozen", args.flag("freeze") && info.quantization == "none"},
          {"version", kVersion}}},
    };
    if (args.flag("json")) {
        std::cout << out.dump() << "\n";
        return 0;
    }
    std::printf("promptmask-cli bench: %s (%s), %d threads, %d prompts, median of %d, BLAS kernels %s\n",
                info.name.c_str(), info.quantization.c_str(), info.threads, n, repeat,
                out["settings"]["blas_core"].get<std::string>().c_str());
    for (const char* key :
         {"model_load_ms", "image_encode_ms", "text_encode_ms_per_prompt", "decode_ms_per_prompt",
          "first_mask_ms", "n_prompts_total_ms", "reprompt_ms", "threshold_update_ms"}) {
        std::printf("  %-27s %9.1f\n", key, out[key].get<double>());
    }
    std::printf("  %-27s %9.0f\n", "peak_rss_mb", out["peak_rss_mb"].get<double>());
    if (!info.quantizationCost.empty()) {
        std::printf("note: %s\n", info.quantizationCost.c_str());
    }
    return 0;
}

}  // namespace pm::cli
