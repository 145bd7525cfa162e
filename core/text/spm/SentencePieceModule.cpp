// The only translation unit that sees SentencePiece. Built as a MODULE library; see
// SentencePieceModuleApi.h for why and for the contract of each function.

#include <sentencepiece_processor.h>

#include <algorithm>
#include <cstring>
#include <exception>
#include <memory>
#include <string>
#include <vector>

#include "text/spm/SentencePieceModuleApi.h"

struct pm_spm_model {
    sentencepiece::SentencePieceProcessor processor;
};

namespace {

void writeError(char* err, size_t errSize, const std::string& message) {
    if (err == nullptr || errSize == 0) {
        return;
    }
    const size_t n = std::min(message.size(), errSize - 1);
    std::memcpy(err, message.data(), n);
    err[n] = '\0';
}

}  // namespace

#define PM_SPM_EXPORT extern "C" __attribute__((visibility("default")))

PM_SPM_EXPORT int pm_spm_abi_version(void) {
    return PM_SPM_ABI_VERSION;
}

PM_SPM_EXPORT pm_spm_model* pm_spm_load(const char* path, char* err, size_t errSize) {
    try {
        auto model = std::make_unique<pm_spm_model>();
        const sentencepiece::util::Status status = model->processor.Load(path);
        if (!status.ok()) {
            writeError(err, errSize, status.ToString());
            return nullptr;
        }
        return model.release();
    } catch (const std::exception& e) {
        writeError(err, errSize, e.what());
        return nullptr;
    }
}

PM_SPM_EXPORT long pm_spm_encode(const pm_spm_model* model, const char* utf8, size_t size, int32_t* out,
                                 long capacity, char* err, size_t errSize) {
    if (model == nullptr) {
        writeError(err, errSize, "no model");
        return -1;
    }
    try {
        std::vector<int> ids;
        const sentencepiece::util::Status status =
            model->processor.Encode(std::string_view(utf8, size), &ids);
        if (!status.ok()) {
            writeError(err, errSize, status.ToString());
            return -1;
        }
        const long total = static_cast<long>(ids.size());
        for (long i = 0; i < total && i < capacity; ++i) {
            out[i] = static_cast<int32_t>(ids[static_cast<size_t>(i)]);
        }
        return total;
    } catch (const std::exception& e) {
        writeError(err, errSize, e.what());
        return -1;
    }
}

PM_SPM_EXPORT int pm_spm_piece_count(const pm_spm_model* model) {
    return model ? model->processor.GetPieceSize() : 0;
}

PM_SPM_EXPORT void pm_spm_free(pm_spm_model* model) {
    delete model;
}
