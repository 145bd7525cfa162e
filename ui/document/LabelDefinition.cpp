#include "document/LabelDefinition.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUuid>
#include <array>

namespace pm::ui {

QStringList LabelDefinition::effectiveTextPrompts() const {
    QStringList result;
    for (const QString& p : prompts) {
        if (!p.trimmed().isEmpty()) {
            result << p.trimmed();
        }
    }
    if (result.isEmpty() && exemplars.isEmpty() && !name.trimmed().isEmpty() && !hasPlaceholderName()) {
        result << name.trimmed();
    }
    return result;
}

QString LabelDefinition::placeholderName(int number) {
    return QCoreApplication::translate("pm::ui::LabelDefinition", "label %1").arg(number);
}

bool LabelDefinition::hasPlaceholderName() const {
    static const QRegularExpression kPattern(
        QStringLiteral("^") +
        QRegularExpression::escape(placeholderName(0)).replace(QStringLiteral("0"), QStringLiteral("\\d+")) +
        QStringLiteral("$"));
    return kPattern.match(name).hasMatch();
}

std::vector<pm::Prompt> LabelDefinition::toPrompts() const {
    std::vector<pm::Prompt> result;
    for (const QString& text : effectiveTextPrompts()) {
        result.push_back(pm::Prompt::fromText(text.toStdString()));
    }
    for (const ExemplarDefinition& e : exemplars) {
        pm::VisualExemplar v;
        v.imagePath = e.imagePath.toStdString();
        v.box = cv::Rect(e.box.x(), e.box.y(), e.box.width(), e.box.height());
        v.mode = e.mode;
        result.push_back(pm::Prompt::fromExemplar(v));
    }
    return result;
}

QString LabelDefinition::signature() const {
    QStringList parts;
    for (const pm::Prompt& p : toPrompts()) {
        parts << QString::fromStdString(p.describe());
    }
    return parts.join(QChar(0x1f));
}

bool LabelDefinition::operator==(const LabelDefinition& o) const {
    if (exemplars.size() != o.exemplars.size()) {
        return false;
    }
    for (int i = 0; i < exemplars.size(); ++i) {
        if (!exemplars[i].sameAs(o.exemplars[i])) {
            return false;
        }
    }
    return id == o.id && name == o.name && color == o.color && prompts == o.prompts &&
           qFuzzyCompare(threshold + 1.0, o.threshold + 1.0) && visible == o.visible;
}

QColor LabelDefinition::paletteColor(int index) {
    // Distinct, colour-blind-friendly hues (Okabe-Ito), then golden-angle hues.
    static const std::array<QRgb, 8> kPalette = {0xE69F00, 0x56B4E9, 0x009E73, 0xF0E442,
                                                 0x0072B2, 0xD55E00, 0xCC79A7, 0x999999};
    if (index >= 0 && index < static_cast<int>(kPalette.size())) {
        return QColor::fromRgb(kPalette[static_cast<size_t>(index)]);
    }
    return QColor::fromHsv((index * 137) % 360, 200, 230);
}

QString LabelDefinition::newId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
}

}  // namespace pm::ui
