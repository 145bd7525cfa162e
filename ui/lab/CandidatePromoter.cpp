#include "lab/CandidatePromoter.h"

#include "document/LabelListModel.h"
#include "lab/PromptLabModel.h"

namespace pm::ui {

namespace {

QStringList promptsOf(const QString& text) {
    LabCandidate candidate;
    candidate.text = text.simplified();
    return PromptLabModel::asLabel(candidate).prompts;
}

}  // namespace

CandidatePromoter::Change CandidatePromoter::newLabel(const LabelListModel& labels, const QString& text,
                                                      double threshold) {
    const QStringList prompts = promptsOf(text);
    if (prompts.isEmpty()) {
        return {};
    }
    LabelDefinition label = labels.makeLabel(text.simplified());
    label.prompts = prompts;
    label.threshold = threshold;
    Change change{labels.labels(), tr("New label \"%1\" from the Prompt lab").arg(label.name)};
    change.labels.push_back(label);
    return change;
}

CandidatePromoter::Change CandidatePromoter::addTo(const LabelListModel& labels, const QString& labelId,
                                                   const QString& text, Role role) {
    const int row = labels.rowOfId(labelId);
    const QStringList texts = promptsOf(text);
    if (row < 0 || texts.isEmpty()) {
        return {};
    }
    QVector<LabelDefinition> after = labels.labels();
    LabelDefinition& label = after[row];
    // Written out: a label without explicit prompts is found by its name, which must stay a prompt.
    QStringList& target = label.prompts;
    target = label.effectiveTextPrompts();
    bool added = false;
    for (const QString& t : texts) {
        if (!target.contains(t)) {
            target << t;
            added = true;
        }
    }
    if (!added) {
        return {};
    }
    QString what;
    switch (role) {
        case Role::Prompt:
            what = tr("Add prompt \"%1\" to label \"%2\"");
            break;
    }
    return {after, what.arg(text.simplified(), label.name)};
}

}  // namespace pm::ui
