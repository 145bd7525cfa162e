#pragma once

// The readers take paths: each input is written to one file in a private temporary folder (tmpfs
// when /dev/shm exists), which the fuzzer rewrites on every run.
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

namespace pm::fuzz {

inline std::filesystem::path workDir() {
    static const std::filesystem::path dir = [] {
        const std::filesystem::path base = std::filesystem::exists("/dev/shm") ? "/dev/shm" : "/tmp";
        auto d = base / ("promptmask-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(d / "images");
        return d;
    }();
    return dir;
}

inline std::filesystem::path writeInput(const uint8_t* data, size_t size, const std::string& name) {
    const auto path = workDir() / name;
    std::ofstream(path, std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    return path;
}

}  // namespace pm::fuzz
