#pragma once

#include <QString>

namespace pm::ui {

// Where an image stands in the labelling workflow, shown in the Images dock.
enum class ImageStatus : unsigned char {
    New,     // not segmented yet
    Auto,    // masks came from the model and were not touched
    Edited,  // the user changed labels, prompts or thresholds while on this image
    Done,    // the user marked it finished
    Error,   // the image could not be read or segmented
};

inline constexpr int kImageStatusCount = 5;

inline const char* toString(ImageStatus status) {
    switch (status) {
        case ImageStatus::New:
            return "new";
        case ImageStatus::Auto:
            return "auto";
        case ImageStatus::Edited:
            return "edited";
        case ImageStatus::Done:
            return "done";
        case ImageStatus::Error:
            return "error";
    }
    return "new";
}

}  // namespace pm::ui
