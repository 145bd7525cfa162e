#pragma once

#include "CliCommand.h"

namespace pm::cli {

// `promptmask-cli merge`: joins the outputs of `label --shard` runs into one dataset.
class MergeCommand : public CliCommand {
public:
    std::string name() const override { return "merge"; }
    std::string summary() const override;
    std::string usage() const override;
    int run(const std::vector<std::string>& args) override;
};

}  // namespace pm::cli
