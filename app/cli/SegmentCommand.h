#pragma once

#include "CliCommand.h"

namespace pm::cli {

class SegmentCommand : public CliCommand {
public:
    std::string name() const override { return "segment"; }
    std::string summary() const override;
    std::string usage() const override;
    int run(const std::vector<std::string>& args) override;
};

}  // namespace pm::cli
