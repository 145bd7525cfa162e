#pragma once

#include <QCoreApplication>
#include <QString>
#include <QVector>

#include "document/LabelDefinition.h"

namespace pm::ui {

class LabelListModel;

// What promoting a Prompt lab candidate does to the label list, worked out without touching it: the
// whole list after the click and the undo step's text. The dock hands it to
// DocumentCommands::replaceLabels, so each click is exactly one Ctrl+Z. Widget-free.
class CandidatePromoter {
    Q_DECLARE_TR_FUNCTIONS(CandidatePromoter)

public:
    struct Change {
        QVector<LabelDefinition> labels;  // the list after the click
        QString text;                     // the undo step's name
        bool isEmpty() const { return text.isEmpty(); }
    };

    enum class Role {
        Prompt,    // one more prompt, OR-ed with the label's others (the maximum of their maps)
        Ensemble,  // one more member of the label's ensemble (embeddings averaged into one map)
        Negative,  // lowers the label's probability where it finds something
    };

    // A new label named after the candidate, prompted by it, at the lab's threshold.
    static Change newLabel(const LabelListModel& labels, const QString& text, double threshold);
    // The candidate added to an existing label in `role`. A label prompted by its name keeps the name
    // as a prompt. Empty when the label is gone or already has that text in that role.
    static Change addTo(const LabelListModel& labels, const QString& labelId, const QString& text, Role role);
};

}  // namespace pm::ui
