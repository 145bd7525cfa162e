#include "document/LabelListModel.h"

#include <QPainter>
#include <QPixmap>

namespace pm::ui {

namespace {
constexpr int kSwatch = 20;
constexpr int kThumb = 24;
constexpr int kMaxThumbs = 3;
}  // namespace

LabelListModel::LabelListModel(QObject* parent) : QAbstractListModel(parent) {}

int LabelListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(labels_.size());
}

QVariant LabelListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= labels_.size()) {
        return {};
    }
    const LabelDefinition& l = labels_.at(index.row());
    switch (role) {
        case Qt::DisplayRole: {
            const QString key = index.row() < 9 ? QStringLiteral("%1  ").arg(index.row() + 1) : QString();
            QString text = key + l.name + QStringLiteral("  ·  %1").arg(l.threshold, 0, 'f', 2);
            if (!l.visible) {
                text += tr("  (hidden)");
            }
            return text;
        }
        case Qt::DecorationRole:
            return decoration(l);
        case Qt::ToolTipRole: {
            QStringList lines;
            lines << tr("Prompts: %1").arg(l.effectiveTextPrompts().join(QStringLiteral("; ")));
            if (!l.exemplars.isEmpty()) {
                lines << tr("%n visual exemplar(s)", nullptr, static_cast<int>(l.exemplars.size()));
            }
            return lines.join('\n');
        }
        case Qt::ForegroundRole:
            return l.visible ? QVariant() : QVariant(QColor(Qt::gray));
        case LabelIdRole:
            return l.id;
        case ThresholdRole:
            return l.threshold;
        case ColorRole:
            return l.color;
        default:
            return {};
    }
}

int LabelListModel::rowOfId(const QString& id) const {
    for (int i = 0; i < labels_.size(); ++i) {
        if (labels_[i].id == id) {
            return i;
        }
    }
    return -1;
}

void LabelListModel::setLabels(const QVector<LabelDefinition>& labels) {
    beginResetModel();
    labels_ = labels;
    endResetModel();
    emit labelsChanged(-1);
}

void LabelListModel::setLabel(int row, const LabelDefinition& label) {
    if (row < 0 || row >= labels_.size() || labels_[row] == label) {
        return;
    }
    labels_[row] = label;
    emit dataChanged(index(row), index(row));
    emit labelsChanged(row);
}

LabelDefinition LabelListModel::makeLabel(const QString& name) const {
    LabelDefinition l;
    l.id = LabelDefinition::newId();
    l.name = name;
    // The first palette colour no existing label uses.
    for (int i = 0;; ++i) {
        const QColor c = LabelDefinition::paletteColor(i);
        bool used = false;
        for (const LabelDefinition& other : labels_) {
            used = used || other.color == c;
        }
        if (!used) {
            l.color = c;
            break;
        }
    }
    return l;
}

QPixmap LabelListModel::decoration(const LabelDefinition& label) const {
    const int thumbs = std::min(static_cast<int>(label.exemplars.size()), kMaxThumbs);
    QPixmap pixmap(kSwatch + thumbs * (kThumb + 2) + 2, kThumb);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(label.color.darker(160));
    p.setBrush(label.visible ? label.color
                             : QColor(label.color.red(), label.color.green(), label.color.blue(), 60));
    p.drawRoundedRect(QRectF(1.5, (kThumb - kSwatch) / 2.0 + 0.5, kSwatch - 3, kSwatch - 1), 4, 4);
    for (int i = 0; i < thumbs; ++i) {
        const QImage& t = label.exemplars[i].thumbnail;
        const QRect target(kSwatch + 2 + i * (kThumb + 2), 0, kThumb, kThumb);
        if (!t.isNull()) {
            p.drawImage(target,
                        t.scaled(target.size(), Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation));
        } else {
            p.fillRect(target, Qt::darkGray);
        }
        p.setPen(label.color);
        p.setBrush(Qt::NoBrush);
        p.drawRect(target.adjusted(0, 0, -1, -1));
    }
    return pixmap;
}

}  // namespace pm::ui
