// Labels saved with the dataset: round trip, relative exemplar paths, clear errors.
#include <QTemporaryDir>
#include <QtTest>

#include "TestData.h"
#include "document/ProjectStore.h"
#include "model/CombinedPrompt.h"
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

    // A file as PromptMask wrote it before the prompt algebra (version 1, Qt's indentation, no new keys)
    // loads with the version-1 meaning, and saving it unchanged writes version 1 again (an older
    // PromptMask keeps reading it).
    void versionOneFileStillLoadsAndStaysVersionOne() {
        QTemporaryDir dir;
        QDir(dir.path()).mkpath(".promptmask");
        const QByteArray old = R"({
    "format": "promptmask-labels",
    "labels": [
        {
            "color": "\u0023e69f00",
            "exemplars": [
                {
                    "box": [5, 6, 7, 8],
                    "image": "photos/a.png",
                    "mode": "crop"
                }
            ],
            "id": "0a1b2c3d",
            "name": "cup",
            "prompts": ["a cup", "a mug"],
            "threshold": 0.4,
            "visible": true
        },
        {
            "color": "not a colour",
            "exemplars": [],
            "id": "",
            "name": "cup",
            "prompts": [],
            "threshold": 0.5,
            "visible": false
        }
    ],
    "overlapMode": "overlapping",
    "version": 1
}
)";
        pm::AtomicFile::write(ProjectStore::labelsPath(dir.path()).toStdString(), old.toStdString());
        const ProjectData data = ProjectStore::load(dir.path());
        QCOMPARE(data.overlapMode, OverlapMode::Overlapping);
        QCOMPARE(data.labels.size(), 2);  // two labels of one name: the editor loads them (user renames)
        const LabelDefinition& cup = data.labels[0];
        QCOMPARE(cup.id, QString("0a1b2c3d"));
        QCOMPARE(cup.prompts, (QStringList{"a cup", "a mug"}));
        QCOMPARE(cup.threshold, 0.4);
        QCOMPARE(cup.exemplars.size(), 1);
        QCOMPARE(cup.exemplars[0].imagePath, QDir(dir.path()).filePath("photos/a.png"));
        QCOMPARE(cup.exemplars[0].box, QRect(5, 6, 7, 8));
        QCOMPARE(cup.exemplars[0].mode, pm::VisualPromptMode::Crop);
        QVERIFY(!cup.ensemble);
        QCOMPARE(cup.templates, QString("none"));
        QVERIFY(cup.negatives.isEmpty() && cup.negativeExemplars.isEmpty() && !cup.mix);
        QCOMPARE(cup.negativeStrength, 1.0);
        // Version 1 meaning: each prompt and exemplar alone, maps OR-ed.
        const auto combined = cup.toCombinedPrompts();
        QCOMPARE(combined.size(), size_t(3));
        for (const pm::CombinedPrompt& c : combined) {
            QVERIFY(c.isSingle());
        }
        const LabelDefinition& second = data.labels[1];
        QCOMPARE(second.id.size(), 8);                             // a fresh id
        QCOMPARE(second.color, LabelDefinition::paletteColor(1));  // the palette's
        QVERIFY(!second.visible);

        ProjectStore::save(dir.path(), data);
        const QString json = QString::fromStdString(
            pm::AtomicFile::readAll(ProjectStore::labelsPath(dir.path()).toStdString()));
        QVERIFY2(json.contains("\"version\": 1"), qPrintable(json));
        QVERIFY2(!json.contains("negatives") && !json.contains("ensemble"), qPrintable(json));
        QVERIFY(json.contains("\"photos/a.png\""));
    }

    // Every prompt-algebra field survives a save and a load, and the file becomes version 2.
    void promptAlgebraRoundTripsAsVersionTwo() {
        QTemporaryDir dir;
        const QStringList images = pm::ui::testing::writeImages(dir.filePath("sub"), 2);
        ProjectData data;
        LabelDefinition cat;
        cat.id = "c1";
        cat.name = "cat";
        cat.color = QColor("#0072b2");
        cat.prompts = {"a cat", "a kitten"};
        cat.exemplars.push_back({images[0], QRect(1, 2, 30, 40), pm::VisualPromptMode::Plain, {}});
        cat.ensemble = true;
        cat.templates = "clip7";
        cat.negatives = {"a dog", "a fox"};
        cat.negativeExemplars.push_back({images[1], QRect(3, 4, 50, 60), pm::VisualPromptMode::Crop, {}});
        cat.negativeStrength = 0.75;
        cat.mix = 0.25;
        LabelDefinition plain;
        plain.id = "p2";
        plain.name = "plate";
        plain.color = Qt::red;
        data.labels = {cat, plain};

        ProjectStore::save(dir.path(), data);
        const QString json = QString::fromStdString(
            pm::AtomicFile::readAll(ProjectStore::labelsPath(dir.path()).toStdString()));
        QVERIFY2(json.contains("\"version\": 2"), qPrintable(json));
        QVERIFY(json.contains("\"sub/img2.png\""));  // negative exemplars are relative too
        const ProjectData back = ProjectStore::load(dir.path());
        QCOMPARE(back.labels.size(), 2);
        QVERIFY(back.labels[0] == cat);
        QVERIFY(back.labels[1] == plain);
        QVERIFY(!back.labels[0].negativeExemplars[0].thumbnail.isNull());
        QCOMPARE(back.labels[0].signature(), cat.signature());

        // Each field changes equality and (where the model output changes) the signature.
        LabelDefinition other = cat;
        other.negativeStrength = 0.5;
        QVERIFY(other != cat);
        QVERIFY(other.signature() != cat.signature());
        other = cat;
        other.templates = "none";
        QVERIFY(other.signature() != cat.signature());
        other = cat;
        other.mix = 0.5;
        QVERIFY(other.signature() != cat.signature());
        other = cat;
        other.negatives.removeLast();
        QVERIFY(other.signature() != cat.signature());
        other = cat;
        other.mix.reset();
        other.ensemble = false;
        QVERIFY(other.signature() != cat.signature());
    }

    void missingFileIsAnEmptyProject() {
        QTemporaryDir dir;
        QVERIFY(ProjectStore::load(dir.path()).labels.isEmpty());
    }

    void brokenFileNamesTheFileAndTheProblem_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("problem");
        QTest::newRow("not json") << QByteArray("{not json") << "not valid JSON";
        QTest::newRow("other format") << QByteArray(R"({"format":"coco"})") << "format";
        QTest::newRow("future version")
            << QByteArray(R"({"format":"promptmask-labels","version":9})") << "unsupported version 9";
        QTest::newRow("label without name")
            << QByteArray(R"({"format":"promptmask-labels","version":1,"labels":[{"id":"x"}]})")
            << "has no \"name\"";
        QTest::newRow("unknown template set")
            << QByteArray(
                   R"({"format":"promptmask-labels","version":2,"labels":[{"name":"a","templates":"x"}]})")
            << "templates \"x\" is not one of";
        QTest::newRow("strength out of range")
            << QByteArray(
                   R"({"format":"promptmask-labels","version":2,"labels":[{"name":"a","negativeStrength":2}]})")
            << "negativeStrength 2 is not a number in 0..1";
        QTest::newRow("mix out of range")
            << QByteArray(R"({"format":"promptmask-labels","version":2,"labels":[{"name":"a","mix":-0.5}]})")
            << "mix -0.5 is not a number in 0..1";
        QTest::newRow("negatives not texts")
            << QByteArray(
                   R"({"format":"promptmask-labels","version":2,"labels":[{"name":"a","negatives":[3]}]})")
            << "negative 3 is not a text";
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
