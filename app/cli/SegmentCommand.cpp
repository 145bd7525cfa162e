#include "SegmentCommand.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <sstream>

#include "ArgParser.h"
#include "ModelArgument.h"
#include "model/NpyFile.h"
#include "model/SegmenterFactory.h"
#include "util/AtomicFile.h"
#include "util/Error.h"

namespace fs = std::filesystem;

namespace pm::cli {

namespace {

using Clock = std::chrono::steady_clock;

bool isBlank(const std::string& s) {
    return s.find_first_not_of(" \t\r\n\v\f") == std::string::npos;
}

int parseCoordinate(const std::string& text, const std::string& spec) {
    size_t used = 0;
    long value = -1;
    try {
        value = std::stol(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != text.size() || text.empty() || value < 0 || value > 1000000) {
        throw Error(ErrorKind::Usage, "--visual-prompt '" + spec + "': '" + text +
                                          "' is not a pixel coordinate (expected IMG@x0,y0,x1,y1)");
    }
    return int(value);
}

// "IMG@x0,y0,x1,y1" (the last '@' separates, so image paths may contain '@').
VisualExemplar parseExemplar(const std::string& spec, VisualPromptMode mode) {
    const auto at = spec.rfind('@');
    if (at == std::string::npos || at == 0) {
        throw Error(ErrorKind::Usage, "--visual-prompt '" + spec + "': expected IMG@x0,y0,x1,y1");
    }
    std::vector<std::string> parts;
    std::stringstream ss(spec.substr(at + 1));
    for (std::string part; std::getline(ss, part, ',');) {
        parts.push_back(part);
    }
    if (parts.size() != 4) {
        throw Error(ErrorKind::Usage, "--visual-prompt '" + spec + "': expected 4 coordinates x0,y0,x1,y1");
    }
    const int x0 = parseCoordinate(parts[0], spec), y0 = parseCoordinate(parts[1], spec);
    const int x1 = parseCoordinate(parts[2], spec), y1 = parseCoordinate(parts[3], spec);
    if (x1 <= x0 || y1 <= y0) {
        throw Error(ErrorKind::Usage,
                    "--visual-prompt '" + spec + "': the box is empty (need x1 > x0 and y1 > y0)");
    }
    return VisualExemplar{spec.substr(0, at), cv::Rect(x0, y0, x1 - x0, y1 - y0), mode};
}

// Prompts in command-line order. A --visual-prompt-mode applies to every --visual-prompt after it, up to
// the next --visual-prompt-mode; one that no --visual-prompt follows is a usage error (never ignored).
std::vector<Prompt> promptsInOrder(const ArgParser& args) {
    std::vector<Prompt> prompts;
    VisualPromptMode mode = VisualPromptMode::CropBlurHighlight;
    std::optional<std::string> unusedMode;
    for (const auto& [name, value] : args.ordered()) {
        if (name == "prompt") {
            if (isBlank(value)) {
                throw Error(ErrorKind::Usage,
                            "--prompt is empty: say what to segment, e.g. --prompt \"a glass\"");
            }
            prompts.push_back(Prompt::fromText(value));
        } else if (name == "visual-prompt") {
            prompts.push_back(Prompt::fromExemplar(parseExemplar(value, mode)));
            unusedMode.reset();
        } else if (name == "visual-prompt-mode") {
            const auto parsed = visualPromptModeFromString(value);
            if (!parsed) {
                throw Error(ErrorKind::Usage, "--visual-prompt-mode '" + value +
                                                  "' is not one of plain, crop, crop-blur-highlight");
            }
            mode = *parsed;
            unusedMode = value;
        }
    }
    if (unusedMode) {
        throw Error(ErrorKind::Usage,
                    "--visual-prompt-mode " + *unusedMode +
                        " is not followed by a --visual-prompt (a mode applies to the visual "
                        "prompts after it)");
    }
    if (prompts.empty()) {
        throw Error(ErrorKind::Usage, "give at least one --prompt TEXT or --visual-prompt IMG@x0,y0,x1,y1");
    }
    return prompts;
}

void requireParentDirectory(const std::string& file, const char* option) {
    const fs::path parent = fs::absolute(fs::path(file)).parent_path();
    std::error_code ec;
    if (!fs::is_directory(parent, ec)) {
        throw Error(ErrorKind::Io, file + ": cannot write " + option + " there: folder " + parent.string() +
                                       " does not exist");
    }
}

std::string maskFileName(size_t index) {
    char name[32];
    std::snprintf(name, sizeof name, "mask_%03zu.png", index);
    return name;
}

// Writes every output or none: files are staged in memory and written atomically; if one write fails,
// the files this run created (and a masks folder it created) are removed again. A file that existed
// before holds a complete version either way, so it is never removed: deleting it would lose it.
class OutputSet {
public:
    void add(fs::path path, std::string bytes) { files_.emplace_back(std::move(path), std::move(bytes)); }
    void createFolderFirst(fs::path dir) { folder_ = std::move(dir); }

    void commit() {
        std::error_code ec;
        bool createdFolder = false;
        try {
            if (!folder_.empty() && !fs::is_directory(folder_, ec)) {
                if (!fs::create_directories(folder_, ec) || ec) {
                    throw Error(ErrorKind::Io,
                                folder_.string() + ": cannot create the folder (" + ec.message() + ")");
                }
                createdFolder = true;
            }
            for (const auto& [path, bytes] : files_) {
                const bool existed = fs::exists(path, ec);
                AtomicFile::write(path, bytes);
                if (!existed) {
                    written_.push_back(path);
                }
            }
        } catch (...) {
            for (const fs::path& p : written_) {
                fs::remove(p, ec);
            }
            if (createdFolder) {
                fs::remove(folder_, ec);  // only removes it when empty
            }
            throw;
        }
    }

private:
    fs::path folder_;
    std::vector<std::pair<fs::path, std::string>> files_;
    std::vector<fs::path> written_;
};

double round3(double v) {
    return double(std::llround(v * 1000.0)) / 1000.0;
}

}  // namespace

std::string SegmentCommand::summary() const {
    return "paint masks for text or visual prompts on one image";
}

std::string SegmentCommand::usage() const {
    return R"(Usage: promptmask-cli segment [--model BUNDLE] --image IMG
                              (--prompt TEXT | --visual-prompt IMG@x0,y0,x1,y1)... [options]

Segments IMG once per prompt: the image is encoded once, all prompts are decoded in one batch.

Prompts (repeatable, kept in command-line order):
  --prompt TEXT                    what to segment, e.g. "a glass"
  --visual-prompt IMG@x0,y0,x1,y1  an example: a box (pixels) drawn around one on any image
  --visual-prompt-mode MODE        plain | crop | crop-blur-highlight (default); applies to every
                                   --visual-prompt AFTER it, up to the next --visual-prompt-mode

Options:
  --model BUNDLE      model bundle directory (manifest.json, model.pt, tokenizer files); default:
                      $PROMPTMASK_MODEL, the GUI's model, ~/.local/share/promptmask/models, then
                      the installed demo model
  --image IMG         image to segment (JPEG, PNG, ...; EXIF orientation applied)
  --threshold T       mask threshold on the probability, 0..1 (default 0.5)
  --threads N         inference threads (default: all cores)
  --logits-out FILE   raw logits as NumPy .npy, float32 [N,S,S] in prompt order (S = model input size)
  --masks-out DIR     one 8-bit PNG per prompt (0/255) at the image size: DIR/mask_000.png, ...
  --json              print one JSON object (model, image, timings, per-prompt mask area, warnings)

Outputs are written only after inference succeeded, atomically; nothing is left behind on failure.
Exit status: 0 ok, 2 usage error, 3 input error (image, visual-prompt box, output path), 4 model error.
)";
}

int SegmentCommand::run(const std::vector<std::string>& rawArgs) {
    ArgParser args({"model", "image", "prompt", "visual-prompt", "visual-prompt-mode", "threshold", "threads",
                    "logits-out", "masks-out"},
                   {"json"});
    args.parse(rawArgs);
    if (!args.positionals().empty()) {
        throw Error(ErrorKind::Usage,
                    "unexpected argument '" + args.positionals().front() + "' (prompts go in --prompt TEXT)");
    }
    const std::string bundle = modelBundle(args);
    const std::string imagePath = args.required("image");
    const std::vector<Prompt> prompts = promptsInOrder(args);
    const double threshold = args.number("threshold", 0.5);
    if (threshold < 0.0 || threshold > 1.0) {
        throw Error(ErrorKind::Usage, "--threshold must lie in 0..1, got " + *args.value("threshold"));
    }
    EngineOptions options;
    const double threads = args.number("threads", 0);
    if (args.has("threads") && (threads < 1 || threads > 1024 || threads != double(int(threads)))) {
        throw Error(ErrorKind::Usage,
                    "--threads must be a positive whole number, got " + *args.value("threads"));
    }
    options.threads = int(threads);
    const auto logitsOut = args.value("logits-out");
    const auto masksOut = args.value("masks-out");
    if (logitsOut) {
        requireParentDirectory(*logitsOut, "--logits-out");
    }
    const bool json = args.flag("json");

    const auto start = Clock::now();
    const std::unique_ptr<Segmenter> segmenter = openSegmenter(bundle, options);
    const double modelLoadMs = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    const SegmentationResult result = segmenter->segment(imagePath, prompts);
    const double totalMs = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    // All or nothing: a script asked for every one of these masks, so an unusable prompt fails the run
    // before anything is written.
    std::string unusable;
    for (const std::string& e : result.promptErrors) {
        unusable += (e.empty() || unusable.empty() ? "" : "; ") + e;
    }
    if (!unusable.empty()) {
        throw Error(ErrorKind::Input, unusable);
    }

    // Everything below is formatting and writing; inference has succeeded.
    OutputSet outputs;
    std::vector<size_t> areas;
    const double pixels = double(result.imageSize.area());
    std::vector<std::string> maskPaths;
    if (masksOut) {
        outputs.createFolderFirst(*masksOut);
    }
    for (size_t i = 0; i < prompts.size(); ++i) {
        const cv::Mat mask = result.probabilities[i] > threshold;  // CV_8U, 0/255
        areas.push_back(size_t(cv::countNonZero(mask)));
        if (masksOut) {
            std::vector<uchar> png;
            if (!cv::imencode(".png", mask, png)) {
                throw Error(ErrorKind::Io, "cannot encode mask " + std::to_string(i) + " as PNG");
            }
            const fs::path path = fs::path(*masksOut) / maskFileName(i);
            maskPaths.push_back(path.string());
            outputs.add(path, std::string(png.begin(), png.end()));
        }
    }
    if (logitsOut) {
        FloatTensor all;
        const int s = result.logits.empty() ? 0 : result.logits.front().rows;
        all.shape = {int64_t(prompts.size()), s, s};
        all.data.reserve(prompts.size() * size_t(s) * size_t(s));
        for (const cv::Mat& l : result.logits) {
            const cv::Mat c = l.isContinuous() ? l : l.clone();
            all.data.insert(all.data.end(), c.ptr<float>(), c.ptr<float>() + c.total());
        }
        outputs.add(*logitsOut, NpyFile::encode(all));
    }
    outputs.commit();

    for (const std::string& w : result.warnings) {
        std::cerr << "promptmask-cli segment: warning: " << w << "\n";
    }
    const ModelInfo info = segmenter->modelInfo();
    const StageTimings& t = result.timings;
    if (json) {
        nlohmann::json out;
        out["model"] = {{"id", info.id},           {"name", info.name},
                        {"source", info.source},   {"bundle", info.bundlePath},
                        {"threads", info.threads}, {"quantization", info.quantization}};
        out["image"] = {
            {"path", imagePath}, {"width", result.imageSize.width}, {"height", result.imageSize.height}};
        out["timings_ms"] = {{"model_load", round3(modelLoadMs)},
                             {"load_image", round3(t.loadImageMs)},
                             {"encode_image", round3(t.encodeImageMs)},
                             {"encode_prompts", round3(t.encodePromptsMs)},
                             {"decode", round3(t.decodeMs)},
                             {"postprocess", round3(t.postprocessMs)},
                             {"total", round3(totalMs)}};
        out["threshold"] = threshold;
        out["prompts"] = nlohmann::json::array();
        for (size_t i = 0; i < prompts.size(); ++i) {
            nlohmann::json p = {{"index", i},
                                {"kind", prompts[i].isVisual() ? "visual" : "text"},
                                {"prompt", prompts[i].describe()},
                                {"mask_area_px", areas[i]},
                                {"mask_fraction", pixels > 0 ? double(areas[i]) / pixels : 0.0},
                                {"warnings", result.promptWarnings[i]}};
            if (masksOut) {
                p["mask_file"] = maskPaths[i];
            }
            out["prompts"].push_back(p);
        }
        out["logits_file"] = logitsOut ? nlohmann::json(*logitsOut) : nlohmann::json(nullptr);
        // Invalid UTF-8 in a prompt must not abort the report: replace it.
        std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return 0;
    }
    std::printf("model   %s (%s), %d thread%s\n", info.name.c_str(), info.id.c_str(), info.threads,
                info.threads == 1 ? "" : "s");
    std::printf("image   %s, %dx%d\n", imagePath.c_str(), result.imageSize.width, result.imageSize.height);
    std::printf(
        "time    load model %.0f ms, image %.1f ms, encode %.1f ms, prompts %.1f ms, decode %.1f ms, "
        "post %.1f ms\n",
        modelLoadMs, t.loadImageMs, t.encodeImageMs, t.encodePromptsMs, t.decodeMs, t.postprocessMs);
    for (size_t i = 0; i < prompts.size(); ++i) {
        std::printf("%3zu  %-40s mask %zu px (%.1f %%)\n", i, prompts[i].describe().c_str(), areas[i],
                    pixels > 0 ? 100.0 * double(areas[i]) / pixels : 0.0);
    }
    if (logitsOut) {
        std::printf("wrote   %s\n", logitsOut->c_str());
    }
    if (masksOut) {
        std::printf("wrote   %zu mask%s in %s\n", maskPaths.size(), maskPaths.size() == 1 ? "" : "s",
                    masksOut->c_str());
    }
    return 0;
}

}  // namespace pm::cli
