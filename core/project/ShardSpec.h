#pragma once

#include <cstdint>
#include <string>

namespace pm {

// Which part of a dataset one worker labels: shard `index` of `count` (0-based, as Slurm array task ids
// and Kubernetes completion indexes are). An image belongs to the shard hash(path) % count == index,
// where hash is 64-bit FNV-1a of the image's '/'-separated path relative to the images folder: stable
// across machines, runs and file-system order, so shards are disjoint, complete and reproducible.
class ShardSpec {
public:
    ShardSpec() = default;  // the whole dataset (0/1)
    ShardSpec(int index, int count);

    // "I/N" with 0 <= I < N; throws pm::Error(Usage) saying what is wrong.
    static ShardSpec parse(const std::string& text);

    int index() const { return index_; }
    int count() const { return count_; }
    std::string toString() const { return std::to_string(index_) + "/" + std::to_string(count_); }
    bool contains(const std::string& relativePath) const;

    static uint64_t hash(const std::string& relativePath);

private:
    int index_ = 0;
    int count_ = 1;
};

}  // namespace pm
