#include "lab/CandidatePromoter.h"

#include "document/LabelListModel.h"
#include "lab/PromptLabModel.h"

namespace pm::ui {

namespace {

LabelDefinition asLabel(const QString& text) {
    LabCandidate candidate;
    candidate.text = text.simplified();
    return PromptLabModel::asLabel(candidate);
}

}  // namespace

CandidatePromoter::Change CandidatePromoter::newLabel(const LabelListModel& labels, const QString& text,
                                                      double threshold) {
    const LabelDefinition candidate = asLabel(text);
    if (candidate.prompts.isEmpty()) {
        return {};
    }
    LabelDefinition label = labels.makeLabel(text.simplified());
    label.prompts = candidate.prompts;
    label.ensemble = candidate.ensemble;
    label.threshold = threshold;
    Change change{labels.labels(), tr("New label \"%1\" from the Prompt lab").arg(label.name)};
    change.labels.push_back(label);
    return change;
}

CandidatePromoter::Change CandidatePromoter::addTo(const LabelListModel& labels, const QString& labelId,
                                                   const QString& text, Role role) {
    const int row = labels.rowOfId(labelId);
    const QStringList texts = asLabel(text).prompts;
    if (row < 0 || texts.isEmpty()) {
        return {};
    }
    QVector<LabelDefinition> after = labels.labels();
    LabelDefinition& label = after[row];
    // Written out: a label without explicit prompts is found by its name, which must stay a prompt.
    QStringList& target = role == Role::Negative ? label.negatives : label.prompts;
    if (role != Role::Negative) {
        target = label.effectiveTextPrompts();
    }
    bool added = false;
    for (const QString& t : texts) {
        if (!target.contains(t)) {
            target << t;
            added = true;
        }
    }
    if (role == Role::Ensemble && !label.ensemble) {
        label.ensemble = true;
        added = true;
    }
    if (!added) {
        return {};
    }
    QString what;
    switch (role) {
        case Role::Prompt:
            what = tr("Add prompt \"%1\" to label \"%2\"");
            break;
        case Role::Ensemble:
            what = tr("Add \"%1\" to the ensemble of label \"%2\"");
            break;
        case Role::Negative:
            what = tr("Add negative \"%1\" to label \"%2\"");
            break;
    }
    return {after, what.arg(text.simplified(), label.name)};
}

}  // namespace pm::ui
