#pragma once

#include "CliCommand.h"

namespace pm::cli {

// `promptmask-cli label`: labels every image of a folder (or one shard of it) with a label set.
class LabelCommand : public CliCommand {
public:
    std::string name() const override { return "label"; }
    std::string summary() const override;
    std::string usage() const override;
    int run(const std::vector<std::string>& args) override;

    // Finished, but some images could not be labelled (they are listed in errors.jsonl).
    static constexpr int kExitImageErrors = 5;
};

}  // namespace pm::cli
