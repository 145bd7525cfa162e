#pragma once

// Access to ../shared/golden/coco (pycocotools reference cases) for the annotation tests.
#include <QtTest>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>

#include "util/AtomicFile.h"

namespace pm::test {

inline std::filesystem::path goldenCocoDir() {
    const QByteArray shared = qgetenv("PROMPTMASK_SHARED_DIR");
    if (shared.isEmpty()) {
        return {};
    }
    const std::filesystem::path dir = std::filesystem::path(shared.toStdString()) / "golden" / "coco";
    return std::filesystem::exists(dir / "cases.json") ? dir : std::filesystem::path();
}

inline nlohmann::json goldenCocoCases() {
    const auto dir = goldenCocoDir();
    return dir.empty() ? nlohmann::json()
                       : nlohmann::json::parse(pm::AtomicFile::readAll(dir / "cases.json"));
}

inline cv::Mat goldenMask(const std::string& relative) {
    return cv::imread((goldenCocoDir() / relative).string(), cv::IMREAD_GRAYSCALE);
}

}  // namespace pm::test
