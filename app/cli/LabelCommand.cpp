#include "LabelCommand.h"

#include <unistd.h>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <fstream>
#include <iostream>
#include <mutex>
#include <set>
#include <thread>

#include "ArgParser.h"
#include "LabelCommandProgress.h"
#include "annotation/AnnotationFormat.h"
#include "annotation/ProvenanceJson.h"
#include "image/ImageLoader.h"
#include "model/PromptCombiner.h"
#include "model/SegmenterFactory.h"
#include "project/ImageScan.h"
#include "project/ItemStore.h"
#include "project/LabelInstances.h"
#include "project/LabelSet.h"
#include "project/ResultAssembler.h"
#include "project/RunManifest.h"
#include "project/ShardSpec.h"
#include "util/AtomicFile.h"
#include "util/Error.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace pm::cli {

namespace {

// One image between inference and writing.
struct Segmented {
    std::string image;
    cv::Size size;
    std::vector<cv::Mat> probabilities;
    std::string error;  // the image could not be labelled
};

// A small bounded queue: inference never runs more than `capacity` images ahead of the writer, so
// memory does not grow with the dataset.
template <typename T>
class BoundedQueue {
public:
    explicit BoundedQueue(size_t capacity) : capacity_(capacity) {}
    void push(T item) {
        std::unique_lock<std::mutex> lock(mutex_);
        notFull_.wait(lock, [&] { return items_.size() < capacity_; });
        items_.push_back(std::move(item));
        notEmpty_.notify_one();
    }
    void close() {
        std::lock_guard<std::mutex> lock(mutex_);
        closed_ = true;
        notEmpty_.notify_all();
    }
    bool pop(T& out) {
        std::unique_lock<std::mutex> lock(mutex_);
        notEmpty_.wait(lock, [&] { return !items_.empty() || closed_; });
        if (items_.empty()) {
            return false;
        }
        out = std::move(items_.front());
        items_.pop_front();
        notFull_.notify_one();
        return true;
    }

private:
    size_t capacity_;
    std::deque<T> items_;
    bool closed_ = false;
    std::mutex mutex_;
    std::condition_variable notFull_, notEmpty_;
};

// Reads the next images' bytes ahead of inference, so that file I/O (a shared file system on a cluster)
// overlaps the model; the decoder then finds them in the page cache.
class ReadAhead {
public:
    ReadAhead(const fs::path& root, const std::vector<std::string>& images)
        : thread_([this, root, &images] {
              std::vector<char> buffer(1 << 20);
              for (size_t i = 0; i < images.size() && !stop_; ++i) {
                  {
                      std::unique_lock<std::mutex> lock(mutex_);
                      wake_.wait(lock, [&] { return stop_ || i < consumed_ + kAhead; });
                  }
                  std::ifstream in(root / fs::u8path(images[i]), std::ios::binary);
                  while (in && !stop_) {
                      in.read(buffer.data(), std::streamsize(buffer.size()));
                  }
              }
          }) {}
    ~ReadAhead() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stop_ = true;
        }
        wake_.notify_all();
        thread_.join();
    }
    void consumed(size_t count) {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            consumed_ = count;
        }
        wake_.notify_all();
    }

private:
    static constexpr size_t kAhead = 4;
    std::mutex mutex_;
    std::condition_variable wake_;
    size_t consumed_ = 0;
    bool stop_ = false;
    std::thread thread_;
};

fs::path normalized(const fs::path& p) {
    std::error_code ec;
    fs::path c = fs::weakly_canonical(fs::absolute(p), ec);
    return (ec ? fs::absolute(p) : c).lexically_normal();
}

bool isInside(const fs::path& inner, const fs::path& outer) {
    const fs::path rel = inner.lexically_relative(outer);
    return !rel.empty() && *rel.begin() != "..";
}

// The output of format `format` inside a run's folder.
fs::path formatTarget(const fs::path& out, const std::string& format) {
    return format == "coco" ? out / "annotations.json" : out / format;
}

void requireWritableOut(const fs::path& out) {
    std::error_code ec;
    fs::create_directories(out, ec);
    if (ec || !fs::is_directory(out, ec)) {
        throw Error(ErrorKind::Io, out.string() + ": --out cannot be created (" +
                                       (ec ? ec.message() : std::string("not a folder")) + ")");
    }
    if (::access(out.c_str(), W_OK | X_OK) != 0) {
        throw Error(ErrorKind::Io, out.string() + ": --out is not writable");
    }
}

// Removes temporary files an interrupted run left (AtomicFile's ".<name>.tmp-*").
void removeStaleTemporaries(const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        return;
    }
    std::vector<fs::path> stale;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.rfind('.', 0) == 0 && name.find(".tmp-") != std::string::npos) {
            stale.push_back(it->path());
        }
    }
    for (const fs::path& p : stale) {
        fs::remove(p, ec);
    }
}

// Every exemplar must decode and its box must lie in its image: checked before the first image, since
// an unusable exemplar would fail every image alike.
void requireUsableExemplars(const LabelSet& labels, const fs::path& labelsFile) {
    for (const LabelSpec& l : labels.labels()) {
        std::vector<VisualExemplar> all = l.exemplars;
        all.insert(all.end(), l.negativeExemplars.begin(), l.negativeExemplars.end());
        for (const VisualExemplar& e : all) {
            cv::Size size;
            try {
                size = ImageLoader::probeSize(e.imagePath);
            } catch (const Error& error) {
                throw Error(ErrorKind::Input, labelsFile.string() + ": label \"" + l.name +
                                                  "\": exemplar image unusable: " + error.what());
            }
            if ((e.box & cv::Rect(cv::Point(), size)) != e.box) {
                throw Error(ErrorKind::Input, labelsFile.string() + ": label \"" + l.name +
                                                  "\": exemplar box " + Prompt::fromExemplar(e).describe() +
                                                  " lies outside the " + std::to_string(size.width) + "x" +
                                                  std::to_string(size.height) + " image");
            }
        }
    }
}

}  // namespace

std::string LabelCommand::summary() const {
    return "label every image of a folder (or one shard of it) with a label set";
}

std::string LabelCommand::usage() const {
    return R"(Usage: promptmask-cli label --model BUNDLE --images DIR --labels LABELS.json
                            --format coco|labelme|masks --out DIR [options]

Labels every image below DIR with the labels of LABELS.json: the GUI's <dataset>/.promptmask/labels.json
or a hand-written list (docs/LABELS.md). Each image is encoded once and all prompts of all labels are
decoded in one batch. Per-image results are written atomically to OUT/items/ as the run goes, and at
the end merged into OUT/annotations.json (coco), OUT/labelme/ or OUT/masks/ by the export's writers.
Every annotation carries its provenance (prompts, threshold, model id).

Options:
  --model BUNDLE     model bundle directory (read only)
  --images DIR       the dataset's images (searched recursively; hidden folders skipped)
  --labels FILE      the label set; exemplar image paths in it are relative to the labels file
                     (to the dataset folder for the GUI's .promptmask/labels.json)
  --format F         coco | labelme | masks
  --out DIR          output folder; must not lie inside --images
  --threshold T      use T (0..1) for every label instead of each label's own threshold
  --shard I/N        label only shard I of N (0 <= I < N): the images whose path hash modulo N is I;
                     merge the shard outputs with `promptmask-cli merge`
  --resume           continue a run in OUT: finished images are skipped (safe after a kill)
  --jobs J           threads for inference (default: all cores)
  --json-log FILE    write progress as JSON lines to FILE

Progress goes to stderr: one line redrawn in place on a terminal, else JSON lines.
Images that cannot be labelled are skipped and listed in OUT/errors.jsonl ({"image", "error"}).

Exit status: 0 every image labelled; 5 finished, but some images failed (see errors.jsonl);
2 usage error (bad option, --shard out of range, --out inside --images, OUT holds another run);
3 input error (labels file missing or malformed, exemplar image gone, --out not writable);
4 model error. Nothing is labelled when the exit status is 2, 3 or 4 before the first image.
)";
}

int LabelCommand::run(const std::vector<std::string>& rawArgs) {
    ArgParser args({"model", "images", "labels", "format", "out", "threshold", "shard", "jobs", "json-log"},
                   {"resume"});
    args.parse(rawArgs);
    if (!args.positionals().empty()) {
        throw Error(ErrorKind::Usage, "unexpected argument '" + args.positionals().front() + "'");
    }
    const std::string bundle = args.required("model");
    const fs::path imagesRoot = normalized(args.required("images"));
    const fs::path labelsFile = args.required("labels");
    const std::string format = args.required("format");
    const fs::path out = normalized(args.required("out"));
    if (!AnnotationFormat::create(format)) {
        throw Error(ErrorKind::Usage, "--format '" + format + "' is not one of coco, labelme, masks");
    }
    const double threshold = args.number("threshold", -1);
    if (args.has("threshold") && (threshold < 0.0 || threshold > 1.0)) {
        throw Error(ErrorKind::Usage, "--threshold must lie in 0..1, got " + *args.value("threshold"));
    }
    const ShardSpec shard = args.has("shard") ? ShardSpec::parse(*args.value("shard")) : ShardSpec();
    const double jobs = args.number("jobs", 0);
    if (args.has("jobs") && (jobs < 1 || jobs > 1024 || jobs != double(int(jobs)))) {
        throw Error(ErrorKind::Usage, "--jobs must be a positive whole number, got " + *args.value("jobs"));
    }
    const bool resume = args.flag("resume");
    std::error_code ec;
    if (!fs::is_directory(imagesRoot, ec)) {
        throw Error(ErrorKind::Input, imagesRoot.string() + ": --images is not a folder");
    }
    if (out == imagesRoot || isInside(out, imagesRoot)) {
        throw Error(ErrorKind::Usage,
                    out.string() + ": --out lies inside --images " + imagesRoot.string() +
                        " (results would become images of the next run); choose another folder");
    }
    const LabelSet labels = LabelSet::load(labelsFile);
    const std::vector<std::string> missing = labels.missingExemplars();
    if (!missing.empty()) {
        throw Error(ErrorKind::Input, labelsFile.string() + ": " + missing.front());
    }
    requireUsableExemplars(labels, labelsFile);
    requireWritableOut(out);
    std::unique_ptr<std::ofstream> jsonLog;
    if (args.has("json-log")) {
        jsonLog = std::make_unique<std::ofstream>(*args.value("json-log"), std::ios::app);
        if (!*jsonLog) {
            throw Error(ErrorKind::Io, *args.value("json-log") + ": --json-log cannot be written");
        }
    }

    EngineOptions options;
    options.threads = int(jobs);
    // Each image is seen once: cached activations would only grow memory (up to the cache budget).
    options.imageCacheBytes = 0;
    const std::unique_ptr<Segmenter> segmenter = openSegmenter(bundle, options);
    const ModelInfo model = segmenter->modelInfo();
    const LabelInstances builder(labels, {threshold, 32, model.id, model.name});

    const std::vector<std::string> all = ImageScan::list(imagesRoot);
    std::vector<std::string> mine;
    for (const std::string& image : all) {
        if (shard.contains(image)) {
            mine.push_back(image);
        }
    }
    RunManifest manifest;
    manifest.imagesRoot = imagesRoot.string();
    for (size_t i = 0; i < labels.labels().size(); ++i) {
        manifest.labels.push_back(labels.labels()[i].name);
        manifest.provenance.push_back(ProvenanceJson::toJson(builder.provenance(i)));
    }
    manifest.shard = shard.toString();
    manifest.format = format;
    manifest.imagesInDataset = all.size();
    manifest.imagesInShard = mine.size();

    const ItemStore store(out);
    const bool hasEarlier = fs::exists(RunManifest::path(out), ec) || fs::exists(store.root(), ec);
    if (hasEarlier && !resume) {
        throw Error(ErrorKind::Usage,
                    out.string() +
                        ": holds results of an earlier run; pass --resume to continue it, or "
                        "choose an empty --out");
    }
    if (hasEarlier && fs::exists(RunManifest::path(out), ec)) {
        const RunManifest earlier = RunManifest::load(out);
        std::string diff = earlier.differenceTo(manifest);
        if (diff.empty() && earlier.shard != manifest.shard) {
            diff = "shard " + manifest.shard + " instead of " + earlier.shard;
        }
        if (!diff.empty()) {
            throw Error(ErrorKind::Usage, out.string() + ": --resume of a run made with other settings (" +
                                              diff + "); use a new --out");
        }
    }
    manifest.save(out);
    removeStaleTemporaries(out);

    std::vector<std::string> todo;
    for (const std::string& image : mine) {
        if (!resume || !store.hasResult(image)) {
            todo.push_back(image);
        }
    }
    LabelCommandProgress progress(::isatty(2) == 1, jsonLog.get());
    progress.start({{"images_in_dataset", all.size()},
                    {"images_in_shard", mine.size()},
                    {"skipped", mine.size() - todo.size()},
                    {"shard", shard.toString()},
                    {"model_id", model.id},
                    {"out", out.string()}},
                   todo.size());

    // Writer stage: masks -> instances -> result file, overlapping the next image's inference.
    BoundedQueue<Segmented> queue(2);
    std::exception_ptr writerFailure;
    std::atomic<bool> writerFailed{false};
    std::thread writer([&] {
        Segmented s;
        while (queue.pop(s)) {
            try {
                if (s.error.empty()) {
                    ImageAnnotation a;
                    a.imagePath = s.image;
                    a.size = s.size;
                    a.instances = builder.build(s.probabilities);
                    s.probabilities.clear();
                    store.writeResult(a);
                } else {
                    store.writeError(s.image, s.error);
                }
                progress.image(s.image, s.error);
            } catch (...) {
                writerFailure = std::current_exception();
                writerFailed = true;
                while (queue.pop(s)) {
                }
                return;
            }
        }
    });
    std::exception_ptr inferenceFailure;
    {
        ReadAhead readAhead(imagesRoot, todo);
        try {
            for (size_t i = 0; i < todo.size() && !writerFailed; ++i) {
                readAhead.consumed(i);
                Segmented s;
                s.image = todo[i];
                try {
                    SegmentationResult r = PromptCombiner::segment(
                        *segmenter, (imagesRoot / fs::u8path(todo[i])).string(), builder.prompts());
                    s.size = r.imageSize;  // from here on, an error is not the image's
                    for (const std::string& e : r.promptErrors) {
                        if (!e.empty()) {  // an exemplar that cannot be used fails every image alike
                            throw Error(ErrorKind::Input, labelsFile.string() + ": " + e);
                        }
                    }
                    s.probabilities = std::move(r.probabilities);
                } catch (const Error& e) {
                    if (e.kind() != ErrorKind::Input || !s.size.empty()) {
                        throw;  // not the image's fault (model, or an exemplar gone mid-run)
                    }
                    s.error = e.what();
                }
                queue.push(std::move(s));
            }
        } catch (...) {
            inferenceFailure = std::current_exception();
        }
    }
    queue.close();
    writer.join();
    if (inferenceFailure) {
        std::rethrow_exception(inferenceFailure);
    }
    if (writerFailure) {
        std::rethrow_exception(writerFailure);
    }

    // errors.jsonl and the dataset are rebuilt from the per-image files, so a resumed run ends exactly
    // like one that was never interrupted.
    std::string errorLines;
    std::vector<ResultAssembler::Item> items;
    std::set<std::string> inShard(mine.begin(), mine.end());
    size_t errorCount = 0;
    for (const auto& [image, message] : store.errors()) {
        if (inShard.count(image)) {
            errorLines += json{{"image", image}, {"error", message}}.dump(-1, ' ', false,
                                                                          json::error_handler_t::replace) +
                          "\n";
            ++errorCount;
        }
    }
    AtomicFile::write(out / "errors.jsonl", errorLines);
    for (const std::string& image : store.results()) {
        if (inShard.count(image)) {
            items.push_back({image, &store});
        }
    }
    ResultAssembler assembler(format, manifest.labels, imagesRoot);
    const fs::path target = formatTarget(out, format);
    assembler.write(items, target);
    if (!progress.jsonOnStderr()) {
        for (const std::string& p : assembler.problems()) {
            std::cerr << "promptmask-cli label: warning: " << p << "\n";
        }
    }
    progress.finish({{"labelled", items.size()},
                     {"failed", errorCount},
                     {"warnings", assembler.problems()},
                     {"output", target.string()},
                     {"errors_file", (out / "errors.jsonl").string()}});
    if (errorCount == 0) {
        return 0;
    }
    if (!progress.jsonOnStderr()) {
        std::cerr << "promptmask-cli label: " << errorCount << " of " << mine.size()
                  << " images could not be labelled; see " << (out / "errors.jsonl").string() << "\n";
    }
    return kExitImageErrors;
}

}  // namespace pm::cli
