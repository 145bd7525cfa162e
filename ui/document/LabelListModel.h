#pragma once

#include <QAbstractListModel>
#include <QVector>

#include "document/LabelDefinition.h"

namespace pm::ui {

// The labels of the open dataset, in display order. GUI thread only. Edits made by the user go
// through undo commands (EditLabelCommand, ReplaceLabelsCommand) that call the setters below.
class LabelListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Roles { LabelIdRole = Qt::UserRole + 1, ThresholdRole, ColorRole };

    explicit LabelListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

    const QVector<LabelDefinition>& labels() const { return labels_; }
    const LabelDefinition& label(int row) const { return labels_.at(row); }
    int rowOfId(const QString& id) const;

    void setLabels(const QVector<LabelDefinition>& labels);
    void setLabel(int row, const LabelDefinition& label);

    // A fresh label named `name` with the next palette colour and a unique id.
    LabelDefinition makeLabel(const QString& name) const;

signals:
    // Emitted after any change; `row` is -1 when the whole list was replaced.
    void labelsChanged(int row);

private:
    QPixmap decoration(const LabelDefinition& label) const;

    QVector<LabelDefinition> labels_;
};

}  // namespace pm::ui
