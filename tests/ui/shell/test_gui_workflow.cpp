// The labelling workflow through the real window and a fake model on the real worker thread:
// folder → prompt → overlay, threshold from cache only, prefetch, keys, visual prompts, persistence,
// failures, and a screenshot for people to look at.
#include <QDoubleSpinBox>
#include <QFile>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include "FakeSegmenter.h"
#include "TestData.h"
#include "WindowDriver.h"
#include "canvas/CanvasView.h"
#include "canvas/tools/BoxTool.h"
#include "docks/LabelsDock.h"
#include "document/DatasetDocument.h"
#include "document/ImageListModel.h"
#include "document/LabelListModel.h"
#include "document/ProjectStore.h"
#include "inference/SegmentationController.h"
#include "shell/MainWindow.h"
#include "shell/NoticeBar.h"
#include "shell/StatusBarWidget.h"

using namespace pm::ui;
using pm::ui::testing::FakeProbe;
using pm::ui::testing::FakeSegmenter;

class TestGuiWorkflow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { pm::ui::testing::useTestSettings(QStringLiteral("test_gui_workflow")); }

    void init() {
        QSettings().clear();
        QVERIFY(dir_.isValid());
        images_ = pm::ui::testing::refillWithImages(dir_.path(), 3);
        probe_ = std::make_shared<FakeProbe>();
        window_ = makeWindow();
        QVERIFY(window_);
    }

    void cleanup() { window_.reset(); }

    void openingAFolderListsItsImages() {
        QVERIFY(window_->openFolder(dir_.path()));
        QCOMPARE(window_->document()->imageModel()->rowCount(), 3);
        QCOMPARE(window_->document()->imageModel()->index(0).data().toString(), QString("img1.png"));
        QCOMPARE(window_->document()->currentRow(), 0);
        QVERIFY(window_->canvas()->hasImage());
        QCOMPARE(window_->canvas()->imageSize(), QSize(320, 240));
        QVERIFY(window_->windowTitle().contains("img1.png"));
    }

    void typingAPromptYieldsAMaskOverlay() {
        window_->openFolder(dir_.path());
        typePrompt("a glass");
        QTRY_VERIFY(area(0) > 0);
        QCOMPARE(probe_->segmentCalls.load(), 1);
        QCOMPARE(window_->document()->labelModel()->label(0).name, QString("a glass"));
        QCOMPARE(window_->document()->imageModel()->status(0), ImageStatus::Auto);
        // The overlay really has coloured pixels where the mask is.
        const QImage overlay = window_->document()->overlayImage();
        QCOMPARE(overlay.size(), QSize(320, 240));
        qint64 painted = 0;
        for (int y = 0; y < overlay.height(); ++y) {
            for (int x = 0; x < overlay.width(); ++x) {
                painted += qAlpha(overlay.pixel(x, y)) > 0;
            }
        }
        QCOMPARE(painted, area(0));
        QVERIFY(window_->statusBarWidget()->timingsText().contains("decode"));
    }

    void thresholdChangesAreaMonotonicallyWithoutAModelCall() {
        window_->openFolder(dir_.path());
        typePrompt("a glass");
        QTRY_VERIFY(area(0) > 0);
        const int calls = probe_->segmentCalls.load();
        const int undoBefore = window_->document()->undoStack()->count();
        QSlider* slider = window_->labelsDock()->thresholdSlider();
        qint64 previous = std::numeric_limits<qint64>::max();
        for (int v = 0; v <= 100; v += 10) {
            slider->setValue(v);
            QCOMPARE(window_->document()->labelModel()->label(0).threshold, v / 100.0);
            QVERIFY2(area(0) < previous || (v == 100 && area(0) == 0),
                     qPrintable(
                         QStringLiteral("threshold %1: area %2 after %3").arg(v).arg(area(0)).arg(previous)));
            previous = area(0);
        }
        QCOMPARE(area(0), qint64(0));
        QCOMPARE(probe_->segmentCalls.load(), calls);  // cached probabilities only
        QCOMPARE(window_->labelsDock()->thresholdSpin()->value(), 1.0);
        // One slider drag is one undo step, back to where it started.
        QCOMPARE(window_->document()->undoStack()->count(), undoBefore + 1);
        window_->document()->undoStack()->undo();
        QCOMPARE(window_->document()->labelModel()->label(0).threshold, 0.5);
        QVERIFY(area(0) > 0);
        QCOMPARE(probe_->segmentCalls.load(), calls);
    }

    // A threshold step on a Full HD image re-renders from the cached probabilities, with no model call.
    // How long that takes is benchmarks/bench_threshold's business (against showing the image).
    void thresholdOnFullHdNeedsNoModel() {
        QTemporaryDir big;
        pm::ui::testing::writeImages(big.path(), 1, QSize(1920, 1080));
        window_->openFolder(big.path());
        typePrompt("a glass");
        QTRY_VERIFY_WITH_TIMEOUT(area(0) > 0, 10000);
        QTRY_VERIFY(!window_->controller()->isBusy());
        const int calls = probe_->segmentCalls.load();
        qint64 previous = area(0);
        for (int i = 1; i <= 10; ++i) {
            window_->labelsDock()->thresholdSpin()->setValue(0.5 + i * 0.03);
            QVERIFY2(area(0) < previous, qPrintable(QStringLiteral("step %1: area %2").arg(i).arg(area(0))));
            previous = area(0);
        }
        QCOMPARE(window_->document()->overlayImage().size(), QSize(1920, 1080));
        QCOMPARE(probe_->segmentCalls.load(), calls);
        QVERIFY(!window_->controller()->isBusy());
    }

    void eventLoopKeepsRunningDuringSlowInference() {
        window_->openFolder(dir_.path());
        probe_->delayMs = 400;
        pm::ui::testing::EventLoopProbe loop;
        typePrompt("a cat");
        QVERIFY(window_->controller()->isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(area(0) > 0, 10000);
        QVERIFY(loop.stop() >= 700);
        QVERIFY2(loop.keptRunning(), qPrintable(loop.describe()));
    }

    void prefetchHitsTheCacheOnTheNextImage() {
        window_->openFolder(dir_.path());
        probe_->delayMs = 50;
        typePrompt("a glass");
        QTRY_VERIFY(area(0) > 0);
        // Idle again: the worker encodes the neighbour in the background.
        QTRY_VERIFY_WITH_TIMEOUT(contains(probe_->logCopy(), "encode img2.png"), 5000);
        QTRY_COMPARE(probe_->encodeCalls.load(), 2);
        QTest::keyClick(window_->canvas(), Qt::Key_D);
        QCOMPARE(window_->document()->currentRow(), 1);
        QTRY_VERIFY(area(0) > 0);
        QCOMPARE(probe_->cacheHits.load(), 1);
        QCOMPARE(probe_->encodeCalls.load(), 2);  // no second encoding of img2
        QVERIFY2(window_->statusBarWidget()->timingsText().contains("cached"),
                 qPrintable(window_->statusBarWidget()->timingsText()));
        QVERIFY(window_->statusBarWidget()->cacheText().contains("image"));
    }

    void keysSelectLabelsAndImages() {
        window_->openFolder(dir_.path());
        for (const char* name : {"cat", "dog", "bird"}) {
            window_->labelsDock()->addLabel(name);
        }
        window_->canvas()->setFocus();
        QTest::keyClick(window_->canvas(), Qt::Key_2);
        QCOMPARE(window_->labelsDock()->selectedRow(), 1);
        QTest::keyClick(window_->canvas(), Qt::Key_1);
        QCOMPARE(window_->labelsDock()->selectedRow(), 0);
        QTest::keyClick(window_->canvas(), Qt::Key_3);
        QCOMPARE(window_->labelsDock()->selectedRow(), 2);
        QTest::keyClick(window_->canvas(), Qt::Key_9);  // no ninth label: nothing changes
        QCOMPARE(window_->labelsDock()->selectedRow(), 2);

        QTest::keyClick(window_->canvas(), Qt::Key_D);
        QCOMPARE(window_->document()->currentRow(), 1);
        QTest::keyClick(window_->canvas(), Qt::Key_Right);
        QCOMPARE(window_->document()->currentRow(), 2);
        QTest::keyClick(window_->canvas(), Qt::Key_D);  // last image: stays
        QCOMPARE(window_->document()->currentRow(), 2);
        QTest::keyClick(window_->canvas(), Qt::Key_A);
        QCOMPARE(window_->document()->currentRow(), 1);
        QTest::keyClick(window_->canvas(), Qt::Key_Left);
        QCOMPARE(window_->document()->currentRow(), 0);
    }

    void aBoxBecomesAVisualPromptOnEveryImage() {
        window_->openFolder(dir_.path());
        window_->labelsDock()->addLabel("thing");
        QTest::keyClick(window_->canvas(), Qt::Key_B);
        QVERIFY(window_->canvas()->tool() == window_->canvas()->tools().box);
        CanvasView* canvas = window_->canvas();
        const QPoint from = canvas->mapFromScene(QPointF(100, 80));
        const QPoint to = canvas->mapFromScene(QPointF(180, 150));
        QTest::mousePress(canvas->viewport(), Qt::LeftButton, {}, from);
        QTest::mouseMove(canvas->viewport(), (from + to) / 2);
        QTest::mouseMove(canvas->viewport(), to);
        QTest::mouseRelease(canvas->viewport(), Qt::LeftButton, {}, to);
        const LabelDefinition label = window_->document()->labelModel()->label(0);
        QCOMPARE(label.exemplars.size(), 1);
        const QRect box = label.exemplars[0].box;
        QVERIFY2(
            std::abs(box.left() - 100) <= 2 && std::abs(box.bottom() - 150) <= 2,
            qPrintable(
                QStringLiteral("%1,%2 %3x%4").arg(box.x()).arg(box.y()).arg(box.width()).arg(box.height())));
        QCOMPARE(label.exemplars[0].mode, pm::VisualPromptMode::CropBlurHighlight);
        QVERIFY(!label.exemplars[0].thumbnail.isNull());
        QCOMPARE(label.exemplars[0].imagePath, images_[0]);
        QTRY_VERIFY(area(0) > 0);
        // The exemplar drawn on img1 segments img2 as well.
        QTest::keyClick(window_->canvas(), Qt::Key_D);
        QTRY_VERIFY(area(0) > 0);
        QCOMPARE(window_->document()->session().path(), images_[1]);
    }

    void labelsAreSavedWithTheDataset() {
        window_->openFolder(dir_.path());
        typePrompt("a glass");
        window_->labelsDock()->setThreshold(0, 0.42);
        window_->labelsDock()->addLabel("cat");
        QVERIFY(pm::ui::testing::triggerAction(*window_, "&Overlapping (independent masks)"));
        window_.reset();  // closing saves
        QVERIFY(QFile::exists(ProjectStore::labelsPath(dir_.path())));

        window_ = makeWindow();
        window_->openFolder(dir_.path());
        QCOMPARE(window_->document()->labelModel()->rowCount(), 2);
        QCOMPARE(window_->document()->labelModel()->label(0).prompts, QStringList{"a glass"});
        QCOMPARE(window_->document()->labelModel()->label(0).threshold, 0.42);
        QCOMPARE(window_->document()->labelModel()->label(1).name, QString("cat"));
        QTRY_VERIFY(area(0) > 0);  // auto-segmented on open with the saved labels
        QTRY_VERIFY(area(1) > 0);
    }

    void failuresAreShownAndTheAppKeepsWorking() {
        QFile bad(dir_.filePath("img15.png"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("this is not a png");
        bad.close();
        window_->openFolder(dir_.path());
        typePrompt("a glass");
        QTRY_VERIFY(area(0) > 0);
        window_->document()->goToImage(3);  // img15.png, naturally after img3
        QCOMPARE(window_->document()->imageModel()->status(3), ImageStatus::Error);
        QVERIFY(window_->noticeBar()->isVisible());
        QVERIFY(window_->noticeBar()->text().contains("img15.png"));
        window_->document()->goToImage(0);
        QTRY_VERIFY(area(0) > 0);

        typePrompt("fail");  // the fake model throws for this prompt
        QTRY_VERIFY(window_->noticeBar()->isVisible() &&
                    window_->noticeBar()->text().contains("Segmentation failed"));
        QCOMPARE(window_->document()->imageModel()->status(0), ImageStatus::Error);
        typePrompt("a cup");
        QTRY_VERIFY(area(0) > 0);
    }

    void overlapModesDiffer() {
        window_->openFolder(dir_.path());
        typePrompt("a glass");
        window_->labelsDock()->addLabel("a plate");
        window_->labelsDock()->setThreshold(0, 0.1);
        window_->labelsDock()->setThreshold(1, 0.1);
        QTRY_VERIFY(area(0) > 0 && area(1) > 0);
        const qint64 exclusive = area(0) + area(1);
        QVERIFY(pm::ui::testing::triggerAction(*window_, "&Overlapping (independent masks)"));
        const qint64 overlapping = area(0) + area(1);
        QVERIFY2(overlapping > exclusive,
                 qPrintable(QStringLiteral("%1 vs %2").arg(overlapping).arg(exclusive)));
        // One Ctrl+Z takes the mode back, and the menu shows it.
        QTest::keyClick(window_->canvas(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(area(0) + area(1), exclusive);
        QCOMPARE(window_->document()->overlapMode(), OverlapMode::Exclusive);
        for (QAction* action : window_->findChildren<QAction*>()) {
            if (action->text() == "&Exclusive (highest probability wins)") {
                QVERIFY(action->isChecked());
            } else if (action->text() == "&Overlapping (independent masks)") {
                QVERIFY(!action->isChecked());
            }
        }
    }

    void probabilityUnderTheCursorIsShown() {
        window_->openFolder(dir_.path());
        typePrompt("a glass");
        QTRY_VERIFY(area(0) > 0);
        CanvasView* canvas = window_->canvas();
        QTest::mouseMove(canvas->viewport(), canvas->mapFromScene(QPointF(160, 120)));
        QTRY_VERIFY(window_->statusBarWidget()->cursorText().contains("p(a glass) = "));
    }

    void screenshotWithOverlays() {
        QTemporaryDir shots;
        pm::ui::testing::writeImages(shots.path(), 4, QSize(640, 480), "photo");
        window_->openFolder(shots.path());
        typePrompt("a glass");
        window_->labelsDock()->addLabel("a plate");
        window_->labelsDock()->addLabel("the table");
        window_->labelsDock()->selectRow(0);
        QTRY_VERIFY(area(0) > 0 && area(1) > 0 && area(2) > 0);
        QTest::keyClick(window_->canvas(), Qt::Key_D);
        QTRY_VERIFY(area(0) > 0 && area(1) > 0 && area(2) > 0);
        QTRY_VERIFY(!window_->controller()->isBusy());
        const QImage shot = window_->grab().toImage();
        QVERIFY(!shot.isNull());
        const QString path = QDir(pm::ui::testing::artifactsDir()).filePath("main_window.png");
        QVERIFY(shot.save(path));
        qInfo("screenshot: %s", qPrintable(path));
    }

private:
    std::unique_ptr<MainWindow> makeWindow() { return pm::ui::testing::openWindowWithFakeModel(probe_); }

    // As a person would: T, type, Enter.
    void typePrompt(const QString& text) { QVERIFY(pm::ui::testing::typePrompt(*window_, text)); }

    qint64 area(int label) const { return pm::ui::testing::labelArea(*window_, label); }

    static bool contains(const std::vector<std::string>& log, const std::string& entry) {
        return std::find(log.begin(), log.end(), entry) != log.end();
    }

    QTemporaryDir dir_;
    QStringList images_;
    std::shared_ptr<FakeProbe> probe_;
    std::unique_ptr<MainWindow> window_;
};

QTEST_MAIN(TestGuiWorkflow)
#include "test_gui_workflow.moc"
