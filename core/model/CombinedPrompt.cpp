#include "model/CombinedPrompt.h"

#include <sstream>

#include "model/PromptTemplates.h"
#include "util/Error.h"

namespace pm {

namespace {

// A bar inside a member is written "\|", as the CLI reads it, so "a\|b" and "a|b" read differently.
std::string escapedBars(const std::string& text) {
    std::string out;
    for (const char c : text) {
        out += c == '|' ? std::string("\\|") : std::string(1, c);
    }
    return out;
}

}  // namespace

std::string CombinedPrompt::describe() const {
    std::string out;
    for (size_t i = 0; i < members.size(); ++i) {
        out += (i ? "|" : "") +
               (members.size() > 1 ? escapedBars(members[i].describe()) : members[i].describe());
    }
    if (mix) {
        std::ostringstream a;
        a << *mix;
        out = "mix " + a.str() + "(" + out + ")";
    }
    if (templateSet != "none") {
        out = templateSet + ":" + out;
    }
    for (const Prompt& n : negatives) {
        out += " -" + n.describe();
    }
    return out;
}

void CombinedPrompt::validate() const {
    if (members.empty()) {
        throw Error(ErrorKind::Usage, "a combined prompt needs at least one text or exemplar");
    }
    if (!(negativeStrength >= 0.0 && negativeStrength <= 1.0)) {
        throw Error(ErrorKind::Usage, "negative-prompt strength must lie in 0..1");
    }
    PromptTemplates::patterns(templateSet);  // throws for an unknown set
    if (mix) {
        if (!(*mix >= 0.0 && *mix <= 1.0)) {
            throw Error(ErrorKind::Usage, "mix must lie in 0..1");
        }
        bool text = false;
        bool visual = false;
        for (const Prompt& m : members) {
            (m.isVisual() ? visual : text) = true;
        }
        if (!text || !visual) {
            throw Error(ErrorKind::Usage, "mix needs a text prompt and a visual prompt");
        }
    }
}

}  // namespace pm
