#include "annotation/DatasetExport.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "annotation/LabelmeFormat.h"
#include "util/AtomicFile.h"
#include "util/Error.h"

namespace fs = std::filesystem;
using nlohmann::ordered_json;

namespace pm {

namespace {

// "a/cat" for "a/cat.jpg": labelme and masks name their files by it.
std::string stemOf(const std::string& image) {
    const fs::path p(image);
    return (p.parent_path() / p.stem()).generic_string();
}

// `text` with `prefix` after every line break (and before the first line when `first`): nlohmann's
// dump(2) of a value nested `prefix` deep, since dumped strings never hold a raw line break.
std::string indented(const std::string& text, const std::string& prefix, bool first) {
    std::string out = first ? prefix : std::string();
    out.reserve(text.size() + prefix.size());
    for (const char c : text) {
        out += c;
        if (c == '\n') {
            out += prefix;
        }
    }
    return out;
}

// The output is written from scratch files beside it; when they cannot be written, say why (errno is
// that of the failed write underneath the stream).
std::string scratchError(const fs::path& part) {
    const int error = errno;
    std::string message = "cannot write the scratch file '" + part.string() + "': " + std::strerror(error);
    if (error == ENOSPC || error == EDQUOT) {
        message += " (the disk is full; the previous version of the output is unchanged)";
    }
    return message;
}

struct ScratchDir {
    fs::path path;
    explicit ScratchDir(fs::path p) : path(std::move(p)) {
        std::error_code ec;
        fs::remove_all(path, ec);  // left by a killed run
        fs::create_directories(path, ec);
        if (ec) {
            throw Error(ErrorKind::Io,
                        path.string() + ": cannot create a scratch folder (" + ec.message() + ")");
        }
    }
    ~ScratchDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

// One JSON document written as nlohmann's dump(2) would write it, whose big arrays (COCO "images" and
// "annotations", masks "images") arrive a chunk at a time: their elements go to part files on disk,
// the document is put together at the end. The other top-level values come from the first chunk.
class StreamedDocument {
public:
    StreamedDocument(const fs::path& scratch, std::vector<std::string> streamedKeys)
        : keys_(std::move(streamedKeys)) {
        for (size_t i = 0; i < keys_.size(); ++i) {
            parts_.push_back({scratch / ("part" + std::to_string(i)), {}, 0});
            parts_.back().stream.open(parts_.back().path, std::ios::binary);
            if (!parts_.back().stream) {
                throw Error(ErrorKind::Io, scratchError(parts_.back().path));
            }
        }
    }

    bool hasHeader() const { return !header_.is_null(); }
    void setHeader(ordered_json doc) {
        header_ = std::move(doc);
        for (const std::string& key : keys_) {
            header_[key] = ordered_json::array();  // keeps the key's place
        }
    }
    void append(size_t key, const ordered_json& element) {
        Part& p = parts_[key];
        p.stream << (p.count++ ? ",\n" : "") << indented(element.dump(2), "    ", true);
        if (!p.stream) {
            throw Error(ErrorKind::Io, scratchError(p.path));
        }
    }

    // Writes the document atomically to `target`.
    void commit(const fs::path& target) {
        for (Part& p : parts_) {
            p.stream.close();  // buffered: a full disk may show only here
            if (p.stream.fail()) {
                throw Error(ErrorKind::Io, scratchError(p.path));
            }
        }
        AtomicFile::write(target, [&](const AtomicFile::Sink& sink) {
            sink("{\n");
            bool firstMember = true;
            for (const auto& [key, value] : header_.items()) {
                sink(firstMember ? "  " : ",\n  ");
                firstMember = false;
                sink(ordered_json(key).dump() + ": ");
                const auto streamed = std::find(keys_.begin(), keys_.end(), key);
                if (streamed == keys_.end()) {
                    sink(indented(value.dump(2), "  ", false));
                    continue;
                }
                const Part& p = parts_[size_t(streamed - keys_.begin())];
                if (p.count == 0) {
                    sink("[]");
                    continue;
                }
                sink("[\n");
                std::ifstream in(p.path, std::ios::binary);
                if (!in) {
                    throw Error(ErrorKind::Io, p.path.string() + ": cannot read a scratch file back");
                }
                std::vector<char> buffer(1 << 16);
                while (in) {
                    in.read(buffer.data(), std::streamsize(buffer.size()));
                    sink(std::string_view(buffer.data(), size_t(in.gcount())));
                }
                if (in.bad()) {
                    throw Error(ErrorKind::Io, p.path.string() + ": cannot read a scratch file back");
                }
                sink("\n  ]");
            }
            sink("\n}\n");
        });
    }

private:
    struct Part {
        fs::path path;
        std::ofstream stream;
        size_t count;
    };
    std::vector<std::string> keys_;
    std::vector<Part> parts_;
    ordered_json header_;
};

// What AnnotationFormat::writeOutput does before replacing a file: one that does not parse is kept.
void backUpUnparsable(const fs::path& target, std::vector<std::string>& warnings) {
    std::error_code ec;
    if (!fs::exists(target, ec)) {
        return;
    }
    bool parses = false;
    try {
        parses = ordered_json::accept(AtomicFile::readAll(target));
    } catch (const std::exception&) {
    }
    if (!parses) {
        const fs::path bak = AtomicFile::backup(target);
        warnings.push_back("'" + target.string() + "' existed but could not be parsed; kept a copy as '" +
                           bak.string() + "'");
    }
}

}  // namespace

DatasetExport::DatasetExport(std::string format, std::vector<std::string> labels, fs::path imagesRoot,
                             WriteOptions options)
    : format_(std::move(format)),
      labels_(std::move(labels)),
      imagesRoot_(std::move(imagesRoot)),
      options_(std::move(options)) {
    if (!AnnotationFormat::create(format_)) {
        throw Error(ErrorKind::Usage, "unknown format '" + format_ + "' (coco, labelme or masks)");
    }
}

void DatasetExport::write(Dataset dataset, const fs::path& out) {
    std::vector<std::string> images;
    images.reserve(dataset.images.size());
    for (const ImageAnnotation& a : dataset.images) {
        images.push_back(a.imagePath);
    }
    write(
        images, [&](size_t i) { return std::move(dataset.images[i]); }, out);
}

void DatasetExport::write(const std::vector<std::string>& images, const Source& source, const fs::path& out) {
    fileErrors_.clear();
    warnings_.clear();
    annotations_ = 0;
    const bool coco = format_ == "coco";
    const bool masks = format_ == "masks";
    std::error_code ec;
    const fs::path target = fs::absolute(out).lexically_normal();
    fs::create_directories(coco ? target.parent_path() : target, ec);
    if (ec) {
        throw Error(ErrorKind::Io, target.string() + ": cannot create the folder (" + ec.message() + ")");
    }
    const ScratchDir scratch(target.parent_path() / ("." + target.filename().string() + ".parts"));
    std::unique_ptr<StreamedDocument> document;
    if (coco) {
        document = std::make_unique<StreamedDocument>(scratch.path,
                                                      std::vector<std::string>{"images", "annotations"});
    } else if (masks) {
        document = std::make_unique<StreamedDocument>(scratch.path, std::vector<std::string>{"images"});
    }

    // A chunk may end after image i only when no image after i shares a stem with one in the chunk.
    std::unordered_map<std::string, size_t> lastOfStem;
    if (!coco) {
        for (size_t i = 0; i < images.size(); ++i) {
            lastOfStem[stemOf(images[i])] = i;
        }
    }
    long long imageOffset = 0, annotationOffset = 0;
    size_t next = 0;
    do {
        Dataset chunk;
        chunk.imagesRoot = imagesRoot_;
        chunk.labels = labels_;
        const size_t first = next;
        size_t mustReach = 0;  // the chunk must hold images up to here
        while (next < images.size() && (chunk.images.size() < kChunkImages || next <= mustReach)) {
            if (!coco) {
                mustReach = std::max(mustReach, lastOfStem[stemOf(images[next])]);
            }
            chunk.images.push_back(source(next));
            annotations_ += chunk.images.back().instances.size();
            ++next;
        }
        auto writer = AnnotationFormat::create(format_);
        if (progress_) {
            writer->setProgressCallback(
                [&](size_t done, size_t) { progress_(first + std::min(done, next - first), images.size()); });
        }
        const fs::path chunkOut = coco    ? scratch.path / "chunk.json"
                                  : masks ? scratch.path / "chunk"
                                          : target;
        if (!writer->write(chunk, chunkOut, options_)) {
            throw Error(ErrorKind::Io, writer->errorString());
        }
        fileErrors_.insert(fileErrors_.end(), writer->fileErrors().begin(), writer->fileErrors().end());
        warnings_.insert(warnings_.end(), writer->warnings().begin(), writer->warnings().end());
        chunk = Dataset();  // the masks go before the chunk's file is parsed
        if (coco) {
            ordered_json part = ordered_json::parse(AtomicFile::readAll(chunkOut));
            fs::remove(chunkOut, ec);
            long long maxImage = imageOffset, maxAnnotation = annotationOffset;
            for (ordered_json& im : part["images"]) {
                im["id"] = im["id"].get<long long>() + imageOffset;
                maxImage = std::max(maxImage, im["id"].get<long long>());
                document->append(0, im);
            }
            for (ordered_json& a : part["annotations"]) {
                a["id"] = a["id"].get<long long>() + annotationOffset;
                a["image_id"] = a["image_id"].get<long long>() + imageOffset;
                maxAnnotation = std::max(maxAnnotation, a["id"].get<long long>());
                document->append(1, a);
            }
            imageOffset = maxImage;
            annotationOffset = maxAnnotation;
            if (!document->hasHeader()) {
                document->setHeader(std::move(part));
            }
        } else if (masks) {
            // Move the chunk's files into place; its labels.json lists only the chunk's images.
            for (auto it = fs::recursive_directory_iterator(chunkOut);
                 it != fs::recursive_directory_iterator(); ++it) {
                const fs::path rel = it->path().lexically_relative(chunkOut);
                if (it->is_directory()) {
                    fs::create_directories(target / rel);
                } else if (rel == "labels.json") {
                    ordered_json part = ordered_json::parse(AtomicFile::readAll(it->path()));
                    for (const ordered_json& im : part["images"]) {
                        document->append(0, im);
                    }
                    if (!document->hasHeader()) {
                        document->setHeader(std::move(part));
                    }
                } else {
                    fs::rename(it->path(), target / rel);
                }
            }
            fs::remove_all(chunkOut, ec);
        }
    } while (next < images.size());

    if (document) {
        const fs::path file = coco ? target : target / "labels.json";
        backUpUnparsable(file, warnings_);
        document->commit(file);
    }
}

DatasetExport::Saved DatasetExport::readLabelme(const std::vector<fs::path>& files,
                                                const fs::path& imagesRoot,
                                                const std::vector<std::string>& labelOrder,
                                                const ProgressFn& progress, const CancelToken* cancel) {
    Saved saved;
    saved.dataset.imagesRoot = imagesRoot;
    for (const std::string& label : labelOrder) {
        saved.dataset.labelIndex(label);
    }
    std::set<fs::path> read;  // two images can share one file ("cat.jpg", "cat.png"): read once
    for (size_t i = 0; i < files.size(); ++i) {
        CancelToken::check(cancel);
        std::error_code ec;
        if (!fs::exists(files[i], ec)) {
            ++saved.unsaved;
        } else if (read.insert(files[i]).second) {
            LabelmeFormat reader;
            if (!reader.read(files[i], imagesRoot, saved.dataset)) {
                saved.errors.push_back(reader.errorString());
            }
            saved.errors.insert(saved.errors.end(), reader.fileErrors().begin(), reader.fileErrors().end());
            saved.warnings.insert(saved.warnings.end(), reader.warnings().begin(), reader.warnings().end());
        }
        if (progress) {
            progress(i + 1, files.size());
        }
    }
    return saved;
}

}  // namespace pm
