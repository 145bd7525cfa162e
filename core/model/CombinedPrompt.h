#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/Prompt.h"

namespace pm {

// What produces ONE output map (docs/PROMPTS.md):
// - members: an ensemble of texts and/or exemplars; their conditional embeddings are averaged and the
//   mean is decoded once. A set: a member given twice counts once, so "a|a" is "a".
// - mix: when set to a, the embedding is a·mean(text members) + (1−a)·mean(visual members) instead of
//   the plain mean (the CLIPSeg paper's text/visual interpolation); needs both kinds of member.
// - templateSet: every text member (and text negative) becomes the ensemble of its templated sentences.
// - negatives: each is decoded alone; p = p_pos · (1 − strength · max p_neg).
struct CombinedPrompt {
    std::vector<Prompt> members;
    std::vector<Prompt> negatives;
    double negativeStrength = 1.0;  // 0..1
    std::optional<double> mix;      // 0..1
    std::string templateSet = "none";

    static CombinedPrompt single(Prompt prompt) {
        CombinedPrompt c;
        c.members.push_back(std::move(prompt));
        return c;
    }

    // One plain prompt, nothing to combine: Segmenter::segment() gives its map directly.
    bool isSingle() const {
        return members.size() == 1 && negatives.empty() && !mix && templateSet == "none";
    }

    // Human-readable, e.g. "a glass|a cup -dog" or "mix 0.5(a cat|visual:...)".
    std::string describe() const;
    // Throws pm::Error(Usage) when the combination is meaningless (no member, strength or mix out of
    // 0..1, mix without both a text and a visual member, unknown template set).
    void validate() const;
};

}  // namespace pm
