#pragma once

#include <string>
#include <vector>

namespace pm {

// Built-in template sets that turn a label text ("cat") into an ensemble of sentences ("a photo of a
// cat.", ...). Sources (docs/PROMPTS.md): the prompt lists of the CLIPSeg repository (timojl/clipseg,
// models/clipseg.py, get_prompt_list) and the 7-template ensemble of the CLIP repository's ImageNet
// prompt-engineering notebook.
class PromptTemplates {
public:
    // Set names: "none" (the text itself), "fixed", "clipseg", "clipseg-plus", "clip7".
    static std::vector<std::string> names();
    static bool exists(const std::string& set);
    // The set's patterns, each with one "{}"; throws pm::Error(Usage) for an unknown set.
    static const std::vector<std::string>& patterns(const std::string& set);
    // `text` put into every pattern of the set, in the set's order.
    static std::vector<std::string> expand(const std::string& set, const std::string& text);
};

}  // namespace pm
