#include "ArgParser.h"

#include <cmath>

#include "util/Error.h"

namespace pm::cli {

ArgParser::ArgParser(std::set<std::string> valueOptions, std::set<std::string> flags)
    : valueOptions_(std::move(valueOptions)), flags_(std::move(flags)) {}

void ArgParser::parse(const std::vector<std::string>& args) {
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg.rfind("--", 0) != 0 || arg == "--") {
            positionals_.push_back(arg);
            continue;
        }
        std::string name = arg.substr(2);
        std::optional<std::string> inlineValue;
        if (const auto eq = name.find('='); eq != std::string::npos) {
            inlineValue = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        if (flags_.count(name)) {
            if (inlineValue) {
                throw Error(ErrorKind::Usage, "option --" + name + " takes no value");
            }
            values_[name].push_back("");
            ordered_.emplace_back(name, "");
        } else if (valueOptions_.count(name)) {
            std::string v;
            if (inlineValue) {
                v = *inlineValue;
            } else if (i + 1 < args.size()) {
                v = args[++i];
            } else {
                throw Error(ErrorKind::Usage, "option --" + name + " needs a value");
            }
            values_[name].push_back(v);
            ordered_.emplace_back(name, v);
        } else {
            throw Error(ErrorKind::Usage, "unknown option --" + name);
        }
    }
}

bool ArgParser::has(const std::string& name) const {
    return values_.count(name) != 0;
}

std::optional<std::string> ArgParser::value(const std::string& name) const {
    const auto it = values_.find(name);
    if (it == values_.end() || it->second.empty()) {
        return std::nullopt;
    }
    return it->second.back();
}

std::string ArgParser::required(const std::string& name) const {
    if (auto v = value(name)) {
        return *v;
    }
    throw Error(ErrorKind::Usage, "missing required option --" + name);
}

std::vector<std::string> ArgParser::values(const std::string& name) const {
    const auto it = values_.find(name);
    return it == values_.end() ? std::vector<std::string>{} : it->second;
}

double ArgParser::number(const std::string& name, double fallback) const {
    const auto v = value(name);
    if (!v) {
        return fallback;
    }
    try {
        size_t used = 0;
        const double d = std::stod(*v, &used);
        if (used != v->size() || !std::isfinite(d)) {
            throw std::invalid_argument(*v);
        }
        return d;
    } catch (const std::exception&) {
        throw Error(ErrorKind::Usage, "option --" + name + " expects a number, got '" + *v + "'");
    }
}

}  // namespace pm::cli
