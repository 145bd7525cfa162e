#pragma once

#include "CliCommand.h"

namespace pm::cli {

// `promptmask-cli suggest-threshold`: per label, Otsu's first guess and the threshold that best
// reproduces the user's saved annotations (core/project/ThresholdSurvey).
class SuggestThresholdCommand : public CliCommand {
public:
    std::string name() const override { return "suggest-threshold"; }
    std::string summary() const override;
    std::string usage() const override;
    int run(const std::vector<std::string>& args) override;
};

}  // namespace pm::cli
