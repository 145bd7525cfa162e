#pragma once

#include <QMenu>

namespace pm::ui {

// Settings → Language: the system's language or one of the translations, saved by LanguageChoice and
// applied at the next start (a message says so, in the chosen language too).
class LanguageMenu : public QMenu {
    Q_OBJECT
public:
    explicit LanguageMenu(QWidget* parent = nullptr);

signals:
    void languageChosen(const QString& code);  // "" = the system's

private:
    void choose(const QString& code);
};

}  // namespace pm::ui
