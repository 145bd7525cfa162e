// The writer that tests/reliability/kill_saves.py kills with SIGKILL: it saves three files through
// pm::AtomicFile (the project's one file writer) in an endless loop, each save a new version whose
// bytes are a pure function of (file, version), so the checker can tell a complete version from a
// torn one. Sizes vary from a few bytes to ~1 MB so that kills land inside write(), fsync and rename.
//
//   save_loop DIR           writes DIR/annotation.json, DIR/labels.json, DIR/mask.png forever
//   save_loop --print NAME VERSION   prints the expected bytes of one version (used by the checker)
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>

#include "util/AtomicFile.h"
#include "util/Error.h"

namespace {

const char* const kFiles[] = {"annotation.json", "labels.json", "mask.png"};

std::string version(const std::string& name, unsigned long v) {
    // Sizes cycle through 16 B .. ~1 MB; the body depends on name and version.
    const size_t size = size_t{16} << ((v * 7 + name.size()) % 17);
    std::string body = name + " v" + std::to_string(v) + " " + std::to_string(size) + "\n";
    unsigned long x = v * 2654435761UL + name.size();
    while (body.size() < size) {
        x = x * 6364136223846793005UL + 1442695040888963407UL;
        body.push_back(static_cast<char>('a' + (x >> 59)));
    }
    return body + "\nEND\n";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 4 && std::strcmp(argv[1], "--print") == 0) {
        std::cout << version(argv[2], std::strtoul(argv[3], nullptr, 10));
        return 0;
    }
    if (argc != 2) {
        std::cerr << "usage: save_loop DIR | save_loop --print NAME VERSION\n";
        return 2;
    }
    const std::filesystem::path dir = argv[1];
    // Continue after the last file's version on disk (the files are saved in order, so the others hold
    // that version or the next): every run moves forward and the order a >= l >= m >= a - 1 holds.
    unsigned long v = 0;
    try {
        const std::string last = pm::AtomicFile::readAll(dir / kFiles[2]);
        v = std::strtoul(last.c_str() + last.find(" v") + 2, nullptr, 10) + 1;
    } catch (const pm::Error&) {
    }
    for (;; ++v) {
        for (const char* name : kFiles) {
            try {
                pm::AtomicFile::write(dir / name, version(name, v));
            } catch (const pm::Error& e) {
                std::cerr << e.what() << "\n";
                return 3;
            }
        }
    }
}
