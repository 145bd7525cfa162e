#pragma once

#include <QList>
#include <QLocale>
#include <QString>

class QCoreApplication;

namespace pm::ui {

// The interface languages and the user's choice among them (Settings → Language). The choice is read
// once, at start-up: a running window is not re-translated, so a change applies at the next start.
class LanguageChoice {
public:
    struct Language {
        QString code;        // "en", "de", "es", "fr", "ja", "zh_CN"
        QString nativeName;  // the language's name in itself: users look for their own
    };

    static QList<Language> available();

    // The saved choice: a code from available(), or "" for the system locale (the default).
    static QString saved();
    static void save(const QString& code);

    // The locale whose translation the app shows: the saved choice, else the system's.
    static QLocale effectiveLocale();

    // <exe dir>/../share/promptmask/translations: /usr/share/... when installed, <build>/share/... in a
    // build tree.
    static QString translationsDir();

    // Installs PromptMask's and Qt's own translators for effectiveLocale() and makes it the default
    // locale. Returns the code of the translation in use ("en" when none applies). Call once, before any
    // widget exists.
    static QString installTranslators(QCoreApplication& app);
};

}  // namespace pm::ui
