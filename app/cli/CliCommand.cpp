#include "CliCommand.h"

#include "BenchCommand.h"
#include "ConvertCommand.h"
#include "LabelCommand.h"
#include "MergeCommand.h"
#include "SegmentCommand.h"
#include "SuggestThresholdCommand.h"
#include "TokenizeCommand.h"

namespace pm::cli {

std::vector<std::unique_ptr<CliCommand>> allCommands() {
    std::vector<std::unique_ptr<CliCommand>> commands;
    commands.push_back(std::make_unique<SegmentCommand>());
    commands.push_back(std::make_unique<TokenizeCommand>());
    commands.push_back(std::make_unique<ConvertCommand>());
    commands.push_back(std::make_unique<LabelCommand>());
    commands.push_back(std::make_unique<MergeCommand>());
    commands.push_back(std::make_unique<SuggestThresholdCommand>());
    commands.push_back(std::make_unique<BenchCommand>());
    return commands;
}

}  // namespace pm::cli
