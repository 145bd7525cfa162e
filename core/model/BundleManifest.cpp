#include "model/BundleManifest.h"

#include <limits>
#include <nlohmann/json.hpp>
#include <system_error>

#include "util/AtomicFile.h"
#include "util/CodedError.h"
#include "util/Error.h"
#include "util/Sha256.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace pm {

namespace {

constexpr const char* kFormat = "promptmask-bundle";
constexpr const char* kManifestFile = "manifest.json";
constexpr const char* kModelFile = "model.pt";

[[noreturn]] void fail(const std::string& message) {
    throw CodedError(ErrorKind::Model, ErrorCode::BundleInvalid, "", message);
}

// The failures the GUI words itself (ErrorCode): subject is the file or folder at fault.
[[noreturn]] void fail(ErrorCode code, const fs::path& subject, const std::string& message) {
    throw CodedError(ErrorKind::Model, code, subject.string(), message);
}

// Reads fields by dotted path so that every message names exactly the field at fault.
class Reader {
public:
    Reader(const json& root, std::string file) : root_(root), file_(std::move(file)) {}

    const json& at(const std::string& dotted) const {
        const json* node = &root_;
        size_t start = 0;
        while (true) {
            const size_t dot = dotted.find('.', start);
            const std::string key =
                dotted.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
            if (!node->is_object() || !node->contains(key)) {
                fail(file_ + ": missing field " + dotted);
            }
            node = &(*node)[key];
            if (dot == std::string::npos) {
                return *node;
            }
            start = dot + 1;
        }
    }

    bool has(const std::string& dotted) const {
        try {
            at(dotted);
            return true;
        } catch (const Error&) {
            return false;
        }
    }

    std::string string(const std::string& dotted) const {
        const json& v = at(dotted);
        if (!v.is_string()) {
            fail(file_ + ": field " + dotted + " must be a string");
        }
        return v.get<std::string>();
    }

    int integer(const std::string& dotted, int minimum) const {
        const json& v = at(dotted);
        if (!v.is_number_integer()) {
            fail(file_ + ": field " + dotted + " must be an integer");
        }
        const int64_t n = v.get<int64_t>();
        if (n < minimum || n > std::numeric_limits<int>::max()) {
            fail(file_ + ": field " + dotted + " is out of range (" + std::to_string(n) + ")");
        }
        return int(n);
    }

    double number(const std::string& dotted) const {
        const json& v = at(dotted);
        if (!v.is_number()) {
            fail(file_ + ": field " + dotted + " must be a number");
        }
        return v.get<double>();
    }

    bool boolean(const std::string& dotted) const {
        const json& v = at(dotted);
        if (!v.is_boolean()) {
            fail(file_ + ": field " + dotted + " must be true or false");
        }
        return v.get<bool>();
    }

    const json& object(const std::string& dotted) const {
        const json& v = at(dotted);
        if (!v.is_object()) {
            fail(file_ + ": field " + dotted + " must be an object");
        }
        return v;
    }

    std::array<float, 3> triple(const std::string& dotted) const {
        const json& v = at(dotted);
        if (!v.is_array() || v.size() != 3 || !v[0].is_number() || !v[1].is_number() || !v[2].is_number()) {
            fail(file_ + ": field " + dotted + " must be an array of 3 numbers");
        }
        return {v[0].get<float>(), v[1].get<float>(), v[2].get<float>()};
    }

    std::vector<int> integers(const std::string& dotted) const {
        const json& v = at(dotted);
        if (!v.is_array() || v.empty()) {
            fail(file_ + ": field " + dotted + " must be a non-empty array of integers");
        }
        std::vector<int> out;
        for (const json& e : v) {
            if (!e.is_number_integer() || e.get<int64_t>() < 0) {
                fail(file_ + ": field " + dotted + " must be a non-empty array of integers");
            }
            out.push_back(e.get<int>());
        }
        return out;
    }

    const std::string& file() const { return file_; }

private:
    const json& root_;
    std::string file_;
};

bool isPlainFileName(const std::string& name) {
    return !name.empty() && name != "." && name != ".." && name.find('/') == std::string::npos &&
           name.find('\\') == std::string::npos && name != kManifestFile;
}

bool isHex64(const std::string& s) {
    if (s.size() != 64) {
        return false;
    }
    for (const char c : s) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return true;
}

}  // namespace

std::string BundleManifest::modelId() const {
    const auto it = files.find(kModelFile);
    return it == files.end() ? std::string() : it->second.sha256.substr(0, 12);
}

BundleManifest BundleManifest::parse(const std::string& text, const fs::path& bundleDir) {
    const std::string file = (bundleDir / kManifestFile).string();
    json root;
    try {
        root = json::parse(text);
    } catch (const json::parse_error& e) {
        fail(file + ": not valid JSON (" + e.what() + ")");
    }
    if (!root.is_object()) {
        fail(file + ": top level is not a JSON object");
    }
    const Reader r(root, file);

    BundleManifest m;
    m.bundleDir = bundleDir;
    const std::string format = r.string("format");
    if (format != kFormat) {
        fail(file + ": format is '" + format + "', expected '" + kFormat +
             "' (not a PromptMask model bundle)");
    }
    const int version = r.integer("format_version", 0);
    if (version != kFormatVersion) {
        fail(file + ": unsupported bundle format_version " + std::to_string(version) + " (this build reads " +
             std::to_string(kFormatVersion) + ")");
    }

    m.family = r.string("model.family");
    if (m.family != "clipseg") {
        fail(file + ": unsupported model.family '" + m.family + "' (this build runs 'clipseg')");
    }
    m.name = r.string("model.name");
    m.source = r.string("model.source");

    m.visionHiddenSize = r.integer("architecture.vision_hidden_size", 1);
    m.visionLayers = r.integer("architecture.vision_layers", 1);
    m.patchSize = r.integer("architecture.patch_size", 1);
    m.textHiddenSize = r.integer("architecture.text_hidden_size", 1);
    m.projectionDim = r.integer("architecture.projection_dim", 1);
    m.reduceDim = r.integer("architecture.reduce_dim", 1);
    m.extractLayers = r.integers("architecture.extract_layers");
    m.complexUpsampling = r.boolean("architecture.complex_upsampling");

    m.inputSize = r.integer("input.size", 1);
    if (m.inputSize % m.patchSize != 0) {
        fail(file + ": input.size " + std::to_string(m.inputSize) +
             " is not a multiple of architecture.patch_size " + std::to_string(m.patchSize));
    }
    m.resize = r.string("input.resize");
    if (m.resize != "pil-bilinear") {
        fail(file + ": unsupported input.resize '" + m.resize + "' (this build implements 'pil-bilinear')");
    }
    m.rescaleFactor = r.number("input.rescale_factor");
    m.mean = r.triple("input.mean");
    m.std = r.triple("input.std");
    for (const float s : m.std) {
        if (!(s > 0)) {
            fail(file + ": field input.std must be positive");
        }
    }

    m.tokenizerType = r.string("tokenizer.type");
    if (m.tokenizerType != "clip-bpe" && m.tokenizerType != "sentencepiece") {
        fail(file + ": unsupported tokenizer.type '" + m.tokenizerType +
             "' (expected clip-bpe or sentencepiece)");
    }
    for (const auto& [role, value] : r.object("tokenizer.files").items()) {
        if (!value.is_string() || !isPlainFileName(value.get<std::string>())) {
            fail(file + ": tokenizer.files." + role + " must be a file name inside the bundle");
        }
        m.tokenizerFiles[role] = value.get<std::string>();
    }
    const char* requiredRole = m.tokenizerType == "clip-bpe" ? "vocab" : "model";
    if (!m.tokenizerFiles.count(requiredRole)) {
        fail(file + ": missing field tokenizer.files." + requiredRole);
    }
    if (m.tokenizerType == "clip-bpe" && !m.tokenizerFiles.count("merges")) {
        fail(file + ": missing field tokenizer.files.merges");
    }
    m.contextLength = r.integer("tokenizer.context_length", 2);
    m.bosId = r.integer("tokenizer.bos_id", 0);
    m.eosId = r.integer("tokenizer.eos_id", 0);
    m.padId = r.integer("tokenizer.pad_id", 0);
    m.pooling = r.string("tokenizer.pooling");
    if (m.pooling != "argmax" && m.pooling != "last") {
        fail(file + ": unsupported tokenizer.pooling '" + m.pooling + "' (expected argmax or last)");
    }
    if (r.has("tokenizer.lowercase")) {
        m.lowercase = r.boolean("tokenizer.lowercase");
    }

    m.dtype = r.string("dtype");
    if (m.dtype != "float32") {
        fail(file + ": unsupported dtype '" + m.dtype + "' (this build runs float32)");
    }
    m.quantization = r.string("quantization");
    if (m.quantization != "none" && m.quantization != "int8-dynamic") {
        fail(file + ": unsupported quantization '" + m.quantization + "' (expected none or int8-dynamic)");
    }

    for (const auto& [name, entry] : r.object("files").items()) {
        if (!isPlainFileName(name)) {
            fail(file + ": files lists '" + name + "', which is not a file name inside the bundle");
        }
        if (!entry.is_object()) {
            fail(file + ": field files." + name + " must be an object");
        }
        const Reader er(entry, file);
        FileEntry fe;
        fe.sha256 = er.string("sha256");
        if (!isHex64(fe.sha256)) {
            fail(file + ": field files." + name + ".sha256 must be 64 lowercase hex digits");
        }
        const json& bytes = er.at("bytes");
        if (!bytes.is_number_integer() || bytes.get<int64_t>() < 0) {
            fail(file + ": field files." + name + ".bytes must be a non-negative integer");
        }
        fe.bytes = bytes.get<uint64_t>();
        m.files[name] = fe;
    }
    if (!m.files.count(kModelFile)) {
        fail(file + ": missing field files.model.pt");
    }
    for (const auto& [role, name] : m.tokenizerFiles) {
        if (!m.files.count(name)) {
            fail(file + ": tokenizer file " + name + " (tokenizer.files." + role +
                 ") is not listed in files");
        }
    }
    return m;
}

void BundleManifest::verifyFiles() const {
    for (const auto& entry : files) {
        verifyFile(entry.first);
    }
}

void BundleManifest::verifyFile(const std::string& name) const {
    const auto found = files.find(name);
    if (found == files.end()) {
        fail((bundleDir / "manifest.json").string() + ": " + name + " is not listed in files");
    }
    const FileEntry& entry = found->second;
    const fs::path p = path(name);
    std::error_code ec;
    if (!fs::is_regular_file(p, ec)) {
        fail(ErrorCode::BundleFileMissing, p,
             p.string() + ": missing from the bundle (listed in manifest.json)");
    }
    const uintmax_t size = fs::file_size(p, ec);
    if (ec) {
        fail(p.string() + ": cannot read its size (" + ec.message() + ")");
    }
    if (size != entry.bytes) {
        fail(ErrorCode::BundleFileCorrupt, p,
             p.string() + ": size is " + std::to_string(size) + " bytes, manifest.json says " +
                 std::to_string(entry.bytes) + " (file truncated, changed or corrupt)");
    }
    std::string actual;
    try {
        actual = Sha256::hexOfFile(p);
    } catch (const Error& e) {
        fail(e.what());
    }
    if (actual != entry.sha256) {
        fail(ErrorCode::BundleFileCorrupt, p, p.string() + ": sha256 mismatch (file changed or corrupt)");
    }
}

TokenizerConfig BundleManifest::tokenizerConfig() const {
    TokenizerConfig tc;
    tc.type = tokenizerType;
    for (const auto& [role, name] : tokenizerFiles) {
        tc.files[role] = path(name).string();
    }
    tc.contextLength = contextLength;
    tc.bosId = bosId;
    tc.eosId = eosId;
    tc.padId = padId;
    tc.lowercase = lowercase;
    return tc;
}

BundleManifest BundleManifest::load(const fs::path& dir, bool verify) {
    std::error_code ec;
    fs::path bundleDir = fs::absolute(dir, ec);
    if (ec) {
        bundleDir = dir;
    }
    if (!fs::exists(bundleDir, ec)) {
        fail(ErrorCode::BundleNotFound, dir, dir.string() + ": model bundle not found");
    }
    if (!fs::is_directory(bundleDir, ec)) {
        fail(ErrorCode::NotABundle, dir,
             dir.string() + ": not a model bundle (expected a directory with manifest.json and model.pt)");
    }
    const fs::path manifestPath = bundleDir / kManifestFile;
    if (!fs::is_regular_file(manifestPath, ec)) {
        fail(ErrorCode::NotABundle, dir,
             manifestPath.string() + ": not found (not a PromptMask model bundle)");
    }
    std::string text;
    try {
        text = AtomicFile::readAll(manifestPath);
    } catch (const Error& e) {
        fail(e.what());
    }
    BundleManifest m = parse(text, bundleDir);
    if (verify) {
        m.verifyFiles();
    }
    return m;
}

}  // namespace pm
