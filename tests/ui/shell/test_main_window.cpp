// The main window opens offscreen with its title, menus and docks; the model states are clear.
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include "FakeSegmenter.h"
#include "TestData.h"
#include "docks/LabelsDock.h"
#include "document/ImageListModel.h"
#include "document/LabelListModel.h"
#include "inference/SegmentationController.h"
#include "shell/MainWindow.h"
#include "shell/NoticeBar.h"
#include "shell/ShortcutsDialog.h"
#include "shell/StatusBarWidget.h"

using namespace pm::ui;
using pm::ui::testing::FakeProbe;
using pm::ui::testing::FakeSegmenter;

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { pm::ui::testing::useTestSettings(QStringLiteral("test_main_window")); }

    void init() {
        QSettings().clear();
        probe_ = std::make_shared<FakeProbe>();
        window_ = std::make_unique<MainWindow>(FakeSegmenter::factory(probe_));
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    }

    void cleanup() { window_.reset(); }

    void opensWithTitleMenusAndDocks() {
        QVERIFY(window_->windowTitle().startsWith("PromptMask"));
        QStringList menus;
        for (QAction* a : window_->menuBar()->actions()) {
            menus << a->text().remove('&');
        }
        QCOMPARE(menus, (QStringList{"File", "Edit", "View", "Image", "Help"}));
        QStringList docks;
        for (QDockWidget* d : window_->findChildren<QDockWidget*>()) {
            QVERIFY(d->isVisible());
            docks << d->windowTitle();
        }
        docks.sort();
        QCOMPARE(docks, (QStringList{"Images", "Labels"}));
        QVERIFY(window_->statusBar()->isVisible());
    }

    // Help → Keyboard Shortcuts lists the keys the menus really have, read from the actions.
    void shortcutsDialogListsTheRealKeys() {
        QTimer::singleShot(0, [] {
            auto* dialog = qobject_cast<ShortcutsDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QHash<QString, QString> byAction;
            for (const auto& [key, action] : dialog->rows()) {
                byAction.insert(action, key);
            }
            QCOMPARE(byAction.value("Edit › Polygon Fill"), QString("G"));
            QCOMPARE(byAction.value("Edit › Paint Brush"), QString("P"));
            QCOMPARE(byAction.value("File › Export Dataset"),
                     QKeySequence("Ctrl+E").toString(QKeySequence::NativeText));
            QCOMPARE(byAction.value("Image › Next Image"),
                     QString("D, ") + QKeySequence(Qt::Key_Right).toString(QKeySequence::NativeText));
            QVERIFY(byAction.contains("Pan"));
            // Every key the user guide names for these works, whatever the platform theme's first key is.
            QVERIFY2(byAction.value("Edit › Redo")
                         .contains(QKeySequence("Ctrl+Shift+Z").toString(QKeySequence::NativeText)),
                     qPrintable(byAction.value("Edit › Redo")));
            QVERIFY(byAction.value("File › Quit")
                        .contains(QKeySequence("Ctrl+Q").toString(QKeySequence::NativeText)));
            QVERIFY(!byAction.contains("Edit › Remove Label"));  // no key: not listed
            const QImage shot = dialog->grab().toImage();
            QVERIFY(shot.save(QDir(pm::ui::testing::artifactsDir()).filePath("shortcuts_dialog.png")));
            dialog->reject();
        });
        QTest::keyClick(window_.get(), Qt::Key_Slash, Qt::ControlModifier);
        QVERIFY(!QApplication::activeModalWidget());
    }

    void withoutAModelSaysHowToGetOne() {
        QVERIFY(window_->noticeBar()->isVisible());
        const QString text = window_->noticeBar()->text();
        QVERIFY2(text.contains("No model loaded"), qPrintable(text));
        QVERIFY(text.contains("packaging/models/export_clipseg.py"));
        QVERIFY(text.contains("demo"));
        QCOMPARE(window_->statusBarWidget()->modelText(), QString("No model"));
        QVERIFY(window_->windowTitle().contains("no model"));
    }

    void titleAndStatusBarNameTheLoadedModel() {
        QSignalSpy loaded(window_->controller(), &SegmentationController::modelLoaded);
        window_->loadModel("bundles/fake");
        QVERIFY(loaded.wait(5000));
        QVERIFY2(window_->windowTitle().contains(FakeSegmenter::kModelName),
                 qPrintable(window_->windowTitle()));
        QCOMPARE(window_->statusBarWidget()->modelText(),
                 QString("Model: %1").arg(FakeSegmenter::kModelName));
        QVERIFY(!window_->noticeBar()->isVisible());
    }

    void brokenModelIsAClearMessageAndTheAppKeepsWorking() {
        QSignalSpy failed(window_->controller(), &SegmentationController::modelFailed);
        window_->loadModel("/models/broken");
        QVERIFY(failed.wait(5000));
        QCOMPARE(window_->noticeBar()->kind(), NoticeBar::Kind::Error);
        QVERIFY(window_->noticeBar()->text().contains("manifest.json"));
        QVERIFY(window_->noticeBar()->text().contains("could not be loaded"));
        QTemporaryDir dir;
        pm::ui::testing::writeImages(dir.path(), 2);
        QVERIFY(window_->openFolder(dir.path()));
        QCOMPARE(window_->imageModel()->rowCount(), 2);
    }

    // Found by hand: a model finishing its load used to hide the warning about an unreadable labels file.
    void unreadableLabelsWarningOutlivesTheModelLoad() {
        QTemporaryDir dir;
        pm::ui::testing::writeImages(dir.path(), 1);
        QVERIFY(QDir(dir.path()).mkpath(".promptmask"));
        QFile labels(dir.filePath(".promptmask/labels.json"));
        QVERIFY(labels.open(QIODevice::WriteOnly));
        labels.write(R"({"format": "promptmask-labels", "version": 1, "labels": [{"id": 7, "name": "x"}]})");
        labels.close();
        // As at start-up: the model loads on the worker while the folder opens.
        QSignalSpy loaded(window_->controller(), &SegmentationController::modelLoaded);
        window_->loadModel("bundles/fake");
        QVERIFY(window_->openFolder(dir.path()));
        QVERIFY(window_->noticeBar()->isVisible());
        QCOMPARE(window_->noticeBar()->topic(), NoticeBar::Topic::Labels);
        QTRY_COMPARE(loaded.count(), 1);
        QVERIFY(window_->noticeBar()->isVisible());
        QCOMPARE(window_->noticeBar()->topic(), NoticeBar::Topic::Labels);
        QVERIFY2(window_->noticeBar()->text().contains("labels could not be read"),
                 qPrintable(window_->noticeBar()->text()));
    }

    void keyTCreatesAFirstLabelAndFocusesItsPrompt() {
        window_->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window_.get()));
        QCOMPARE(window_->labelModel()->rowCount(), 0);
        // With no labels the dock says how to make one instead of showing an empty list.
        auto* hint = window_->labelsDock()->findChild<QLabel*>("labelsEmptyHint");
        QVERIFY(hint);
        QVERIFY(hint->isVisible());
        QVERIFY(hint->text().contains("Press T"));
        QVERIFY(!window_->labelsDock()->view()->isVisible());
        QTest::keyClick(window_.get(), Qt::Key_T);
        QCOMPARE(window_->labelModel()->rowCount(), 1);
        QVERIFY(!hint->isVisible());
        QVERIFY(window_->labelsDock()->view()->isVisible());
        QTRY_VERIFY(window_->labelsDock()->promptEdit()->hasFocus());
        QCOMPARE(window_->labelsDock()->selectedRow(), 0);
        // Typing goes into the prompt, not to single-key shortcuts.
        QTest::keyClicks(window_->labelsDock()->promptEdit(), "a dog");
        QTest::keyClick(window_->labelsDock()->promptEdit(), Qt::Key_Return);
        QCOMPARE(window_->labelModel()->label(0).prompts, QStringList{"a dog"});
        QCOMPARE(window_->labelModel()->label(0).name, QString("a dog"));
        QCOMPARE(window_->labelModel()->rowCount(), 1);
    }

private:
    std::shared_ptr<FakeProbe> probe_;
    std::unique_ptr<MainWindow> window_;
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
