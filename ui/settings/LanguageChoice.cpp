#include "settings/LanguageChoice.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace pm::ui {

namespace {

const QString kKey = QStringLiteral("ui/language");

}  // namespace

QList<LanguageChoice::Language> LanguageChoice::available() {
    return {{QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("de"), QStringLiteral("Deutsch")},
            {QStringLiteral("es"), QStringLiteral("Español")},
            {QStringLiteral("fr"), QStringLiteral("Français")},
            {QStringLiteral("ja"), QStringLiteral("日本語")},
            {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
}

QString LanguageChoice::saved() {
    const QString code = QSettings().value(kKey).toString();
    for (const Language& l : available()) {
        if (l.code == code) {
            return code;
        }
    }
    return {};  // unset, or a language this version no longer ships
}

void LanguageChoice::save(const QString& code) {
    if (code.isEmpty()) {
        QSettings().remove(kKey);
    } else {
        QSettings().setValue(kKey, code);
    }
}

QLocale LanguageChoice::effectiveLocale() {
    const QString code = saved();
    return code.isEmpty() ? QLocale::system() : QLocale(code);
}

QString LanguageChoice::translationsDir() {
    return QDir::cleanPath(QCoreApplication::applicationDirPath() +
                           QStringLiteral("/../share/promptmask/translations"));
}

QString LanguageChoice::installTranslators(QCoreApplication& app) {
    const QLocale locale = effectiveLocale();
    QLocale::setDefault(locale);
    // Owned by the application: they live as long as it does.
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
    }
    auto* own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("promptmask"), QStringLiteral("_"), translationsDir())) {
        QCoreApplication::installTranslator(own);
        const QString language = own->language().replace('-', '_');  // "de_DE", "fr", "zh_CN"
        for (const Language& l : available()) {
            if (language == l.code || language.startsWith(l.code + '_')) {
                return l.code;
            }
        }
        return language;
    }
    return QStringLiteral("en");
}

}  // namespace pm::ui
