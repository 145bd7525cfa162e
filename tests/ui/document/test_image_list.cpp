// The Images dock's model: listing, natural order, filters, and a 10,000-image folder.
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "TestData.h"
#include "document/AnnotationFile.h"
#include "document/ImageFilterModel.h"
#include "document/ImageListModel.h"

using namespace pm::ui;

namespace {
void touch(const QString& path) {
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
}
}  // namespace

class TestImageList : public QObject {
    Q_OBJECT
private slots:
    void listsImages_data() {
        QTest::addColumn<bool>("recursive");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("top level") << false << QStringList{"a2.png", "a10.JPG", "b.jpeg"};
        QTest::newRow("recursive") << true << QStringList{"a2.png", "a10.JPG", "b.jpeg", "sub/c.bmp"};
    }

    void listsImages() {
        QFETCH(bool, recursive);
        QFETCH(QStringList, expected);
        QTemporaryDir dir;
        for (const char* name :
             {"a10.JPG", "a2.png", "b.jpeg", "notes.txt", "sub/c.bmp", ".promptmask/x.png"}) {
            touch(dir.filePath(name));
        }
        ImageListModel model;
        QCOMPARE(model.openFolder(dir.path(), recursive), static_cast<int>(expected.size()));
        QStringList listed;
        for (int i = 0; i < model.rowCount(); ++i) {
            listed << model.index(i).data().toString();
            QCOMPARE(model.status(i), ImageStatus::New);
        }
        QCOMPARE(listed, expected);  // natural order, no text files, no hidden folders
        QCOMPARE(model.absolutePath(1), dir.filePath("a10.JPG"));
        QCOMPARE(model.rowOf(dir.filePath("b.jpeg")), 2);
    }

    // One rule for where an image's annotation lives, labelme's (Python's os.path.splitext), used both
    // by the image list (is it done?) and by the file that is read and written.
    void annotationPathIsLabelmes_data() {
        QTest::addColumn<QString>("image");
        QTest::addColumn<QString>("annotation");
        QTest::newRow("plain") << "cat.png"
                               << "cat.json";
        QTest::newRow("folder") << "a/b/cat.JPG"
                                << "a/b/cat.json";
        QTest::newRow("two dots") << "a/cat.v2.png"
                                  << "a/cat.v2.json";
        QTest::newRow("dot folder") << "x.y/cat"
                                    << "x.y/cat.json";
        QTest::newRow("dot-file") << ".png"
                                  << ".png.json";
        QTest::newRow("dot-file in folder") << "/d/s/.png"
                                            << "/d/s/.png.json";
        QTest::newRow("hidden with extension") << "s/.cat.png"
                                               << "s/.cat.json";
        QTest::newRow("two leading dots") << "..png"
                                          << "..png.json";
        QTest::newRow("trailing dot") << "cat."
                                      << "cat.json";
    }

    void annotationPathIsLabelmes() {
        QFETCH(QString, image);
        QFETCH(QString, annotation);
        QCOMPARE(AnnotationFile::pathFor(image), annotation);
        const QString python = qEnvironmentVariable("PROMPTMASK_PYTHON", QStringLiteral("python3"));
        QProcess p;
        p.start(python, {"-c", "import os, sys; print(os.path.splitext(sys.argv[1])[0] + '.json')", image});
        if (!p.waitForFinished() || p.exitCode() != 0) {
            QSKIP("no Python to ask for os.path.splitext");
        }
        QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()).trimmed(), annotation);
    }

    void aDotFileImageIsDoneExactlyWhenItsAnnotationExists() {
        QTemporaryDir dir;
        const QString image = dir.filePath(".png");
        touch(image);
        touch(dir.filePath(".json"));  // not its annotation: labelme would not open it for ".png"
        ImageListModel model;
        model.openImage(image);
        QCOMPARE(model.status(0), ImageStatus::New);
        QVERIFY(!AnnotationFile::exists(image));
        touch(dir.filePath(".png.json"));
        model.openImage(image);
        QCOMPARE(model.status(0), ImageStatus::Done);
        QVERIFY(AnnotationFile::exists(image));
    }

    void filtersByTextAndStatus() {
        QTemporaryDir dir;
        for (const char* name : {"cat1.png", "cat2.png", "dog1.png"}) {
            touch(dir.filePath(name));
        }
        ImageListModel model;
        model.openFolder(dir.path(), false);
        ImageFilterModel filter;
        filter.setSourceModel(&model);
        filter.setText("CAT");
        QCOMPARE(filter.rowCount(), 2);
        model.setStatus(1, ImageStatus::Done);
        filter.setStatusFilter(static_cast<int>(ImageStatus::Done));
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, 0).data().toString(), QString("cat2.png"));
        filter.setText({});
        filter.setStatusFilter(-1);
        QCOMPARE(filter.rowCount(), 3);
    }

    void singleImageIsADatasetOfOne() {
        QTemporaryDir dir;
        const QStringList images = pm::ui::testing::writeImages(dir.path(), 3);
        ImageListModel model;
        model.openImage(images[1]);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rootDir(), dir.path());
        QCOMPARE(model.absolutePath(0), images[1]);
    }

    void tenThousandImagesOpenWellUnderASecond() {
        QTemporaryDir dir;
        for (int i = 0; i < 10000; ++i) {
            QFile f(dir.filePath(QStringLiteral("frame_%1.jpg").arg(i)));
            QVERIFY(f.open(QIODevice::WriteOnly));  // empty files: listing never decodes
        }
        ImageListModel model;
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(model.openFolder(dir.path(), true), 10000);
        const qint64 ms = clock.elapsed();
        qInfo("10,000 images listed in %lld ms", ms);
        QVERIFY2(ms < 1000, qPrintable(QString::number(ms)));
        QCOMPARE(model.index(2).data().toString(), QString("frame_2.jpg"));  // natural, not "frame_10"
        QCOMPARE(model.index(9999).data().toString(), QString("frame_9999.jpg"));
    }
};

QTEST_MAIN(TestImageList)
#include "test_image_list.moc"
