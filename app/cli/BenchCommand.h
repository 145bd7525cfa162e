#pragma once

#include "CliCommand.h"

namespace pm::cli {

// `promptmask-cli bench`: times the shipped pipeline stage by stage (model load with the hash check,
// image encode, text, decode, first mask, N masks, re-prompt on a cached image, threshold update) and
// reports medians. packaging/bench/run.sh compares it with the eager PyTorch baseline in the same run.
class BenchCommand : public CliCommand {
public:
    std::string name() const override { return "bench"; }
    std::string summary() const override;
    std::string usage() const override;
    int run(const std::vector<std::string>& args) override;
};

}  // namespace pm::cli
