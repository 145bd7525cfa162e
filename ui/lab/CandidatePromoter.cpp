#include "lab/CandidatePromoter.h"

#include "commands/ReplaceLabelsCommand.h"
#include "document/LabelListModel.h"
#include "lab/PromptLabModel.h"

namespace pm::ui {

QUndoCommand* CandidatePromoter::newLabel(LabelListModel* labels, const QString& text, double threshold) {
    LabCandidate candidate;
    candidate.text = text.simplified();
    if (candidate.text.isEmpty()) {
        return nullptr;
    }
    LabelDefinition label = labels->makeLabel(candidate.text);
    label.prompts = PromptLabModel::asLabel(candidate).prompts;
    label.threshold = threshold;
    QVector<LabelDefinition> after = labels->labels();
    after.push_back(label);
    return new ReplaceLabelsCommand(labels, labels->labels(), after,
                                    tr("New label \"%1\" from the Prompt lab").arg(label.name));
}

QUndoCommand* CandidatePromoter::addPrompt(LabelListModel* labels, const QString& labelId,
                                           const QString& text) {
    const int row = labels->rowOfId(labelId);
    if (row < 0) {
        return nullptr;
    }
    LabCandidate candidate;
    candidate.text = text.simplified();
    QVector<LabelDefinition> after = labels->labels();
    LabelDefinition& label = after[row];
    // Written out: a label without explicit prompts is found by its name, which must stay a prompt.
    QStringList prompts = label.effectiveTextPrompts();
    bool added = false;
    for (const QString& p : PromptLabModel::asLabel(candidate).prompts) {
        if (!prompts.contains(p)) {
            prompts << p;
            added = true;
        }
    }
    if (!added) {
        return nullptr;
    }
    label.prompts = prompts;
    return new ReplaceLabelsCommand(labels, labels->labels(), after,
                                    tr("Add prompt \"%1\" to label \"%2\"").arg(candidate.text, label.name));
}

}  // namespace pm::ui
