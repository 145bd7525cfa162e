// The main window opens offscreen with its title, menus and docks; the model states are clear.
#include <QDialog>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
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
#include <QUndoStack>
#include <QtTest>

#include "FakeSegmenter.h"
#include "TestData.h"
#include "canvas/CanvasView.h"
#include "docks/LabelsDock.h"
#include "document/DatasetDocument.h"
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
        QCOMPARE(menus, (QStringList{"File", "Edit", "View", "Image", "Settings", "Help"}));
        QStringList docks;
        for (QDockWidget* d : window_->findChildren<QDockWidget*>()) {
            QVERIFY(d->isVisible());
            docks << d->windowTitle();
        }
        docks.sort();
        QCOMPARE(docks, (QStringList{"Images", "Labels"}));
        QVERIFY(window_->statusBar()->isVisible());
    }

    // Help → Keyboard Shortcuts lists the keys the menus really have, read from the actions. The dialog
    // is read inside its own event loop and closed there; every check runs after it, so none can be
    // skipped when no dialog opens, and a failing one cannot leave the dialog open.
    void shortcutsDialogListsTheRealKeys() {
        bool timerRan = false;
        bool opened = false;
        QHash<QString, QString> byAction;
        QImage shot;
        QTimer::singleShot(0, [&] {
            timerRan = true;
            auto* dialog = qobject_cast<ShortcutsDialog*>(QApplication::activeModalWidget());
            if (!dialog) {
                return;
            }
            opened = true;
            for (const auto& [key, action] : dialog->rows()) {
                byAction.insert(action, key);
            }
            shot = dialog->grab().toImage();
            dialog->reject();
        });
        QTest::keyClick(window_.get(), Qt::Key_Slash, Qt::ControlModifier);
        QTRY_VERIFY(timerRan);
        QVERIFY2(opened, "Ctrl+/ opened no shortcuts dialog");
        QVERIFY(!QApplication::activeModalWidget());
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
        QVERIFY(shot.save(QDir(pm::ui::testing::artifactsDir()).filePath("shortcuts_dialog.png")));
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
        QCOMPARE(window_->document()->imageModel()->rowCount(), 2);
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
        QCOMPARE(window_->document()->labelModel()->rowCount(), 0);
        // With no labels the dock says how to make one instead of showing an empty list.
        auto* hint = window_->labelsDock()->findChild<QLabel*>("labelsEmptyHint");
        QVERIFY(hint);
        QVERIFY(hint->isVisible());
        QVERIFY(hint->text().contains("Press T"));
        QVERIFY(!window_->labelsDock()->view()->isVisible());
        QTest::keyClick(window_.get(), Qt::Key_T);
        QCOMPARE(window_->document()->labelModel()->rowCount(), 1);
        QVERIFY(!hint->isVisible());
        QVERIFY(window_->labelsDock()->view()->isVisible());
        QTRY_VERIFY(window_->labelsDock()->promptEdit()->hasFocus());
        QCOMPARE(window_->labelsDock()->selectedRow(), 0);
        // Typing goes into the prompt, not to single-key shortcuts.
        QTest::keyClicks(window_->labelsDock()->promptEdit(), "a dog");
        QTest::keyClick(window_->labelsDock()->promptEdit(), Qt::Key_Return);
        QCOMPARE(window_->document()->labelModel()->label(0).prompts, QStringList{"a dog"});
        QCOMPARE(window_->document()->labelModel()->label(0).name, QString("a dog"));
        QCOMPARE(window_->document()->labelModel()->rowCount(), 1);
    }

    // Where keys go (USER_GUIDE.md, "The keyboard"). Keys are sent to whatever has the focus, as a
    // keyboard does; x11.keyboard_loop checks the same in a real window.
    void canvasHasTheKeyboardAtStartAndAfterEnterOrEsc() {
        window_->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window_.get()));
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(window_->canvas()));
        press(Qt::Key_T);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(window_->labelsDock()->promptEdit()));
        type("a dog");
        press(Qt::Key_Return);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(window_->canvas()));
        QCOMPARE(window_->document()->labelModel()->label(0).prompts, QStringList{"a dog"});
        // Esc leaves the field and drops what was typed there.
        press(Qt::Key_T);
        type("junk");
        press(Qt::Key_Escape);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(window_->canvas()));
        QCOMPARE(window_->labelsDock()->promptEdit()->text(), QString("a dog"));
        QCOMPARE(window_->document()->labelModel()->label(0).prompts, QStringList{"a dog"});
        // A single letter is a command again: a second label, then `1` selects the first.
        press(Qt::Key_L, Qt::ControlModifier);
        QCOMPARE(window_->labelsDock()->selectedRow(), 1);
        press(Qt::Key_1);
        QCOMPARE(window_->labelsDock()->selectedRow(), 0);
        // Enter in the threshold field gives the keyboard back as well.
        window_->labelsDock()->thresholdSpin()->setFocus();
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(window_->labelsDock()->thresholdSpin()));
        press(Qt::Key_Return);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(window_->canvas()));
    }

    // In a text field Ctrl+Z first undoes the typing there; with none left it is the window's Undo.
    void ctrlZInATextFieldUndoesTheTypingFirst() {
        window_->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window_.get()));
        press(Qt::Key_T);
        type("a dog");
        press(Qt::Key_Return);
        QCOMPARE(window_->document()->labelModel()->label(0).prompts, QStringList{"a dog"});
        const int index = window_->document()->undoStack()->index();
        press(Qt::Key_T);
        type("a cat");
        QLineEdit* prompt = window_->labelsDock()->promptEdit();
        for (int i = 0; i < 10 && prompt->isUndoAvailable(); ++i) {
            press(Qt::Key_Z, Qt::ControlModifier);
            QCOMPARE(window_->document()->undoStack()->index(), index);  // the field's own undo
        }
        QVERIFY(!prompt->isUndoAvailable());
        QCOMPARE(prompt->text(), QString("a dog"));
        press(Qt::Key_Z, Qt::ControlModifier);  // nothing left in the field: the dataset's last edit
        QCOMPARE(window_->document()->undoStack()->index(), index - 1);
        QCOMPARE(window_->document()->labelModel()->label(0).prompts, QStringList{});
        press(Qt::Key_Escape);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(window_->canvas()));
        press(Qt::Key_Z, Qt::ShiftModifier | Qt::ControlModifier);  // redo, from the canvas
        QCOMPARE(window_->document()->labelModel()->label(0).prompts, QStringList{"a dog"});
    }

    // A dialog opened while a text field had the keyboard gives it to the canvas when it closes.
    void canvasHasTheKeyboardAfterADialogCloses() {
        window_->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window_.get()));
        press(Qt::Key_T);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(window_->labelsDock()->promptEdit()));
        bool opened = false;
        QTimer::singleShot(0, [&] {
            if (auto* dialog = QApplication::activeModalWidget()) {
                opened = true;
                qobject_cast<QDialog*>(dialog)->reject();
            }
        });
        press(Qt::Key_Slash, Qt::ControlModifier);
        QTRY_VERIFY(opened);
        // The window's focus child: offscreen, nothing activates the window again (x11 checks that).
        QTRY_COMPARE(window_->focusWidget(), static_cast<QWidget*>(window_->canvas()));
    }

    // The viewer and the model disagree on an image's size (here: the model ignores its EXIF
    // orientation): the masks cannot be placed, and the user is told so instead of seeing nothing.
    void viewerAndModelSizesDisagreeIsAnErrorTheUserSees() {
        QTemporaryDir dir;
        QVERIFY(pm::ui::testing::writeExifRotatedJpeg(dir.filePath("turned.jpg"), 40, 20));
        probe_->ignoreExif = true;
        QSignalSpy loaded(window_->controller(), &SegmentationController::modelLoaded);
        window_->loadModel("bundles/fake");
        QVERIFY(loaded.wait(5000));
        QVERIFY(window_->openFolder(dir.path()));
        window_->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window_.get()));
        press(Qt::Key_T);
        type("a dog");
        press(Qt::Key_Return);
        QTRY_COMPARE(window_->document()->imageModel()->status(0), ImageStatus::Error);
        const QString text = window_->noticeBar()->text();
        QVERIFY2(text.contains("turned.jpg") && text.contains("40×20") && text.contains("20×40"),
                 qPrintable(text));
        QCOMPARE(window_->noticeBar()->kind(), NoticeBar::Kind::Error);
    }

private:
    // A key as the keyboard delivers it: to the widget with the focus (the window when none has it).
    void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
        QWidget* target = QApplication::focusWidget();
        QTest::keyClick(target ? target : window_.get(), key, modifiers);
    }
    void type(const QString& text) {
        QWidget* target = QApplication::focusWidget();
        QTest::keyClicks(target ? target : window_.get(), text);
    }

    std::shared_ptr<FakeProbe> probe_;
    std::unique_ptr<MainWindow> window_;
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
