#include "settings/LanguageMenu.h"

#include <QActionGroup>
#include <QMessageBox>
#include <QTranslator>

#include "settings/LanguageChoice.h"

namespace pm::ui {

namespace {

// The sentence in the chosen language, so that someone who cannot read the current one still learns
// that a restart is needed. Empty when there is no translation (English).
QString restartNoteIn(const QString& code) {
    QTranslator translator;
    if (code.isEmpty() || !translator.load(QLocale(code), QStringLiteral("promptmask"), QStringLiteral("_"),
                                           LanguageChoice::translationsDir())) {
        return {};
    }
    return translator.translate("pm::ui::LanguageMenu",
                                "The language changes when PromptMask starts next time.");
}

}  // namespace

LanguageMenu::LanguageMenu(QWidget* parent) : QMenu(tr("&Language"), parent) {
    auto* group = new QActionGroup(this);
    const QString current = LanguageChoice::saved();
    auto add = [&](const QString& code, const QString& text) {
        QAction* action = addAction(text);
        action->setCheckable(true);
        action->setChecked(code == current);
        action->setData(code);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] { choose(code); });
    };
    add(QString(), tr("System Language"));
    addSeparator();
    for (const LanguageChoice::Language& l : LanguageChoice::available()) {
        add(l.code, l.nativeName);
    }
}

void LanguageMenu::choose(const QString& code) {
    if (code == LanguageChoice::saved()) {
        return;
    }
    LanguageChoice::save(code);
    emit languageChosen(code);
    QString text = tr("The language changes when PromptMask starts next time.");
    const QString inChosen = restartNoteIn(code);
    if (!inChosen.isEmpty() && inChosen != text) {
        text += QStringLiteral("\n\n") + inChosen;
    }
    QMessageBox::information(parentWidget(), tr("Language"), text);
}

}  // namespace pm::ui
