#pragma once

#include <opencv2/core/types.hpp>
#include <optional>
#include <string>

#include "image/VisualPromptMode.h"

namespace pm {

// An example of what to segment: a box drawn on some image (any image of the dataset).
struct VisualExemplar {
    std::string imagePath;
    cv::Rect box;  // pixels in that image, x/y/width/height
    VisualPromptMode mode = VisualPromptMode::CropBlurHighlight;
};

// What the user asks for: either a text or a visual exemplar.
struct Prompt {
    std::string text;
    std::optional<VisualExemplar> exemplar;

    static Prompt fromText(std::string text) { return Prompt{std::move(text), std::nullopt}; }
    static Prompt fromExemplar(VisualExemplar exemplar) { return Prompt{{}, std::move(exemplar)}; }

    bool isVisual() const { return exemplar.has_value(); }

    // Stable, human-readable description used in provenance records and cache keys, e.g.
    // "a glass" or "visual:photos/cat.jpg@40,60,200,260/crop-blur-highlight".
    std::string describe() const {
        if (!exemplar) {
            return text;
        }
        const cv::Rect& b = exemplar->box;
        return "visual:" + exemplar->imagePath + "@" + std::to_string(b.x) + "," + std::to_string(b.y) + "," +
               std::to_string(b.x + b.width) + "," + std::to_string(b.y + b.height) + "/" +
               toString(exemplar->mode);
    }
};

}  // namespace pm
