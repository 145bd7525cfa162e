// EditJournal through the window (offscreen, fake model): unsaved brush edits come back after a
// session that ended without closing, a clean quit or a save removes the journal, and hostile journal
// files are refused without a crash or a huge allocation. The real app killed with SIGKILL is
// gui_kill_restore.sh.
#include <QDir>
#include <QFile>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>
#include <opencv2/core.hpp>

#include "FakeSegmenter.h"
#include "TestData.h"
#include "WindowDriver.h"
#include "canvas/CanvasView.h"
#include "document/DatasetDocument.h"
#include "document/EditJournal.h"
#include "document/ImageListModel.h"
#include "document/LabelListModel.h"
#include "inference/SegmentationController.h"
#include "shell/MainWindow.h"
#include "shell/NoticeBar.h"

using namespace pm::ui;
using pm::ui::testing::FakeProbe;

class TestEditJournal : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { pm::ui::testing::useTestSettings(QStringLiteral("test_edit_journal")); }

    void init() {
        QSettings().clear();
        QVERIFY(dir_.isValid());
        pm::ui::testing::refillWithImages(dir_.path(), 2);
        journal_ = EditJournal::journalPath(dir_.path());
    }

    void cleanup() { window_.reset(); }

    void unsavedStrokesComeBackAfterASessionThatDidNotEnd() {
        openWindow(false);
        paintStroke();
        const cv::Mat painted = labelMask().clone();
        QTRY_VERIFY(QFile::exists(journal_));
        QVERIFY(readAll(journal_).contains("img1.png"));
        window_.reset();  // no closeEvent: as after a crash, nothing is tidied up

        openWindow(false);
        NoticeBar* notice = window_->noticeBar();
        QVERIFY(notice->isVisible());
        QCOMPARE(notice->topic(), NoticeBar::Topic::Recovery);
        QVERIFY2(notice->text().contains(QStringLiteral("img1.png")), qPrintable(notice->text()));
        QVERIFY(cv::countNonZero(labelMask() != painted) > 0);  // not restored by itself
        clickNoticeButton();
        QVERIFY(!notice->isVisible());
        QCOMPARE(cv::countNonZero(labelMask() != painted), 0);  // every pixel back
        QCOMPARE(window_->document()->imageModel()->status(0), ImageStatus::Edited);

        // Saved: the image leaves the journal, and an empty journal is removed.
        QVERIFY(window_->document()->saveAnnotation());
        QTRY_VERIFY(!QFile::exists(journal_));
    }

    void aCleanQuitLeavesNoJournal() {
        openWindow(true);
        paintStroke();
        QTRY_VERIFY(QFile::exists(journal_));
        QVERIFY(window_->close());  // autosave saves the image on leaving it, then the journal goes
        QVERIFY(!QFile::exists(journal_));
        QVERIFY(QFile::exists(QDir(dir_.path()).filePath(QStringLiteral("img1.json"))));
    }

    void pendingEditsSurviveASecondCrashUntilRestored() {
        openWindow(false);
        paintStroke();
        QTRY_VERIFY(QFile::exists(journal_));
        const QByteArray first = readAll(journal_);
        window_.reset();
        openWindow(false);  // offered, not taken; then this session crashes too
        QCOMPARE(window_->noticeBar()->topic(), NoticeBar::Topic::Recovery);
        window_.reset();
        QCOMPARE(readAll(journal_), first);
        openWindow(false);
        QCOMPARE(window_->noticeBar()->topic(), NoticeBar::Topic::Recovery);
    }

    void hostileJournalsAreRefused_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("backedUp");
        // An 8-bit gray PNG header claiming 60000 x 60000 pixels (no data follows).
        const QByteArray huge = QByteArray::fromHex(
                                    "89504e470d0a1a0a0000000d49484452"
                                    "0000ea600000ea600800000000000000")
                                    .toBase64();
        const QByteArray wrap = "{\"format\":\"promptmask-journal\",\"version\":1,\"images\":[%1]}";
        QTest::newRow("not JSON") << QByteArray("{\"format\": \"promptmask-jour") << true;
        QTest::newRow("someone else's JSON") << QByteArray("{\"shapes\": []}") << true;
        QTest::newRow("path outside the dataset")
            << QByteArray(wrap).replace("%1", "{\"image\":\"../../etc/passwd\",\"labels\":{\"x\":\"AAAA\"}}")
            << false;
        QTest::newRow("60000x60000 map")
            << QByteArray(wrap).replace("%1", "{\"image\":\"img1.png\",\"labels\":{\"x\":\"" + huge + "\"}}")
            << false;
        QTest::newRow("not base64 PNG")
            << QByteArray(wrap).replace("%1", "{\"image\":\"img1.png\",\"labels\":{\"x\":\"%%%\"}}") << false;
        QTest::newRow("wrong types") << QByteArray(wrap).replace("%1", "7, \"x\", {\"image\": 3}") << false;
    }

    void hostileJournalsAreRefused() {
        QFETCH(QByteArray, content);
        QFETCH(bool, backedUp);
        QDir(dir_.path()).mkpath(QStringLiteral(".promptmask"));
        QFile f(journal_);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        openWindow(false);
        QVERIFY(!window_->noticeBar()->isVisible() ||
                window_->noticeBar()->topic() != NoticeBar::Topic::Recovery);
        QCOMPARE(QFile::exists(journal_ + QStringLiteral(".bak")), backedUp);
        if (backedUp) {
            QCOMPARE(readAll(journal_ + QStringLiteral(".bak")), content);
        }
    }

private:
    void openWindow(bool autosave) {
        probe_ = std::make_shared<FakeProbe>();
        window_ = pm::ui::testing::openWindowWithFakeModel(probe_);
        QVERIFY(window_);
        window_->document()->setAutosave(autosave);
        window_->openFolder(dir_.path());
        if (window_->document()->labelModel()->rowCount() == 0) {
            QVERIFY(pm::ui::testing::typePrompt(*window_, QStringLiteral("a glass")));
        }
        QTRY_VERIFY(pm::ui::testing::labelArea(*window_, 0) >= 0);
        QTRY_VERIFY(
            window_->document()->session().stale(window_->document()->labelModel()->labels()).isEmpty());
        QTRY_VERIFY(!window_->controller()->isBusy());
    }

    // A brush stroke along the top edge, where the fake model finds nothing.
    void paintStroke() {
        const qint64 before = cv::countNonZero(labelMask());
        QTest::keyClick(window_->canvas(), Qt::Key_P);
        CanvasView* canvas = window_->canvas();
        const QVector<QPoint> points{QPoint(5, 5), QPoint(25, 5), QPoint(60, 6)};
        QTest::mousePress(canvas->viewport(), Qt::LeftButton, {}, at(points.front()));
        for (const QPoint& p : points) {
            QTest::mouseMove(canvas->viewport(), at(p));
        }
        QTest::mouseRelease(canvas->viewport(), Qt::LeftButton, {}, at(points.back()));
        QVERIFY(cv::countNonZero(labelMask()) > before);
        QCOMPARE(window_->document()->imageModel()->status(0), ImageStatus::Edited);
    }

    void clickNoticeButton() {
        for (QPushButton* b : window_->noticeBar()->findChildren<QPushButton*>()) {
            if (b->isVisible() && b->text() == QStringLiteral("&Restore")) {
                QTest::mouseClick(b, Qt::LeftButton);
                return;
            }
        }
        QFAIL("no visible Restore button");
    }

    QPoint at(const QPoint& imagePixel) const {
        return window_->canvas()->mapFromScene(QPointF(imagePixel) + QPointF(0.5, 0.5));
    }
    cv::Mat labelMask() const {
        return window_->document()->session().labelMasks(window_->document()->labelModel()->labels(),
                                                         OverlapMode::Exclusive)[0];
    }
    static QByteArray readAll(const QString& path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    QTemporaryDir dir_;
    QString journal_;
    std::shared_ptr<FakeProbe> probe_;
    std::unique_ptr<MainWindow> window_;
};

QTEST_MAIN(TestEditJournal)
#include "test_edit_journal.moc"
