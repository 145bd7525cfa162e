#pragma once

#include <optional>
#include <string>

namespace pm {

// How an exemplar box becomes the image that is embedded as a visual prompt (CLIPSeg paper, Table 4).
enum class VisualPromptMode {
    Plain,              // the whole image the box was drawn on
    Crop,               // the box, cropped exactly
    CropBlurHighlight,  // the box plus 10 % context, background blurred (sigma 3) and darkened to 10 %
};

inline const char* toString(VisualPromptMode mode) {
    switch (mode) {
        case VisualPromptMode::Plain:
            return "plain";
        case VisualPromptMode::Crop:
            return "crop";
        case VisualPromptMode::CropBlurHighlight:
            return "crop-blur-highlight";
    }
    return "crop-blur-highlight";
}

inline std::optional<VisualPromptMode> visualPromptModeFromString(const std::string& name) {
    if (name == "plain") {
        return VisualPromptMode::Plain;
    }
    if (name == "crop") {
        return VisualPromptMode::Crop;
    }
    if (name == "crop-blur-highlight") {
        return VisualPromptMode::CropBlurHighlight;
    }
    return std::nullopt;
}

}  // namespace pm
