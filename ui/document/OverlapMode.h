#pragma once

namespace pm::ui {

// How the masks of several labels combine.
enum class OverlapMode {
    Exclusive,    // each pixel goes to the label with the highest probability above its threshold
    Overlapping,  // every label has its own independent mask
};

}  // namespace pm::ui
