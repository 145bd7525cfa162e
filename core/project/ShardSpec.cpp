#include "project/ShardSpec.h"

#include "util/Error.h"

namespace pm {

namespace {

int parseCount(const std::string& text, const std::string& spec) {
    if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos) {
        throw Error(ErrorKind::Usage, "--shard '" + spec + "': '" + text + "' is not a whole number");
    }
    return std::stoi(text);
}

}  // namespace

ShardSpec::ShardSpec(int index, int count) : index_(index), count_(count) {
    if (count < 1 || index < 0 || index >= count) {
        throw Error(ErrorKind::Usage, "shard " + std::to_string(index) + "/" + std::to_string(count) +
                                          " is out of range (need 0 <= I < N)");
    }
}

ShardSpec ShardSpec::parse(const std::string& text) {
    const auto slash = text.find('/');
    if (slash == std::string::npos) {
        throw Error(ErrorKind::Usage, "--shard '" + text + "': expected I/N, e.g. 0/4");
    }
    const int index = parseCount(text.substr(0, slash), text);
    const int count = parseCount(text.substr(slash + 1), text);
    if (count < 1 || index >= count) {
        throw Error(ErrorKind::Usage, "--shard '" + text +
                                          "' is out of range: I counts from 0 and must be below N" +
                                          std::string(count < 1 ? " (N must be at least 1)" : ""));
    }
    return ShardSpec(index, count);
}

uint64_t ShardSpec::hash(const std::string& relativePath) {
    uint64_t h = 14695981039346656037ull;
    for (const unsigned char c : relativePath) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

bool ShardSpec::contains(const std::string& relativePath) const {
    return hash(relativePath) % uint64_t(count_) == uint64_t(index_);
}

}  // namespace pm
