#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace pm::cli {

// A small, strict command-line parser: declared options only, "--name value" or "--name=value",
// repeatable options keep their order, anything else is a usage error (pm::Error, kind Usage).
class ArgParser {
public:
    // `valueOptions` take a value; `flags` do not. Names are given without the leading "--".
    ArgParser(std::set<std::string> valueOptions, std::set<std::string> flags);

    void parse(const std::vector<std::string>& args);

    bool has(const std::string& name) const;
    bool flag(const std::string& name) const { return has(name); }
    // Last value of an option, or nullopt.
    std::optional<std::string> value(const std::string& name) const;
    // Value that must be present; throws a usage error naming the option otherwise.
    std::string required(const std::string& name) const;
    std::vector<std::string> values(const std::string& name) const;
    double number(const std::string& name, double fallback) const;
    const std::vector<std::string>& positionals() const { return positionals_; }

    // Options in command-line order, for options whose relative order matters (prompts).
    const std::vector<std::pair<std::string, std::string>>& ordered() const { return ordered_; }

private:
    std::set<std::string> valueOptions_;
    std::set<std::string> flags_;
    std::map<std::string, std::vector<std::string>> values_;
    std::vector<std::pair<std::string, std::string>> ordered_;
    std::vector<std::string> positionals_;
};

}  // namespace pm::cli
