#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>

#include "util/AtomicFile.h"
#include "util/Error.h"

namespace fs = std::filesystem;

class TestAtomicFile : public QObject {
    Q_OBJECT
private slots:
    void writesNewFile() {
        QTemporaryDir dir;
        const fs::path target = fs::path(dir.path().toStdString()) / "a.json";
        pm::AtomicFile::write(target, "hello");
        QCOMPARE(QString::fromStdString(pm::AtomicFile::readAll(target)), QString("hello"));
        // No temporary file left beside it.
        int entries = 0;
        for ([[maybe_unused]] const auto& e : fs::directory_iterator(target.parent_path())) {
            ++entries;
        }
        QCOMPARE(entries, 1);
    }

    void replacesExistingFile() {
        QTemporaryDir dir;
        const fs::path target = fs::path(dir.path().toStdString()) / "a.json";
        pm::AtomicFile::write(target, "old content");
        pm::AtomicFile::write(target, "new");
        QCOMPARE(QString::fromStdString(pm::AtomicFile::readAll(target)), QString("new"));
    }

    void missingFolderIsAnIoErrorAndWritesNothing() {
        QTemporaryDir dir;
        const fs::path target = fs::path(dir.path().toStdString()) / "no" / "such" / "a.json";
        try {
            pm::AtomicFile::write(target, "x");
            QFAIL("expected pm::Error");
        } catch (const pm::Error& e) {
            QCOMPARE(e.kind(), pm::ErrorKind::Io);
            QVERIFY(QString(e.what()).contains("a.json"));
            QCOMPARE(e.exitCode(), 3);
        }
        QVERIFY(!fs::exists(target));
    }

    void backupKeepsTheOldBytes() {
        QTemporaryDir dir;
        const fs::path target = fs::path(dir.path().toStdString()) / "broken.json";
        pm::AtomicFile::write(target, "{not json");
        const fs::path bak = pm::AtomicFile::backup(target);
        QCOMPARE(QString::fromStdString(bak.filename().string()), QString("broken.json.bak"));
        QCOMPARE(QString::fromStdString(pm::AtomicFile::readAll(bak)), QString("{not json"));
        QVERIFY(pm::AtomicFile::backup(fs::path(dir.path().toStdString()) / "absent").empty());
    }

    void removesStaleTemporariesOfThatFileOnly() {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        // What a writer killed between open() and rename() leaves behind.
        pm::AtomicFile::write(root / ".a.json.tmp-dead", "torn");
        pm::AtomicFile::write(root / ".b.json.tmp-dead", "another file's write in progress");
        pm::AtomicFile::write(root / "a.json", "complete");
        QVERIFY(!fs::exists(root / ".a.json.tmp-dead"));
        QVERIFY(fs::exists(root / ".b.json.tmp-dead"));
        QCOMPARE(QString::fromStdString(pm::AtomicFile::readAll(root / "a.json")), QString("complete"));
    }

    void backupIsWrittenAtomicallyToo() {
        QTemporaryDir dir;
        const fs::path target = fs::path(dir.path().toStdString()) / "labels.json";
        pm::AtomicFile::write(target, "first");
        pm::AtomicFile::backup(target);
        pm::AtomicFile::write(target, "second");
        pm::AtomicFile::backup(target);
        QCOMPARE(QString::fromStdString(pm::AtomicFile::readAll(fs::path(target) += ".bak")),
                 QString("second"));
        int entries = 0;
        for ([[maybe_unused]] const auto& e : fs::directory_iterator(target.parent_path())) {
            ++entries;
        }
        QCOMPARE(entries, 2);  // labels.json and labels.json.bak, no temporaries
    }
};

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "test_atomic_file.moc"
