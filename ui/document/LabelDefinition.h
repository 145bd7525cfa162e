#pragma once

#include <QColor>
#include <QImage>
#include <QRect>
#include <QString>
#include <QStringList>
#include <QVector>
#include <vector>

#include "image/VisualPromptMode.h"
#include "model/Prompt.h"

namespace pm::ui {

// A box drawn on some image of the dataset; its crop is embedded as a visual prompt on every image.
struct ExemplarDefinition {
    QString imagePath;  // absolute path of the image the box was drawn on
    QRect box;          // pixels in that image
    pm::VisualPromptMode mode = pm::VisualPromptMode::CropBlurHighlight;
    QImage thumbnail;  // display only, rebuilt from the image when a project is loaded

    bool sameAs(const ExemplarDefinition& o) const {
        return imagePath == o.imagePath && box == o.box && mode == o.mode;
    }
};

// One thing to label: a name, a colour and the prompts that find it. Value type, cheap to copy
// (QImage thumbnails are implicitly shared), so undo commands keep whole before/after snapshots.
struct LabelDefinition {
    QString id;  // stable across renames; keys the cached probability maps
    QString name;
    QColor color;
    QStringList prompts;  // text prompts; when empty the name is the prompt
    QVector<ExemplarDefinition> exemplars;
    double threshold = 0.5;
    bool visible = true;

    // The text prompts, or the name when there are none; a label still called "label N" (just created,
    // not named yet) has no prompt at all, so it is not segmented with its placeholder name.
    QStringList effectiveTextPrompts() const;
    bool hasPlaceholderName() const;
    static QString placeholderName(int number);

    // Every prompt of this label, text prompts first; its probability map is the pixel-wise maximum
    // over them (a pixel belongs to the label when any prompt finds it).
    std::vector<pm::Prompt> toPrompts() const;

    // Changes exactly when the model output for this label would change (prompts, exemplars), not
    // for threshold, colour, name-with-explicit-prompts or visibility edits.
    QString signature() const;

    bool operator==(const LabelDefinition& o) const;
    bool operator!=(const LabelDefinition& o) const { return !(*this == o); }

    static QColor paletteColor(int index);
    static QString newId();
};

}  // namespace pm::ui
