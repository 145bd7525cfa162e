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
#include "model/PromptCombiner.h"
#include "model/PromptTemplates.h"
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

// "a glass|a cup" -> {"a glass", "a cup"}; "\|" is a literal bar. Members are trimmed; a blank one is a
// usage error naming the option.
std::vector<std::string> splitBars(const std::string& value, const char* option) {
    std::vector<std::string> parts(1);
    for (size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '\\' && i + 1 < value.size() && value[i + 1] == '|') {
            parts.back() += '|';
            ++i;
        } else if (value[i] == '|') {
            parts.emplace_back();
        } else {
            parts.back() += value[i];
        }
    }
    for (std::string& p : parts) {
        const auto first = p.find_first_not_of(" \t\r\n\v\f");
        if (first == std::string::npos) {
            throw Error(ErrorKind::Usage, std::string(option) + " '" + value +
                                              "' is empty or has an empty part between bars: say what to "
                                              "segment, e.g. --prompt \"a glass|a cup\"");
        }
        p = p.substr(first, p.find_last_not_of(" \t\r\n\v\f") - first + 1);
    }
    return parts;
}

double unitNumber(const std::string& option, const std::string& value) {
    size_t used = 0;
    double v = -1;
    try {
        v = std::stod(value, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != value.size() || value.empty() || !(v >= 0.0 && v <= 1.0)) {
        throw Error(ErrorKind::Usage, "--" + option + " must lie in 0..1, got '" + value + "'");
    }
    return v;
}

// Prompts in command-line order, one combined prompt (one output map) each. A --visual-prompt-mode
// applies to every --visual-prompt after it, up to the next --visual-prompt-mode; one that no
// --visual-prompt follows is a usage error (never ignored). --negative and --negative-strength apply to
// the most recent prompt; --mix joins the one text and the one visual prompt into one map.
std::vector<CombinedPrompt> promptsInOrder(const ArgParser& args) {
    std::vector<CombinedPrompt> prompts;
    VisualPromptMode mode = VisualPromptMode::CropBlurHighlight;
    std::optional<std::string> unusedMode;
    const auto latest = [&](const std::string& option) -> CombinedPrompt& {
        if (prompts.empty()) {
            throw Error(ErrorKind::Usage,
                        "--" + option + " applies to the prompt before it: give a --prompt first");
        }
        return prompts.back();
    };
    for (const auto& [name, value] : args.ordered()) {
        if (name == "prompt") {
            if (isBlank(value)) {
                throw Error(ErrorKind::Usage,
                            "--prompt is empty: say what to segment, e.g. --prompt \"a glass\"");
            }
            CombinedPrompt c;
            for (const std::string& text : splitBars(value, "--prompt")) {
                c.members.push_back(Prompt::fromText(text));
            }
            prompts.push_back(std::move(c));
        } else if (name == "visual-prompt") {
            prompts.push_back(CombinedPrompt::single(Prompt::fromExemplar(parseExemplar(value, mode))));
            unusedMode.reset();
        } else if (name == "visual-prompt-mode") {
            const auto parsed = visualPromptModeFromString(value);
            if (!parsed) {
                throw Error(ErrorKind::Usage, "--visual-prompt-mode '" + value +
                                                  "' is not one of plain, crop, crop-blur-highlight");
            }
            mode = *parsed;
            unusedMode = value;
        } else if (name == "negative") {
            CombinedPrompt& c = latest(name);
            for (const std::string& text : splitBars(value, "--negative")) {
                c.negatives.push_back(Prompt::fromText(text));
            }
        } else if (name == "negative-strength") {
            latest(name).negativeStrength = unitNumber(name, value);
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
    if (const auto templates = args.value("templates")) {
        if (!PromptTemplates::exists(*templates)) {
            PromptTemplates::patterns(*templates);  // throws the usage error listing the sets
        }
        for (CombinedPrompt& c : prompts) {
            c.templateSet = *templates;
        }
    }
    if (const auto mix = args.value("mix")) {
        const double a = unitNumber("mix", *mix);
        size_t texts = 0;
        size_t visuals = 0;
        for (const CombinedPrompt& c : prompts) {
            (c.members.front().isVisual() ? visuals : texts) += 1;
        }
        if (texts != 1 || visuals != 1) {
            throw Error(ErrorKind::Usage,
                        "--mix combines exactly one --prompt and one --visual-prompt; got " +
                            std::to_string(texts) + " and " + std::to_string(visuals));
        }
        CombinedPrompt mixed;
        mixed.mix = a;
        mixed.templateSet = prompts.front().templateSet;
        mixed.negativeStrength = 1.0;
        for (const CombinedPrompt& c : prompts) {
            mixed.members.insert(mixed.members.end(), c.members.begin(), c.members.end());
            mixed.negatives.insert(mixed.negatives.end(), c.negatives.begin(), c.negatives.end());
            mixed.negativeStrength = std::min(mixed.negativeStrength, c.negativeStrength);
        }
        prompts = {mixed};
    }
    return prompts;
}

std::string kindOf(const CombinedPrompt& c) {
    if (c.isSingle()) {
        return c.members.front().isVisual() ? "visual" : "text";
    }
    return c.mix ? "mix" : "combined";
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
Each --prompt / --visual-prompt gives ONE output map (see docs/PROMPTS.md).

Prompts (repeatable, kept in command-line order):
  --prompt TEXT                    what to segment, e.g. "a glass". "a glass|a cup" is an ensemble:
                                   the members' embeddings are averaged and decoded once (one map);
                                   write \| for a literal bar
  --visual-prompt IMG@x0,y0,x1,y1  an example: a box (pixels) drawn around one on any image
  --visual-prompt-mode MODE        plain | crop | crop-blur-highlight (default); applies to every
                                   --visual-prompt AFTER it, up to the next --visual-prompt-mode
  --negative TEXT                  (repeatable) lowers the most recent prompt where TEXT is found:
                                   p = p_prompt * (1 - S * max p_negative); "a|b" gives two negatives
  --negative-strength S            S for the most recent prompt, 0..1 (default 1)
  --mix A                          combine the command's one --prompt and one --visual-prompt into one
                                   map: embedding A*text + (1-A)*visual, A in 0..1 (1: the text alone,
                                   0: the exemplar alone); more than one of either is a usage error
  --templates SET                  turn every text into the ensemble of a template set:
                                   none (default), fixed, clipseg, clipseg-plus, clip7
                                   (e.g. clipseg: "a photo of a {}.", "a photograph of a {}.", ...)

Options:
  --model BUNDLE      model bundle directory (manifest.json, model.pt, tokenizer files); default:
                      $PROMPTMASK_MODEL, the GUI's model, ~/.local/share/promptmask/models, then
                      the installed demo model
  --image IMG         image to segment (JPEG, PNG, ...; EXIF orientation applied)
  --threshold T       mask threshold on the probability, 0..1 (default 0.5)
  --threads N         inference threads (default: all cores)
  --logits-out FILE   logits as NumPy .npy, float32 [N,S,S], one map per prompt in prompt order
                      (S = model input size; with negatives, the logit of the combined probability)
  --masks-out DIR     one 8-bit PNG per prompt (0/255) at the image size: DIR/mask_000.png, ...
  --json              print one JSON object (model, image, timings, per-prompt mask area, warnings)

Outputs are written only after inference succeeded, atomically; nothing is left behind on failure.
Exit status: 0 ok, 2 usage error, 3 input error (image, visual-prompt box, output path), 4 model error.
)";
}

int SegmentCommand::run(const std::vector<std::string>& rawArgs) {
    ArgParser args(
        {"model", "image", "prompt", "visual-prompt", "visual-prompt-mode", "negative", "negative-strength",
         "mix", "templates", "threshold", "threads", "logits-out", "masks-out"},
        {"json"});
    args.parse(rawArgs);
    if (!args.positionals().empty()) {
        throw Error(ErrorKind::Usage,
                    "unexpected argument '" + args.positionals().front() + "' (prompts go in --prompt TEXT)");
    }
    const std::string bundle = modelBundle(args);
    const std::string imagePath = args.required("image");
    const std::vector<CombinedPrompt> prompts = promptsInOrder(args);
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
    const SegmentationResult result = PromptCombiner::segment(*segmenter, imagePath, prompts);
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
                                {"kind", kindOf(prompts[i])},
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
