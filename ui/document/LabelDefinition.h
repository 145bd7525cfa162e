#pragma once

#include <QColor>
#include <QImage>
#include <QRect>
#include <QString>
#include <QStringList>
#include <QVector>
#include <optional>
#include <vector>

#include "image/VisualPromptMode.h"
#include "model/CombinedPrompt.h"
#include "model/Prompt.h"

namespace pm {
struct LabelSpec;
}

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
    pm::VisualExemplar toExemplar() const;
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
    // The prompt algebra (docs/LABELS.md; the same fields as pm::LabelSpec). To add a candidate to the
    // label's ensemble: append it to `prompts` (or `exemplars`) and set `ensemble`; to its negatives:
    // append it to `negatives` (or `negativeExemplars`).
    bool ensemble = false;  // average the prompts' embeddings into one map instead of OR-ing maps
    QString templates = QStringLiteral("none");  // a PromptTemplates set applied to every text
    QStringList negatives;  // texts that lower the probability: p · (1 − strength · max p_neg)
    QVector<ExemplarDefinition> negativeExemplars;
    double negativeStrength = 1.0;
    std::optional<double> mix;  // a·text + (1−a)·exemplar in one map, when the label has both

    // The text prompts, or the name when there are none; a label still called "label N" (just created,
    // not named yet) has no prompt at all, so it is not segmented with its placeholder name.
    QStringList effectiveTextPrompts() const;
    bool hasPlaceholderName() const;
    static QString placeholderName(int number);

    // Every prompt of this label, text prompts first (the members, without the algebra).
    std::vector<pm::Prompt> toPrompts() const;

    // What the model is asked for this label, exactly as the CLI asks it (pm::LabelSpec::combinedPrompts
    // of toSpec()); the label's probability map is the pixel-wise maximum over these maps.
    std::vector<pm::CombinedPrompt> toCombinedPrompts() const;

    // The one schema shared with the CLI (core/project/LabelSet). fromSpec() leaves thumbnails null and
    // makes an id when the spec has none.
    pm::LabelSpec toSpec() const;
    static LabelDefinition fromSpec(const pm::LabelSpec& spec, int index);

    // Changes exactly when the model output for this label would change (prompts, exemplars, the
    // algebra), not for threshold, colour, name-with-explicit-prompts or visibility edits.
    QString signature() const;

    bool operator==(const LabelDefinition& o) const;
    bool operator!=(const LabelDefinition& o) const { return !(*this == o); }

    static QColor paletteColor(int index);
    static QString newId();
};

}  // namespace pm::ui
