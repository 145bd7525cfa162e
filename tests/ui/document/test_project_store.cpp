// Labels saved with the dataset: round trip, relative exemplar paths, clear errors.
#include <QTemporaryDir>
#include <QtTest>

#include "TestData.h"
#include "document/ProjectStore.h"
#include "util/AtomicFile.h"
#include "util/Error.h"

using namespace pm::ui;

class TestProjectStore : public QObject {
    Q_OBJECT
private slots:
    void roundTripKeepsEverythingAndStoresRelativePaths() {
        QTemporaryDir dir;
        const QStringList images = pm::ui::testing::writeImages(dir.filePath("sub"), 1);
        ProjectData data;
        data.overlapMode = OverlapMode::Overlapping;
        LabelDefinition glass;
        glass.id = "a1";
        glass.name = "glass";
        glass.color = QColor("#e69f00");
        glass.prompts = {"a glass", "a wine glass"};
        glass.threshold = 0.37;
        glass.visible = false;
        glass.exemplars.push_back({images[0], QRect(10, 20, 30, 40), pm::VisualPromptMode::Crop, {}});
        LabelDefinition cat;
        cat.id = "b2";
        cat.name = "cat";
        cat.color = Qt::blue;
        data.labels = {glass, cat};

        ProjectStore::save(dir.path(), data);
        const QString json = QString::fromStdString(
            pm::AtomicFile::readAll(ProjectStore::labelsPath(dir.path()).toStdString()));
        QVERIFY(json.contains("\"sub/img1.png\""));  // relative: the dataset can move
        QVERIFY(!json.contains(dir.path()));

        const ProjectData back = ProjectStore::load(dir.path());
        QCOMPARE(back.overlapMode, OverlapMode::Overlapping);
        QCOMPARE(back.labels.size(), 2);
        QVERIFY(back.labels[0] == glass);
        QVERIFY(back.labels[1] == cat);
        QVERIFY(!back.labels[0].exemplars[0].thumbnail.isNull());  // rebuilt from the image
    }

    void missingFileIsAnEmptyProject() {
        QTemporaryDir dir;
        QVERIFY(ProjectStore::load(dir.path()).labels.isEmpty());
    }

    void brokenFileNamesTheFileAndTheProblem_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("problem");
        QTest::newRow("not json") << QByteArray("{not json") << "not a labels file";
        QTest::newRow("other format") << QByteArray(R"({"format":"coco"})") << "format";
        QTest::newRow("future version")
            << QByteArray(R"({"format":"promptmask-labels","version":9})") << "unsupported version 9";
        QTest::newRow("label without name")
            << QByteArray(R"({"format":"promptmask-labels","version":1,"labels":[{"id":"x"}]})")
            << "no id or name";
    }

    void brokenFileNamesTheFileAndTheProblem() {
        QFETCH(QByteArray, content);
        QFETCH(QString, problem);
        QTemporaryDir dir;
        QDir(dir.path()).mkpath(".promptmask");
        pm::AtomicFile::write(ProjectStore::labelsPath(dir.path()).toStdString(), content.toStdString());
        try {
            ProjectStore::load(dir.path());
            QFAIL("expected pm::Error");
        } catch (const pm::Error& e) {
            QCOMPARE(e.kind(), pm::ErrorKind::Input);
            QVERIFY2(QString(e.what()).contains("labels.json"), e.what());
            QVERIFY2(QString(e.what()).contains(problem), e.what());
        }
    }
};

QTEST_MAIN(TestProjectStore)
#include "test_project_store.moc"
