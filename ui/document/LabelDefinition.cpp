#include "document/LabelDefinition.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUuid>
#include <array>

#include "project/LabelSet.h"

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

pm::VisualExemplar ExemplarDefinition::toExemplar() const {
    pm::VisualExemplar v;
    v.imagePath = imagePath.toStdString();
    v.box = cv::Rect(box.x(), box.y(), box.width(), box.height());
    v.mode = mode;
    return v;
}

namespace {

ExemplarDefinition exemplarFrom(const pm::VisualExemplar& v) {
    ExemplarDefinition e;
    e.imagePath = QString::fromStdString(v.imagePath);
    e.box = QRect(v.box.x, v.box.y, v.box.width, v.box.height);
    e.mode = v.mode;
    return e;
}

std::vector<std::string> stdStrings(const QStringList& list) {
    std::vector<std::string> out;
    for (const QString& s : list) {
        out.push_back(s.toStdString());
    }
    return out;
}

QStringList qStrings(const std::vector<std::string>& list) {
    QStringList out;
    for (const std::string& s : list) {
        out << QString::fromStdString(s);
    }
    return out;
}

bool sameExemplars(const QVector<ExemplarDefinition>& a, const QVector<ExemplarDefinition>& b) {
    return a.size() == b.size() && std::equal(a.cbegin(), a.cend(), b.cbegin(),
                                              [](const auto& x, const auto& y) { return x.sameAs(y); });
}

}  // namespace

std::vector<pm::Prompt> LabelDefinition::toPrompts() const {
    std::vector<pm::Prompt> result;
    for (const QString& text : effectiveTextPrompts()) {
        result.push_back(pm::Prompt::fromText(text.toStdString()));
    }
    for (const ExemplarDefinition& e : exemplars) {
        result.push_back(pm::Prompt::fromExemplar(e.toExemplar()));
    }
    return result;
}

std::vector<pm::CombinedPrompt> LabelDefinition::toCombinedPrompts() const {
    // The GUI's own rule for a bare label (its placeholder name is translated), then the core's algebra.
    pm::LabelSpec spec = toSpec();
    spec.prompts = stdStrings(effectiveTextPrompts());
    if (spec.prompts.empty() && spec.exemplars.empty()) {
        return {};
    }
    return spec.combinedPrompts();
}

pm::LabelSpec LabelDefinition::toSpec() const {
    pm::LabelSpec s;
    s.id = id.toStdString();
    s.name = name.toStdString();
    s.color = color.isValid() ? color.name(QColor::HexRgb).toStdString() : std::string();
    s.prompts = stdStrings(prompts);
    for (const ExemplarDefinition& e : exemplars) {
        s.exemplars.push_back(e.toExemplar());
    }
    s.threshold = threshold;
    s.visible = visible;
    s.ensemble = ensemble;
    s.templates = templates.toStdString();
    s.negatives = stdStrings(negatives);
    for (const ExemplarDefinition& e : negativeExemplars) {
        s.negativeExemplars.push_back(e.toExemplar());
    }
    s.negativeStrength = negativeStrength;
    s.mix = mix;
    return s;
}

LabelDefinition LabelDefinition::fromSpec(const pm::LabelSpec& spec, int index) {
    LabelDefinition l;
    l.id = spec.id.empty() ? newId() : QString::fromStdString(spec.id);
    l.name = QString::fromStdString(spec.name);
    l.color = QColor(QString::fromStdString(spec.color));
    if (!l.color.isValid()) {
        l.color = paletteColor(index);
    }
    l.prompts = qStrings(spec.prompts);
    for (const pm::VisualExemplar& v : spec.exemplars) {
        l.exemplars.push_back(exemplarFrom(v));
    }
    l.threshold = spec.threshold;
    l.visible = spec.visible;
    l.ensemble = spec.ensemble;
    l.templates = QString::fromStdString(spec.templates);
    l.negatives = qStrings(spec.negatives);
    for (const pm::VisualExemplar& v : spec.negativeExemplars) {
        l.negativeExemplars.push_back(exemplarFrom(v));
    }
    l.negativeStrength = spec.negativeStrength;
    l.mix = spec.mix;
    return l;
}

QString LabelDefinition::signature() const {
    QStringList parts;
    for (const pm::CombinedPrompt& c : toCombinedPrompts()) {
        parts << QString::fromStdString(c.describe());
    }
    if (!negatives.isEmpty() || !negativeExemplars.isEmpty()) {
        parts << QString::number(negativeStrength, 'g', 17);
    }
    return parts.join(QChar(0x1f));
}

bool LabelDefinition::operator==(const LabelDefinition& o) const {
    return sameExemplars(exemplars, o.exemplars) && sameExemplars(negativeExemplars, o.negativeExemplars) &&
           id == o.id && name == o.name && color == o.color && prompts == o.prompts &&
           qFuzzyCompare(threshold + 1.0, o.threshold + 1.0) && visible == o.visible &&
           ensemble == o.ensemble && templates == o.templates && negatives == o.negatives &&
           qFuzzyCompare(negativeStrength + 1.0, o.negativeStrength + 1.0) &&
           mix.has_value() == o.mix.has_value() && (!mix || qFuzzyCompare(*mix + 1.0, *o.mix + 1.0));
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
