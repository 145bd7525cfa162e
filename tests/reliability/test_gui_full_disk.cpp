// The GUI on a full disk and in a read-only folder, for real: the dataset lives on a 512 KiB tmpfs that
// run_in_tmpfs.sh mounts (PM_TMPFS_DIR). A save that cannot be written must say why in the banner,
// offer Retry, keep the edits in the window and leave the old file byte-identical; Retry after space
// is freed (or the folder is writable again) saves what is on screen.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QtTest>

#include "FakeSegmenter.h"
#include "TestData.h"
#include "WindowDriver.h"
#include "annotation/LabelmeFormat.h"
#include "canvas/CanvasView.h"
#include "docks/LabelsDock.h"
#include "document/DatasetDocument.h"
#include "document/ImageListModel.h"
#include "document/ProjectStore.h"
#include "inference/SegmentationController.h"
#include "shell/MainWindow.h"
#include "shell/NoticeBar.h"

using namespace pm::ui;
using pm::ui::testing::FakeProbe;

namespace {

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Fills the file system holding `dir` with one file; returns its path.
QString fillDisk(const QString& dir) {
    const QString path = QDir(dir).filePath(QStringLiteral("filler"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        return {};
    }
    const QByteArray block(4096, 'x');
    while (f.write(block) == block.size() && f.flush()) {
    }
    return path;
}

bool remount(const QString& dir, const char* mode) {
    return QProcess::execute(QStringLiteral("mount"),
                             {QStringLiteral("-o"), QStringLiteral("remount,%1").arg(mode), dir}) == 0;
}

QStringList temporaries(const QString& dir) {
    return QDir(dir).entryList({QStringLiteral("*.tmp-*")}, QDir::Files | QDir::Hidden);
}

}  // namespace

class TestGuiFullDisk : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        pm::ui::testing::useTestSettings(QStringLiteral("test_gui_full_disk"));
        root_ = qEnvironmentVariable("PM_TMPFS_DIR");
        if (root_.isEmpty()) {
            QSKIP("needs a small tmpfs: run through tests/reliability/run_in_tmpfs.sh (CTest does)");
        }
    }

    void saveOnAFullDiskAndInAReadOnlyFolderIsRefusedKeptAndRetried() {
        QSettings().clear();
        const QString ds = QDir(root_).filePath(QStringLiteral("dataset"));
        pm::ui::testing::writeImages(ds, 2, QSize(160, 120));
        auto probe = std::make_shared<FakeProbe>();
        auto window = pm::ui::testing::openWindowWithFakeModel(probe);
        QVERIFY(window);
        window->openFolder(ds);
        QVERIFY(pm::ui::testing::typePrompt(*window, QStringLiteral("a glass")));
        QTRY_VERIFY(pm::ui::testing::labelArea(*window, 0) > 0);
        QTRY_VERIFY(!window->controller()->isBusy());
        QTRY_VERIFY(QFile::exists(ProjectStore::labelsPath(ds)));
        QSignalSpy saved(window->document(), &DatasetDocument::annotationSaved);
        QVERIFY(window->document()->saveAnnotation());
        const QString file = QDir(ds).filePath(QStringLiteral("img1.json"));
        QByteArray old = readAll(file);  // the complete version on disk before each refused save
        QVERIFY(!old.isEmpty());
        NoticeBar* notice = window->noticeBar();
        auto* retry = notice->findChild<QPushButton*>(QString(), Qt::FindDirectChildrenOnly);

        for (const char* mode : {"full", "read-only"}) {
            // An edit: a new threshold changes the mask on screen; the file must keep the old one.
            window->labelsDock()->setThreshold(0, std::strcmp(mode, "full") == 0 ? 0.7 : 0.3);
            QTRY_VERIFY(!window->controller()->isBusy());
            const qint64 edited = pm::ui::testing::labelArea(*window, 0);
            QString filler;
            if (std::strcmp(mode, "full") == 0) {
                filler = fillDisk(root_);
                QVERIFY(!filler.isEmpty());
            } else {
                QVERIFY(remount(root_, "ro"));
            }
            saved.clear();
            QTest::keyClick(window->canvas(), Qt::Key_S, Qt::ControlModifier);
            QCOMPARE(saved.count(), 0);
            QVERIFY(notice->isVisible());
            QCOMPARE(notice->kind(), NoticeBar::Kind::Error);
            const QString text = notice->text();
            QVERIFY2(text.contains(QStringLiteral("img1.json")), qPrintable(text));
            QVERIFY2(text.contains(std::strcmp(mode, "full") == 0 ? QStringLiteral("disk is full")
                                                                  : QStringLiteral("read-only")),
                     qPrintable(text));
            QVERIFY(retry && retry->isVisible());
            QCOMPARE(retry->text(), QStringLiteral("Retry"));
            // Nothing overwritten, nothing half-written, the edit still on screen and still unsaved.
            QCOMPARE(readAll(file), old);
            QVERIFY2(temporaries(ds).isEmpty(), qPrintable(temporaries(ds).join(", ")));
            QCOMPARE(pm::ui::testing::labelArea(*window, 0), edited);
            QVERIFY(window->document()->imageModel()->status(0) != ImageStatus::Done);

            // Room again: Retry saves what is shown.
            if (!filler.isEmpty()) {
                QVERIFY(QFile::remove(filler));
            } else {
                QVERIFY(remount(root_, "rw"));
            }
            QTest::mouseClick(retry, Qt::LeftButton);
            QCOMPARE(saved.count(), 1);
            QVERIFY(!notice->isVisible());
            QCOMPARE(window->document()->imageModel()->status(0), ImageStatus::Done);
            const QByteArray now = readAll(file);
            QVERIFY(now != old);
            pm::LabelmeFormat reader;
            pm::Dataset dataset;
            QVERIFY(reader.read(file.toStdString(), ds.toStdString(), dataset));
            QCOMPARE(dataset.images.size(), size_t(1));
            QVERIFY(!dataset.images[0].instances.empty());
            old = now;
        }

        // labels.json: a label added while the folder is read-only is kept, the banner offers Retry.
        const QByteArray labelsBefore = readAll(ProjectStore::labelsPath(ds));
        QVERIFY(remount(root_, "ro"));
        window->labelsDock()->addLabel(QStringLiteral("a plate"));
        QTRY_VERIFY(notice->isVisible() && notice->topic() == NoticeBar::Topic::Labels);
        QVERIFY2(notice->text().contains(QStringLiteral("labels.json")), qPrintable(notice->text()));
        QVERIFY(notice->text().contains(QStringLiteral("read-only")));
        QCOMPARE(readAll(ProjectStore::labelsPath(ds)), labelsBefore);
        QVERIFY(remount(root_, "rw"));
        QTest::mouseClick(retry, Qt::LeftButton);
        QVERIFY(!notice->isVisible());
        QVERIFY(readAll(ProjectStore::labelsPath(ds)).contains("a plate"));
    }

private:
    QString root_;
};

QTEST_MAIN(TestGuiFullDisk)
#include "test_gui_full_disk.moc"
