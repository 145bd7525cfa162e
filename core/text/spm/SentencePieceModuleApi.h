#pragma once

// The plain C interface of the run-time-loaded SentencePiece module (promptmask_sentencepiece).
//
// Why a module: Debian's libsentencepiece exports its own protobuf-lite, which clashes with the protobuf
// LibTorch loads (crash before main). The module is the only binary that links SentencePiece; the
// process loads it with dlopen(RTLD_LOCAL | RTLD_DEEPBIND), so its protobuf never meets LibTorch's.
// Only C types cross the boundary, so the module and its users need not agree on a C++ ABI.
//
// Threading: pm_spm_encode may be called concurrently on one handle (SentencePiece's Encode is const);
// pm_spm_load / pm_spm_free must not race with other calls on the same handle.

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// Bumped whenever a signature below changes; the loader refuses a module with another version.
#define PM_SPM_ABI_VERSION 1

typedef struct pm_spm_model pm_spm_model;

typedef int (*pm_spm_abi_version_fn)(void);
// Loads a .model file. On failure returns NULL and writes a NUL-terminated message into err.
typedef pm_spm_model* (*pm_spm_load_fn)(const char* path, char* err, size_t errSize);
// Encodes UTF-8 text into piece ids. Writes at most `capacity` ids to `out` and returns the total
// number of ids (call again with a larger buffer when it exceeds capacity), or -1 on error (message in
// err).
typedef long (*pm_spm_encode_fn)(const pm_spm_model* model, const char* utf8, size_t size, int32_t* out,
                                 long capacity, char* err, size_t errSize);
typedef int (*pm_spm_piece_count_fn)(const pm_spm_model* model);
typedef void (*pm_spm_free_fn)(pm_spm_model* model);

#ifdef __cplusplus
}
#endif
