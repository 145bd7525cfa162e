// The GUI in each of its languages, with the compiled .qm files the package installs: no two entries of a
// menu (or the menu bar, or a dialog) share a mnemonic, dialog texts fit their widgets, and the main window,
// the export dialog and the shortcuts dialog are saved as screenshots for a person to read
// (<build>/test-artifacts/i18n/<lang>-*.png).
#include <QAbstractButton>
#include <QDir>
#include <QGroupBox>
#include <QLabel>
#include <QLibraryInfo>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSettings>
#include <QTimer>
#include <QTranslator>
#include <QtTest>
#include <memory>

#include "FakeSegmenter.h"
#include "TestData.h"
#include "export/ExportDialog.h"
#include "inference/ErrorText.h"
#include "settings/LanguageChoice.h"
#include "settings/LanguageMenu.h"
#include "shell/MainWindow.h"
#include "shell/ShortcutsDialog.h"
#include "util/CodedError.h"

using namespace pm::ui;
using pm::ui::testing::FakeProbe;
using pm::ui::testing::FakeSegmenter;

namespace {

// The mnemonic letter of a text ("&File" → F, "文件(&F)" → F), upper-cased; empty when none.
QString mnemonic(const QString& text) {
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] == '&') {
            if (text[i + 1] == '&') {
                ++i;  // "&&" is a literal ampersand
                continue;
            }
            return text[i + 1].toUpper();
        }
    }
    return {};
}

// "where: X used by 'a' and 'b'" for every letter that two texts share.
QStringList clashes(const QString& where, const QStringList& texts) {
    QStringList found;
    QHash<QString, QString> byLetter;
    for (const QString& t : texts) {
        const QString m = mnemonic(t);
        if (m.isEmpty()) {
            continue;
        }
        if (byLetter.contains(m)) {
            found << QStringLiteral("%1: %2 used by '%3' and '%4'").arg(where, m, byLetter.value(m), t);
        } else {
            byLetter.insert(m, t);
        }
    }
    return found;
}

QStringList menuClashes(const QMenu* menu, const QString& path) {
    QStringList texts;
    QStringList found;
    for (QAction* a : menu->actions()) {
        if (a->isSeparator() || !a->isVisible()) {
            continue;
        }
        texts << a->text();
        if (a->menu()) {
            found << menuClashes(a->menu(), path + QStringLiteral(" › ") + a->text().remove('&'));
        }
    }
    return found + clashes(path, texts);
}

// Mnemonics of every labelled control in a dialog (buttons, group boxes, labels with a buddy).
QStringList dialogClashes(const QWidget* dialog, const QString& name) {
    QStringList texts;
    for (const QAbstractButton* b : dialog->findChildren<QAbstractButton*>()) {
        texts << b->text();
    }
    for (const QGroupBox* g : dialog->findChildren<QGroupBox*>()) {
        texts << g->title();
    }
    for (const QLabel* l : dialog->findChildren<QLabel*>()) {
        if (l->buddy()) {
            texts << l->text();
        }
    }
    return clashes(name, texts);
}

// Single-line texts that need more room than they got are cut off on screen.
QStringList clippedTexts(const QWidget* dialog, const QString& name) {
    QStringList found;
    for (const QAbstractButton* b : dialog->findChildren<QAbstractButton*>()) {
        if (b->isVisible() && !b->text().isEmpty() && b->sizeHint().width() > b->width()) {
            found << QStringLiteral("%1: '%2' needs %3 px, has %4")
                         .arg(name, b->text())
                         .arg(b->sizeHint().width())
                         .arg(b->width());
        }
    }
    for (const QLabel* l : dialog->findChildren<QLabel*>()) {
        if (l->isVisible() && !l->wordWrap() && !l->text().isEmpty() && l->sizeHint().width() > l->width()) {
            found << QStringLiteral("%1: '%2' needs %3 px, has %4")
                         .arg(name, l->text())
                         .arg(l->sizeHint().width())
                         .arg(l->width());
        }
    }
    return found;
}

QString artifactsDir() {
    const QString dir =
        qEnvironmentVariable("PROMPTMASK_BINARY_DIR") + QStringLiteral("/test-artifacts/i18n");
    QDir().mkpath(dir);
    return dir;
}

}  // namespace

class TestTranslatedUi : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { pm::ui::testing::useTestSettings(QStringLiteral("test_translated_ui")); }

    // Settings → Language saves the choice; the next start (installTranslators) shows that language.
    void languageMenuChoiceAppliesAtNextStart() {
        QSettings().clear();
        QCOMPARE(LanguageChoice::saved(), QString());  // default: the system's language
        QCOMPARE(LanguageChoice::effectiveLocale().name(), QLocale::system().name());
        LanguageMenu menu;
        QAction* french = nullptr;
        for (QAction* a : menu.actions()) {
            if (a->data().toString() == "fr") {
                french = a;
            }
        }
        QVERIFY(french);
        QTimer::singleShot(0, [] {  // the "applies at the next start" message box
            if (QWidget* box = QApplication::activeModalWidget()) {
                box->close();
            }
        });
        french->trigger();
        QCOMPARE(LanguageChoice::saved(), QString("fr"));
        QCOMPARE(QCoreApplication::translate("pm::ui::MainWindow", "&File"), QString("&File"));  // not yet
        QCOMPARE(LanguageChoice::installTranslators(*QCoreApplication::instance()), QString("fr"));
        QCOMPARE(QCoreApplication::translate("pm::ui::MainWindow", "&File"), QString("&Fichier"));
        for (QTranslator* t : QCoreApplication::instance()->findChildren<QTranslator*>()) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
        QLocale::setDefault(QLocale::system());
        LanguageChoice::save(QString());
        QCOMPARE(LanguageChoice::saved(), QString());
    }

    void everyLanguage_data() {
        QTest::addColumn<QString>("code");
        for (const LanguageChoice::Language& l : LanguageChoice::available()) {
            QTest::newRow(qPrintable(l.code)) << l.code;
        }
    }

    void everyLanguage() {
        QFETCH(QString, code);
        const QString qmDir =
            qEnvironmentVariable("PROMPTMASK_BINARY_DIR") + "/share/promptmask/translations";
        QTranslator own;
        QTranslator qt;
        if (code != "en") {
            // The compiled translation the package installs, complete for this language.
            QVERIFY2(own.load(QLocale(code), "promptmask", "_", qmDir), qPrintable(qmDir + ": no " + code));
            QVERIFY(QCoreApplication::installTranslator(&own));
            if (qt.load(QLocale(code), "qtbase", "_", QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
                QCoreApplication::installTranslator(&qt);
            }
        }
        auto cleanup = qScopeGuard([&] {
            QCoreApplication::removeTranslator(&own);
            QCoreApplication::removeTranslator(&qt);
        });

        auto probe = std::make_shared<FakeProbe>();
        MainWindow window(FakeSegmenter::factory(probe));
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        if (code != "en") {
            QVERIFY2(window.menuBar()->actions().constFirst()->text() != "&File",
                     "the menus are not translated");
        }

        QStringList problems;
        QStringList top;
        for (QAction* a : window.menuBar()->actions()) {
            top << a->text();
            if (a->menu()) {
                problems << menuClashes(a->menu(), a->text().remove('&'));
            }
        }
        problems << clashes(QStringLiteral("menu bar"), top);
        // The menu bar fits the window: an overflowing one hides its last menus behind a » button.
        QVERIFY2(
            window.menuBar()->sizeHint().width() <= window.width(),
            qPrintable(QStringLiteral("the menu bar needs %1 px").arg(window.menuBar()->sizeHint().width())));
        window.grab().save(artifactsDir() + "/" + code + "-main-window.png");

        ExportDialog exportDialog(QStringLiteral("/data/photos"), 7, 12, &window);
        exportDialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&exportDialog));
        problems << dialogClashes(&exportDialog, QStringLiteral("export dialog"));
        problems << clippedTexts(&exportDialog, QStringLiteral("export dialog"));
        exportDialog.grab().save(artifactsDir() + "/" + code + "-export-dialog.png");

        ShortcutsDialog shortcuts(window.menuBar(), &window);
        shortcuts.show();
        QVERIFY(QTest::qWaitForWindowExposed(&shortcuts));
        problems << dialogClashes(&shortcuts, QStringLiteral("shortcuts dialog"));
        problems << clippedTexts(&shortcuts, QStringLiteral("shortcuts dialog"));
        shortcuts.grab().save(artifactsDir() + "/" + code + "-shortcuts-dialog.png");

        // Model errors that core/ gives a code are worded in the interface language, naming the folder.
        const QString notFound =
            ErrorText::describe(pm::CodedError(pm::ErrorKind::Model, pm::ErrorCode::BundleNotFound,
                                               "/nowhere/model", "/nowhere/model: model bundle not found"));
        QVERIFY(notFound.contains("/nowhere/model"));
        QCOMPARE(notFound == "The model folder /nowhere/model does not exist.", code == "en");

        QVERIFY2(problems.isEmpty(), qPrintable(code + ":\n  " + problems.join("\n  ")));
    }
};

QTEST_MAIN(TestTranslatedUi)
#include "test_translated_ui.moc"
