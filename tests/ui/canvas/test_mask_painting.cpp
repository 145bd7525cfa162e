// Brush and eraser through the real window (fake model on the real worker thread): strokes change the
// selected label's mask on top of the model, survive threshold changes, new model maps and moving
// between images, undo and redo (also from another image), and are what gets saved.
#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QtTest>
#include <opencv2/core.hpp>

#include "FakeSegmenter.h"
#include "TestData.h"
#include "WindowDriver.h"
#include "canvas/CanvasView.h"
#include "canvas/tools/BrushTool.h"
#include "canvas/tools/FillTool.h"
#include "canvas/tools/PolygonTool.h"
#include "docks/LabelsDock.h"
#include "document/AnnotationFile.h"
#include "document/DatasetDocument.h"
#include "document/ImageListModel.h"
#include "document/LabelListModel.h"
#include "inference/SegmentationController.h"
#include "shell/MainWindow.h"
#include "shell/StatusBarWidget.h"

using namespace pm::ui;
using pm::ui::testing::FakeProbe;

class TestMaskPainting : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { pm::ui::testing::useTestSettings(QStringLiteral("test_mask_painting")); }

    void init() {
        QSettings().clear();
        QVERIFY(dir_.isValid());
        images_ = pm::ui::testing::refillWithImages(dir_.path(), 3);
        probe_ = std::make_shared<FakeProbe>();
        window_ = pm::ui::testing::openWindowWithFakeModel(probe_);
        QVERIFY(window_);
        window_->document()->setAutosave(false);
        window_->openFolder(dir_.path());
        QVERIFY(pm::ui::testing::typePrompt(*window_, QStringLiteral("a glass")));
        QTRY_VERIFY(pm::ui::testing::labelArea(*window_, 0) > 0);
        QTRY_VERIFY(!window_->controller()->isBusy());
        // Where the model says nothing (a corner) and where it says "glass" (the most probable pixel).
        const cv::Mat p =
            window_->document()->session().probability(window_->document()->labelModel()->label(0));
        QCOMPARE(p.at<float>(5, 5), 0.0f);
        cv::Point peak;
        cv::minMaxLoc(p, nullptr, nullptr, nullptr, &peak);
        peak_ = QPoint(peak.x, peak.y);
    }

    void cleanup() { window_.reset(); }

    void strokesPaintAndEraseTheSelectedLabel() {
        const qint64 modelArea = area();
        QTest::keyClick(window_->canvas(), Qt::Key_P);
        QVERIFY(window_->canvas()->tool() == window_->canvas()->tools().brush);
        QVERIFY2(window_->statusBarWidget()->currentMessage().contains(QStringLiteral("paint into a glass")),
                 qPrintable(window_->statusBarWidget()->currentMessage()));
        drag({QPoint(5, 5), QPoint(40, 5)});
        QCOMPARE(pixel(QPoint(20, 5)), 255);
        QCOMPARE(pixel(QPoint(20, 5 + window_->canvas()->brushRadius())), 255);
        QCOMPARE(pixel(QPoint(20, 6 + window_->canvas()->brushRadius())), 0);
        QVERIFY(area() > modelArea);
        QCOMPARE(window_->document()->imageModel()->status(0), ImageStatus::Edited);

        QTest::keyClick(window_->canvas(), Qt::Key_E);
        QVERIFY(window_->canvas()->tool() == window_->canvas()->tools().eraser);
        drag({peak_});
        QCOMPARE(pixel(peak_), 0);
        // Pressing the tool's key again goes back to plain navigation: a drag no longer paints.
        QTest::keyClick(window_->canvas(), Qt::Key_E);
        QVERIFY(window_->canvas()->tool() == nullptr);
        const qint64 before = area();
        drag({QPoint(300, 200), QPoint(310, 230)});
        QCOMPARE(area(), before);

        // The edits sit on top of the model: a threshold change moves the rest of the mask only.
        window_->labelsDock()->setThreshold(0, 0.9);
        QCOMPARE(pixel(QPoint(20, 5)), 255);
        QCOMPARE(pixel(peak_), 0);
        window_->labelsDock()->setThreshold(0, 0.5);

        // Saved as shown.
        QSignalSpy saved(window_->document(), &DatasetDocument::annotationSaved);
        QTest::keyClick(window_->canvas(), Qt::Key_S, Qt::ControlModifier);
        QCOMPARE(saved.count(), 1);
        QCOMPARE(window_->document()->imageModel()->status(0), ImageStatus::Done);
        const cv::Mat file = savedMask(images_[0]);
        QCOMPARE(file.at<uchar>(5, 20), uchar(255));
        QCOMPARE(file.at<uchar>(peak_.y(), peak_.x()), uchar(0));
        QCOMPARE(qint64(cv::countNonZero(file)), area());
    }

    void undoRedoAndOtherImages() {
        QTest::keyClick(window_->canvas(), Qt::Key_P);
        const int steps = window_->document()->undoStack()->count();
        drag({QPoint(5, 5), QPoint(40, 5)});
        QCOMPARE(window_->document()->undoStack()->count(), steps + 1);
        QCOMPARE(pixel(QPoint(20, 5)), 255);
        QTest::keyClick(window_->canvas(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(pixel(QPoint(20, 5)), 0);
        window_->document()->undoStack()->redo();
        QCOMPARE(pixel(QPoint(20, 5)), 255);

        // Another image and back: the unsaved stroke is still there (autosave is off here).
        window_->document()->nextImage();
        QCOMPARE(window_->document()->session().path(), images_[1]);
        waitForModel();
        QCOMPARE(pixel(QPoint(20, 5)), 0);  // strokes belong to their image
        QCOMPARE(window_->document()->imageModel()->status(0), ImageStatus::Edited);
        // Undoing from here changes img1, not the image shown.
        window_->document()->undoStack()->undo();
        QCOMPARE(pixel(QPoint(20, 5)), 0);
        window_->document()->previousImage();
        waitForModel();
        QCOMPARE(pixel(QPoint(20, 5)), 0);
        window_->document()->undoStack()->redo();
        QCOMPARE(pixel(QPoint(20, 5)), 255);

        // A new model map (the prompt changed) keeps the stroke.
        const int calls = probe_->segmentCalls.load();
        QVERIFY(pm::ui::testing::typePrompt(*window_, QStringLiteral("a cup")));
        QTRY_VERIFY(probe_->segmentCalls.load() > calls);
        QTRY_VERIFY(!window_->controller()->isBusy());
        QVERIFY(window_->document()
                    ->session()
                    .probability(window_->document()->labelModel()->label(0))
                    .at<float>(5, 20) < 0.5f);
        QCOMPARE(pixel(QPoint(20, 5)), 255);
    }

    void editsOnASavedAnnotationAreSavedToo() {
        QTest::keyClick(window_->canvas(), Qt::Key_S, Qt::ControlModifier);
        const cv::Mat first = savedMask(images_[0]);
        QCOMPARE(first.at<uchar>(5, 20), uchar(0));
        // Reopen: the saved annotation is shown; paint on it and save again.
        window_->document()->nextImage();
        window_->document()->previousImage();
        QVERIFY(window_->document()->session().showingSaved());
        QTest::keyClick(window_->canvas(), Qt::Key_P);
        drag({QPoint(5, 5), QPoint(40, 5)});
        QCOMPARE(window_->document()->imageModel()->status(0), ImageStatus::Edited);
        QCOMPARE(pixel(QPoint(20, 5)), 255);
        QTest::keyClick(window_->canvas(), Qt::Key_S, Qt::ControlModifier);
        QCOMPARE(window_->document()->imageModel()->status(0), ImageStatus::Done);
        const cv::Mat second = savedMask(images_[0]);
        QCOMPARE(second.at<uchar>(5, 20), uchar(255));
        QCOMPARE(cv::countNonZero(second), cv::countNonZero(first | (labelMask() > 0)));
    }

    // Shift+E drops every stroke of the image in one undoable step; other images keep theirs.
    void clearingEditsIsOneUndoStep() {
        const qint64 modelArea = area();
        QTest::keyClick(window_->canvas(), Qt::Key_P);
        drag({QPoint(5, 5), QPoint(40, 5)});
        QTest::keyClick(window_->canvas(), Qt::Key_E);
        drag({peak_});
        window_->document()->nextImage();
        waitForModel();
        QTest::keyClick(window_->canvas(), Qt::Key_P);
        drag({QPoint(5, 5)});
        window_->document()->previousImage();
        waitForModel();  // the painted pixels show at once; the model's map comes after
        const qint64 painted = area();
        QVERIFY(painted != modelArea);

        QTest::keyClick(window_->canvas(), Qt::Key_E, Qt::ShiftModifier);
        QCOMPARE(area(), modelArea);
        QCOMPARE(pixel(QPoint(20, 5)), 0);
        QVERIFY(!window_->document()->session().hasEdits(images_[0]));
        QVERIFY(window_->document()->session().hasEdits(images_[1]));
        window_->document()->undoStack()->undo();
        QCOMPARE(area(), painted);
        window_->document()->undoStack()->redo();
        QCOMPARE(area(), modelArea);
    }

    // With autosave off, quitting asks before painted work that is not saved is dropped.
    void quittingWithUnsavedPaintAsksFirst() {
        QTest::keyClick(window_->canvas(), Qt::Key_P);
        drag({QPoint(5, 5), QPoint(40, 5)});
        QString asked;
        auto answer = [&asked](QMessageBox::StandardButton button) {
            QTimer::singleShot(0, [&asked, button] {
                auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
                if (box) {
                    asked = box->text();
                    box->button(button)->click();
                }
            });
        };
        answer(QMessageBox::Cancel);
        window_->close();
        QVERIFY2(asked.contains(QStringLiteral("img1.png")), qPrintable(asked));
        QVERIFY(window_->isVisible());
        QCOMPARE(pixel(QPoint(20, 5)), 255);

        asked.clear();
        answer(QMessageBox::Discard);
        window_->close();
        QVERIFY(!asked.isEmpty());
        QVERIFY(!window_->isVisible());
    }

    // Saved work, or none, closes without a question.
    void quittingAfterSavingDoesNotAsk() {
        QTest::keyClick(window_->canvas(), Qt::Key_P);
        drag({QPoint(5, 5), QPoint(40, 5)});
        QTest::keyClick(window_->canvas(), Qt::Key_S, Qt::ControlModifier);
        QVERIFY(window_->close());
        QVERIFY(!window_->isVisible());
    }

    void brushSizeKeys() {
        const int start = window_->canvas()->brushRadius();
        QTest::keyClick(window_->canvas(), Qt::Key_BracketRight);
        QVERIFY(window_->canvas()->brushRadius() > start);
        for (int i = 0; i < 30; ++i) {
            QTest::keyClick(window_->canvas(), Qt::Key_BracketLeft);
        }
        QCOMPARE(window_->canvas()->brushRadius(), 0);  // one pixel, and no smaller
        QCOMPARE(QSettings().value(QStringLiteral("canvas/brushRadius")).toInt(),
                 0);  // the next start uses it
        QTest::keyClick(window_->canvas(), Qt::Key_P);
        drag({QPoint(5, 5)});
        QCOMPARE(pixel(QPoint(5, 5)), 255);
        QCOMPARE(pixel(QPoint(6, 5)), 0);
    }

    void polygonFillsAndCutsOut() {
        CanvasView* canvas = window_->canvas();
        // The tool bar beside the canvas holds the drawing tools; its polygon button picks the tool.
        auto* toolBar = window_->findChild<QToolBar*>(QStringLiteral("toolsBar"));
        QVERIFY(toolBar && toolBar->isVisible());
        QStringList tips;
        QAction* polygon = nullptr;
        for (QAction* a : toolBar->actions()) {
            tips << a->toolTip();
            if (a->toolTip().endsWith(QStringLiteral("(G)"))) {
                polygon = a;
            }
        }
        QCOMPARE(tips.size(), 5);
        QVERIFY2(polygon, qPrintable(tips.join(QLatin1Char('\n'))));
        QTest::mouseClick(toolBar->widgetForAction(polygon), Qt::LeftButton);
        QVERIFY(canvas->tool() == canvas->tools().polygon);
        QVERIFY(polygon->isChecked());
        QVERIFY2(window_->statusBarWidget()->currentMessage().contains(QStringLiteral("belongs to a glass")),
                 qPrintable(window_->statusBarWidget()->currentMessage()));
        const int steps = window_->document()->undoStack()->count();
        // Corners of a 31 x 21 rectangle in the empty corner of the model's map, plus a stray one that
        // Backspace takes back; Enter closes it.
        for (const QPoint& p :
             {QPoint(5, 5), QPoint(35, 5), QPoint(35, 25), QPoint(100, 200), QPoint(5, 25)}) {
            click(p);
        }
        QCOMPARE(canvas->tools().polygon->corners().size(), 5);
        QTest::keyClick(canvas, Qt::Key_Backspace);
        QCOMPARE(canvas->tools().polygon->corners().size(), 4);
        QCOMPARE(pixel(QPoint(20, 15)), 0);  // nothing happens before it is closed
        QTest::keyClick(canvas, Qt::Key_Backspace);
        click(QPoint(5, 25));
        QTest::keyClick(canvas, Qt::Key_Return);
        QVERIFY(canvas->tools().polygon->corners().isEmpty());
        QCOMPARE(window_->document()->undoStack()->count(), steps + 1);
        QCOMPARE(pixel(QPoint(5, 5)), 255);
        QCOMPARE(pixel(QPoint(35, 25)), 255);
        QCOMPARE(pixel(QPoint(20, 15)), 255);
        QCOMPARE(pixel(QPoint(36, 15)), 0);
        QCOMPARE(pixel(QPoint(20, 26)), 0);
        QCOMPARE(pixel(QPoint(100, 200)), 0);
        QCOMPARE(window_->document()->imageModel()->status(0), ImageStatus::Edited);

        // Shift when closing cuts the region out, here by clicking the first corner again.
        click(QPoint(10, 10));
        click(QPoint(20, 10));
        click(QPoint(20, 20));
        click(QPoint(10, 10), Qt::ShiftModifier);
        QCOMPARE(window_->document()->undoStack()->count(), steps + 2);
        QCOMPARE(pixel(QPoint(18, 12)), 0);
        QCOMPARE(pixel(QPoint(12, 18)), 255);  // the other side of the diagonal stays

        // Escape drops a polygon; so does switching tools. A double-click closes one.
        click(QPoint(50, 50));
        click(QPoint(60, 50));
        QTest::keyClick(canvas, Qt::Key_Escape);
        QVERIFY(canvas->tools().polygon->corners().isEmpty());
        click(QPoint(50, 50));
        QTest::keyClick(canvas, Qt::Key_P);
        QVERIFY(canvas->tools().polygon->corners().isEmpty());
        // Corners belong to their image: moving to another one drops them.
        QTest::keyClick(canvas, Qt::Key_G);
        click(QPoint(50, 50));
        window_->document()->nextImage();
        QVERIFY(canvas->tools().polygon->corners().isEmpty());
        window_->document()->previousImage();
        waitForModel();
        QVERIFY(canvas->tool() == canvas->tools().polygon);
        click(QPoint(40, 40));
        click(QPoint(60, 40));
        click(QPoint(60, 60));
        QTest::mouseMove(canvas->viewport(), at(QPoint(45, 70)));  // the rubber band follows the cursor
        const QString shot = QDir(pm::ui::testing::artifactsDir()).filePath("polygon_tool.png");
        QVERIFY(window_->grab().save(shot));
        qInfo("screenshot: %s", qPrintable(shot));
        QTest::mouseDClick(canvas->viewport(), Qt::LeftButton, {}, at(QPoint(60, 60)));
        QCOMPARE(window_->document()->undoStack()->count(), steps + 3);
        QCOMPARE(pixel(QPoint(55, 45)), 255);

        // Each polygon is one undo step.
        window_->document()->undoStack()->undo();
        QCOMPARE(pixel(QPoint(55, 45)), 0);
        window_->document()->undoStack()->undo();
        QCOMPARE(pixel(QPoint(18, 12)), 255);
        window_->document()->undoStack()->undo();
        QCOMPARE(pixel(QPoint(20, 15)), 0);
    }

    void fillToolFillsHolesAndRemovesParts() {
        CanvasView* canvas = window_->canvas();
        const qint64 modelArea = area();
        QVERIFY(modelArea > 0);
        // Punch a hole into the model's mask with the eraser, then fill it with one click.
        QTest::keyClick(canvas, Qt::Key_E);
        drag({peak_});
        QCOMPARE(pixel(peak_), 0);
        const qint64 withHole = area();
        QTest::keyClick(canvas, Qt::Key_K);
        QVERIFY(canvas->tool() == canvas->tools().fill);
        const int steps = window_->document()->undoStack()->count();
        click(peak_);
        QCOMPARE(window_->document()->undoStack()->count(), steps + 1);
        QCOMPARE(pixel(peak_), 255);
        QCOMPARE(area(), modelArea);

        // The background around the mask is no hole: nothing changes, and the status bar says why.
        click(QPoint(5, 5));
        QCOMPARE(window_->document()->undoStack()->count(), steps + 1);
        QCOMPARE(pixel(QPoint(5, 5)), 0);
        QVERIFY2(window_->statusBarWidget()->currentMessage().contains(QStringLiteral("image border")),
                 qPrintable(window_->statusBarWidget()->currentMessage()));

        // Shift+click removes the part under the cursor: here the whole disk.
        click(peak_, Qt::ShiftModifier);
        QCOMPARE(window_->document()->undoStack()->count(), steps + 2);
        QCOMPARE(area(), 0);
        window_->document()->undoStack()->undo();
        QCOMPARE(area(), modelArea);
        window_->document()->undoStack()->undo();
        QCOMPARE(area(), withHole);
    }

private:
    QPoint at(const QPoint& imagePixel) const {
        return window_->canvas()->mapFromScene(QPointF(imagePixel) + QPointF(0.5, 0.5));
    }
    void click(const QPoint& imagePixel, Qt::KeyboardModifiers modifiers = {}) {
        QTest::mouseClick(window_->canvas()->viewport(), Qt::LeftButton, modifiers, at(imagePixel));
    }

    // A left drag through image pixels, as a person would do it on the canvas.
    void drag(const QVector<QPoint>& imagePoints) {
        CanvasView* canvas = window_->canvas();
        QTest::mousePress(canvas->viewport(), Qt::LeftButton, {}, at(imagePoints.front()));
        for (const QPoint& p : imagePoints) {
            QTest::mouseMove(canvas->viewport(), at(p));
        }
        QTest::mouseRelease(canvas->viewport(), Qt::LeftButton, {}, at(imagePoints.back()));
    }

    void waitForModel() {
        QTRY_VERIFY(
            window_->document()->session().stale(window_->document()->labelModel()->labels()).isEmpty());
        QTRY_VERIFY(!window_->controller()->isBusy());
    }

    cv::Mat labelMask() const {
        return window_->document()->session().labelMasks(window_->document()->labelModel()->labels(),
                                                         OverlapMode::Exclusive)[0];
    }
    int pixel(const QPoint& p) const { return labelMask().at<uchar>(p.y(), p.x()); }
    qint64 area() const { return cv::countNonZero(labelMask()); }

    static cv::Mat savedMask(const QString& image) {
        const AnnotationFile::LoadResult r = AnnotationFile::load(image, QSize(320, 240));
        cv::Mat mask(240, 320, CV_8UC1, cv::Scalar(0));
        for (const pm::Instance& i : r.instances) {
            mask.setTo(255, i.mask);
        }
        return mask;
    }

    QTemporaryDir dir_;
    QStringList images_;
    std::shared_ptr<FakeProbe> probe_;
    std::unique_ptr<MainWindow> window_;
    QPoint peak_;
};

QTEST_MAIN(TestMaskPainting)
#include "test_mask_painting.moc"
