#include "text/SentencePieceTokenizer.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>

#include "text/IcuText.h"
#include "text/spm/SentencePieceModuleApi.h"
#include "util/Error.h"

namespace fs = std::filesystem;

namespace pm {

namespace {

constexpr size_t kErrorSize = 512;

struct ModuleApi {
    pm_spm_load_fn load = nullptr;
    pm_spm_encode_fn encode = nullptr;
    pm_spm_piece_count_fn pieceCount = nullptr;
    pm_spm_free_fn free = nullptr;
};

fs::path executableDir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : exe.parent_path();
}

int dlopenFlags() {
    int flags = RTLD_NOW | RTLD_LOCAL;
#if !defined(__SANITIZE_ADDRESS__)
    // DEEPBIND makes the module resolve its own protobuf first. AddressSanitizer refuses it, so sanitizer
    // builds (which never load LibTorch and SentencePiece together in the unit tests) go without.
    flags |= RTLD_DEEPBIND;
#endif
    return flags;
}

template <typename Fn>
Fn symbol(void* handle, const char* name, const std::string& path) {
    void* address = dlsym(handle, name);
    if (address == nullptr) {
        throw Error(ErrorKind::Model, "the SentencePiece module " + path + " lacks the function " + name);
    }
    return reinterpret_cast<Fn>(address);
}

// Loads (once per path) and returns the module's functions. Thread-safe.
ModuleApi loadModule() {
    static std::mutex mutex;
    static std::map<std::string, ModuleApi> loaded;

    const std::vector<std::string> candidates = SentencePieceTokenizer::moduleSearchPaths();
    std::lock_guard<std::mutex> lock(mutex);
    std::string tried;
    for (const std::string& path : candidates) {
        if (const auto it = loaded.find(path); it != loaded.end()) {
            return it->second;
        }
        std::error_code ec;
        if (!fs::is_regular_file(path, ec)) {
            tried += "\n  " + path + " (not found)";
            continue;
        }
        void* handle = dlopen(path.c_str(), dlopenFlags());
        if (handle == nullptr) {
            const char* why = dlerror();
            tried += "\n  " + path + " (" + (why ? why : "cannot be loaded") + ")";
            continue;
        }
        const auto abiVersion = symbol<pm_spm_abi_version_fn>(handle, "pm_spm_abi_version", path);
        if (abiVersion() != PM_SPM_ABI_VERSION) {
            tried += "\n  " + path + " (interface version " + std::to_string(abiVersion()) + ", expected " +
                     std::to_string(PM_SPM_ABI_VERSION) + ")";
            continue;  // the handle stays open: unloading a library with protobuf inside is not safe
        }
        ModuleApi api;
        api.load = symbol<pm_spm_load_fn>(handle, "pm_spm_load", path);
        api.encode = symbol<pm_spm_encode_fn>(handle, "pm_spm_encode", path);
        api.pieceCount = symbol<pm_spm_piece_count_fn>(handle, "pm_spm_piece_count", path);
        api.free = symbol<pm_spm_free_fn>(handle, "pm_spm_free", path);
        loaded.emplace(path, api);
        return api;
    }
    throw Error(ErrorKind::Model,
                "cannot load the SentencePiece module " PM_SPM_MODULE_FILE "; tried:" + tried);
}

}  // namespace

struct SentencePieceTokenizer::Impl {
    TokenizerConfig config;
    ModuleApi api;
    pm_spm_model* model = nullptr;

    ~Impl() {
        if (model != nullptr) {
            api.free(model);
        }
    }
};

std::vector<std::string> SentencePieceTokenizer::moduleSearchPaths() {
    if (const char* env = std::getenv("PROMPTMASK_SPM_MODULE"); env != nullptr && *env != '\0') {
        return {env};
    }
    std::vector<std::string> paths;
    const fs::path exeDir = executableDir();
    if (!exeDir.empty()) {
        paths.push_back((exeDir / ".." / "lib" / PM_SPM_MODULE_FILE).lexically_normal().string());
        paths.push_back(
            (exeDir / ".." / "lib" / "promptmask" / PM_SPM_MODULE_FILE).lexically_normal().string());
    }
    paths.push_back((fs::path(PM_SPM_BUILD_DIR) / PM_SPM_MODULE_FILE).string());
    paths.push_back((fs::path(PM_SPM_INSTALL_DIR) / PM_SPM_MODULE_FILE).string());
    return paths;
}

SentencePieceTokenizer::SentencePieceTokenizer(const TokenizerConfig& config)
    : impl_(std::make_unique<Impl>()) {
    impl_->config = config;
    if (config.contextLength < 2) {
        throw Error(ErrorKind::Model, "tokenizer context length " + std::to_string(config.contextLength) +
                                          " is too small (bos and eos need 2)");
    }
    const auto file = config.files.find("model");
    if (file == config.files.end() || file->second.empty()) {
        throw Error(ErrorKind::Model, "the sentencepiece tokenizer needs a \"model\" file");
    }
    const std::string& modelPath = file->second;
    std::error_code ec;
    if (!fs::is_regular_file(modelPath, ec)) {
        throw Error(ErrorKind::Model, "the SentencePiece model file " + modelPath + " does not exist");
    }
    impl_->api = loadModule();
    char err[kErrorSize] = {};
    impl_->model = impl_->api.load(modelPath.c_str(), err, sizeof err);
    if (impl_->model == nullptr) {
        throw Error(ErrorKind::Model, "cannot load the SentencePiece model " + modelPath + ": " + err);
    }
}

SentencePieceTokenizer::~SentencePieceTokenizer() = default;

Tokenization SentencePieceTokenizer::encode(const std::string& utf8) const {
    const TokenizerConfig& config = impl_->config;
    // Validates the UTF-8 in any case; SentencePiece would silently replace broken bytes.
    icu::UnicodeString unicode = text::fromUtf8(utf8);
    const std::string text = config.lowercase ? text::toUtf8(text::lowercase(unicode)) : utf8;

    std::vector<int32_t> pieces(text.size() + 8);
    char err[kErrorSize] = {};
    long count = impl_->api.encode(impl_->model, text.data(), text.size(), pieces.data(),
                                   static_cast<long>(pieces.size()), err, sizeof err);
    if (count > static_cast<long>(pieces.size())) {
        pieces.resize(static_cast<size_t>(count));
        count = impl_->api.encode(impl_->model, text.data(), text.size(), pieces.data(),
                                  static_cast<long>(pieces.size()), err, sizeof err);
    }
    if (count < 0) {
        throw Error(ErrorKind::Model, std::string("SentencePiece could not encode the text: ") + err);
    }

    std::vector<int64_t> ids;
    ids.reserve(static_cast<size_t>(count) + 2);
    ids.push_back(config.bosId);
    ids.insert(ids.end(), pieces.begin(), pieces.begin() + count);
    ids.push_back(config.eosId);

    Tokenization result;
    result.untruncatedLength = ids.size();
    if (ids.size() > static_cast<size_t>(config.contextLength)) {
        ids.resize(static_cast<size_t>(config.contextLength));
        ids.back() = config.eosId;
    }
    result.ids = std::move(ids);
    return result;
}

int SentencePieceTokenizer::contextLength() const {
    return impl_->config.contextLength;
}

int64_t SentencePieceTokenizer::padId() const {
    return impl_->config.padId;
}

int SentencePieceTokenizer::pieceCount() const {
    return impl_->api.pieceCount(impl_->model);
}

}  // namespace pm
