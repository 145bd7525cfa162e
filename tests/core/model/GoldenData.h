#pragma once
// Helpers for tests that read ../shared/golden and the bundles the model.export_bundles fixture writes.

#include <QtTest>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace golden {

namespace fs = std::filesystem;

inline fs::path sharedDir() {
    const QByteArray env = qgetenv("PROMPTMASK_SHARED_DIR");
    return env.isEmpty() ? fs::path() : fs::path(env.toStdString());
}

inline fs::path goldenDir() {
    return sharedDir() / "golden";
}

inline bool available() {
    return !sharedDir().empty() && fs::is_directory(goldenDir() / "cases");
}

// Bundles exported by the fixture (tests/core/model/export_test_bundles.sh).
inline fs::path bundleDir(const std::string& name) {
    return fs::path(qgetenv("PROMPTMASK_BINARY_DIR").toStdString()) / "test-bundles" / name;
}

template <class T>
std::vector<T> readRaw(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot read " + path.string());
    }
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<T> values(bytes.size() / sizeof(T));
    std::memcpy(values.data(), bytes.data(), values.size() * sizeof(T));
    return values;
}

inline nlohmann::json readJson(const fs::path& path) {
    std::ifstream in(path);
    return nlohmann::json::parse(in);
}

// One golden case: index.json plus resolved tensor paths.
struct Case {
    fs::path dir;
    nlohmann::json index;

    bool has(const std::string& tensor) const { return index["tensors"].contains(tensor); }
    fs::path tensorPath(const std::string& tensor) const {
        return dir / index["tensors"][tensor]["file"].get<std::string>();
    }
    std::vector<int64_t> shape(const std::string& tensor) const {
        return index["tensors"][tensor]["shape"].get<std::vector<int64_t>>();
    }
    std::vector<float> f32(const std::string& tensor) const { return readRaw<float>(tensorPath(tensor)); }
    std::vector<int64_t> i64(const std::string& tensor) const { return readRaw<int64_t>(tensorPath(tensor)); }
    std::string image() const { return (goldenDir() / index["image"].get<std::string>()).string(); }
    bool isVisual() const { return index["kind"] == "visual_prompt"; }
    std::vector<std::string> prompts() const {
        return index.contains("prompts") ? index["prompts"].get<std::vector<std::string>>()
                                         : std::vector<std::string>{};
    }
};

// Every case directory of a golden model (read from disk, never a hard-coded list).
inline std::vector<Case> cases(const std::string& model) {
    std::vector<Case> out;
    const fs::path root = goldenDir() / "cases" / model;
    if (!fs::is_directory(root)) {
        return out;
    }
    for (const auto& entry : fs::directory_iterator(root)) {
        if (entry.is_directory() && fs::exists(entry.path() / "index.json")) {
            out.push_back({entry.path(), readJson(entry.path() / "index.json")});
        }
    }
    std::sort(out.begin(), out.end(), [](const Case& a, const Case& b) { return a.dir < b.dir; });
    return out;
}

inline double maxAbsDiff(const float* a, const float* b, size_t n) {
    double m = 0;
    for (size_t i = 0; i < n; ++i) {
        const double d = std::fabs(double(a[i]) - double(b[i]));
        if (!(d <= m)) {
            m = d;  // also catches NaN
        }
    }
    return m;
}

inline double maxAbsDiff(const std::vector<float>& a, const std::vector<float>& b) {
    if (a.size() != b.size()) {
        return INFINITY;
    }
    return maxAbsDiff(a.data(), b.data(), a.size());
}

}  // namespace golden

// Skips a test (with the reason) when the golden data or the exported bundles are not there.
#define GOLDEN_REQUIRE_BUNDLE(name)                                                                       \
    do {                                                                                                  \
        if (!golden::available()) {                                                                       \
            QSKIP("PROMPTMASK_SHARED_DIR/golden not found: golden parity tests need ../shared");          \
        }                                                                                                 \
        if (!std::filesystem::exists(golden::bundleDir(name) / "manifest.json")) {                        \
            QFAIL(qPrintable(QString("bundle %1 missing: run the model.export_bundles fixture (ctest -R " \
                                     "model)")                                                            \
                                 .arg(QString::fromStdString(golden::bundleDir(name).string()))));        \
        }                                                                                                 \
    } while (0)
