// promptmask-cli segment / tokenize as a user runs them: outputs against the golden data, exit codes,
// and no output files left behind on failure.
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "core/model/GoldenData.h"
#include "model/NpyFile.h"
#include "util/AtomicFile.h"

namespace fs = std::filesystem;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run runCli(const QStringList& args) {
    QProcess p;
    // Without --model the CLI searches PROMPTMASK_MODEL and the user's settings and models folders: none
    // of the developer's may leak in.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("PROMPTMASK_MODEL");
    env.insert("XDG_DATA_HOME", "/nonexistent/promptmask-test");
    env.insert("XDG_CONFIG_HOME", "/nonexistent/promptmask-test");
    p.setProcessEnvironment(env);
    p.start(QString::fromLocal8Bit(qgetenv("PROMPTMASK_BINARY_DIR")) + "/bin/promptmask-cli", args);
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

QString bundle(const char* name = "tiny-refined") {
    return QString::fromStdString(golden::bundleDir(name).string());
}
QString image(const char* name) {
    return QString::fromStdString((golden::goldenDir() / "images" / name).string());
}

// The CLI arguments for a golden case's prompts (visual prompts in crop mode, as the golden reference).
QStringList promptArgs(const golden::Case& c) {
    QStringList args;
    if (c.isVisual()) {
        const auto& vp = c.index["visual_prompt"];
        const auto box = vp["box_xyxy"].get<std::vector<int>>();
        args << "--visual-prompt-mode"
             << "crop"
             << "--visual-prompt"
             << QString("%1@%2,%3,%4,%5")
                    .arg(QString::fromStdString(
                        (golden::goldenDir() / vp["image"].get<std::string>()).string()))
                    .arg(box[0])
                    .arg(box[1])
                    .arg(box[2])
                    .arg(box[3]);
    }
    for (const std::string& p : c.prompts()) {
        args << "--prompt" << QString::fromStdString(p);
    }
    return args;
}

}  // namespace

class TestCliSegment : public QObject {
    Q_OBJECT
private slots:
    void init() { GOLDEN_REQUIRE_BUNDLE("tiny-refined"); }

    void outputsMatchTheGoldenCase_data() {
        QTest::addColumn<QString>("caseDir");
        if (!golden::available()) {
            QTest::newRow("no-shared-data") << QString();
            return;
        }
        for (const golden::Case& c : golden::cases("tiny-refined")) {
            const auto prompts = c.prompts();
            if (std::any_of(prompts.begin(), prompts.end(), [](const std::string& p) { return p.empty(); })) {
                continue;  // the CLI refuses an empty prompt (see usageErrors)
            }
            QTest::newRow(c.dir.filename().string().c_str()) << QString::fromStdString(c.dir.string());
        }
    }

    void outputsMatchTheGoldenCase() {
        QFETCH(QString, caseDir);
        const golden::Case c{caseDir.toStdString(),
                             golden::readJson(fs::path(caseDir.toStdString()) / "index.json")};
        QTemporaryDir tmp;
        const QString npy = tmp.filePath("logits.npy");
        const QString masks = tmp.filePath("masks/nested");
        const Run r =
            runCli(QStringList{"segment", "--model", bundle(), "--image", QString::fromStdString(c.image()),
                               "--logits-out", npy, "--masks-out", masks, "--json", "--threads", "2"} +
                   promptArgs(c));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        // Logits: .npy [N,352,352] float32 equal to the golden logits.
        const pm::FloatTensor logits = pm::NpyFile::read(npy.toStdString());
        QCOMPARE(logits.shape, c.shape("logits"));
        const bool jpeg = c.image().substr(c.image().size() - 4) == ".jpg";
        const double d = golden::maxAbsDiff(logits.data, c.f32("logits"));
        qInfo("max |logit diff| %.3g", d);
        QVERIFY2(d <= (jpeg ? 5e-2 : 1e-4), qPrintable(QString::number(d)));

        // JSON report and masks agree with each other and with the image size.
        const QJsonObject report = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const auto wh = c.index["image_size_wh"].get<std::vector<int>>();
        QCOMPARE(report["image"]["width"].toInt(), wh[0]);
        QCOMPARE(report["image"]["height"].toInt(), wh[1]);
        QVERIFY(report["timings_ms"]["decode"].toDouble() > 0);
        QCOMPARE(report["model"]["id"].toString().size(), 12);
        const QJsonArray prompts = report["prompts"].toArray();
        QCOMPARE(prompts.size(), int(c.shape("logits")[0]));
        for (int i = 0; i < prompts.size(); ++i) {
            const QString file = QString("%1/mask_%2.png").arg(masks).arg(i, 3, 10, QChar('0'));
            QCOMPARE(prompts[i]["mask_file"].toString(), file);
            QImage mask(file);
            QVERIFY2(!mask.isNull(), qPrintable(file));
            QCOMPARE(mask.size(), QSize(wh[0], wh[1]));
            QVERIFY(mask.isGrayscale());
            mask = mask.convertToFormat(QImage::Format_Grayscale8);
            qint64 on = 0;
            for (int y = 0; y < mask.height(); ++y) {
                const uchar* row = mask.constScanLine(y);
                for (int x = 0; x < mask.width(); ++x) {
                    QVERIFY(row[x] == 0 || row[x] == 255);
                    on += row[x] == 255;
                }
            }
            QCOMPARE(qint64(prompts[i]["mask_area_px"].toDouble()), on);
            QCOMPARE(prompts[i]["mask_fraction"].toDouble(), double(on) / (wh[0] * wh[1]));
        }
        if (c.dir.filename() == "c04_gray_longprompt") {
            QCOMPARE(prompts[0]["warnings"].toArray().size(), 1);
            QVERIFY2(r.err.contains("warning: prompt") && r.err.contains("truncated"), qPrintable(r.err));
        }
    }

    void numpyReadsTheLogits() {
        const QString python = QString::fromLocal8Bit(qgetenv("PROMPTMASK_PYTHON"));
        QProcess probe;
        probe.start(python, {"-c", "import numpy"});
        if (python.isEmpty() || !probe.waitForFinished(60000) || probe.exitCode() != 0) {
            QSKIP("no Python with numpy (PROMPTMASK_PYTHON)");
        }
        QTemporaryDir tmp;
        const QString npy = tmp.filePath("logits.npy");
        const fs::path golden = golden::goldenDir() / "cases/tiny-refined/c05_rgba_unicode/logits.f32";
        const Run r = runCli({"segment", "--model", bundle(), "--image", image("rgba_256x256.png"),
                              "--prompt", "Café crème brûlée!", "--prompt", "2 dogs & 3 cats", "--prompt",
                              "  multiple   spaces\tand tab  ", "--logits-out", npy});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QProcess py;
        py.start(python,
                 {"-c",
                  "import sys, numpy as np; a = np.load(sys.argv[1]); "
                  "g = np.fromfile(sys.argv[2], '<f4').reshape(a.shape); "
                  "print(a.dtype, a.shape, a.flags['C_CONTIGUOUS'], float(np.abs(a - g).max()) <= 1e-4)",
                  npy, QString::fromStdString(golden.string())});
        QVERIFY(py.waitForFinished(60000));
        QCOMPARE(QString::fromUtf8(py.readAllStandardOutput()).trimmed(),
                 QString("float32 (3, 352, 352) True True"));
    }

    void failuresExitWithTheirCodeAndLeaveNothing_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        if (!golden::available()) {
            QTest::newRow("no-shared-data") << QStringList() << 0 << QString();
            return;
        }
        const QString photo = image("example_image.jpg");
        const QStringList base{"--model", bundle(), "--image", photo};
        // $TMP is replaced by the test's temporary folder.
        QTest::newRow("missing bundle")
            << QStringList{"--model", "$TMP/nope", "--image", photo, "--prompt", "cat"} << 4
            << "nope: model bundle not found";
        QTest::newRow("corrupt model.pt")
            << QStringList{"--model", "$TMP/bundle", "--image", photo, "--prompt", "cat"} << 4
            << "model.pt: sha256 mismatch (file changed or corrupt)";
        QTest::newRow("missing image")
            << QStringList{"--model", bundle(), "--image", "$TMP/none.jpg", "--prompt", "cat"} << 3
            << "none.jpg";
        QTest::newRow("corrupt image")
            << QStringList{"--model", bundle(), "--image", "$TMP/corrupt.jpg", "--prompt", "cat"} << 3
            << "corrupt.jpg";
        QTest::newRow("box outside image")
            << base + QStringList{"--visual-prompt", photo + "@400,400,500,500"} << 3
            << "400,400,500,500 is empty or lies outside the 365x365 image";
        QTest::newRow("empty prompt") << base + QStringList{"--prompt", ""} << 2 << "--prompt is empty";
        QTest::newRow("blank prompt") << base + QStringList{"--prompt", "   "} << 2 << "--prompt is empty";
        QTest::newRow("no prompt") << base << 2 << "at least one --prompt";
        QTest::newRow("no model") << QStringList{"--image", photo, "--prompt", "cat"} << 2
                                  << "no model bundle found: give --model BUNDLE";
        QTest::newRow("bad box") << base + QStringList{"--visual-prompt", photo + "@1,2,3"} << 2
                                 << "4 coordinates";
        QTest::newRow("inverted box")
            << base + QStringList{"--visual-prompt", photo + "@50,50,10,80"} << 2 << "the box is empty";
        QTest::newRow("unknown mode")
            << base + QStringList{"--visual-prompt-mode", "blur", "--visual-prompt", photo + "@1,2,30,40"}
            << 2 << "'blur' is not one of";
        QTest::newRow("dangling mode")
            << base + QStringList{"--prompt", "cat", "--visual-prompt-mode", "crop"} << 2
            << "not followed by a --visual-prompt";
        QTest::newRow("threshold") << base + QStringList{"--prompt", "cat", "--threshold", "1.5"} << 2
                                   << "--threshold must lie in 0..1";
        QTest::newRow("threads") << base + QStringList{"--prompt", "cat", "--threads", "0"} << 2
                                 << "--threads must be a positive whole number";
        QTest::newRow("unknown option")
            << base + QStringList{"--prompt", "cat", "--colour"} << 2 << "unknown option --colour";
        QTest::newRow("stray argument") << base + QStringList{"cat"} << 2 << "unexpected argument 'cat'";
    }

    void failuresExitWithTheirCodeAndLeaveNothing() {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        QTemporaryDir tmp;
        // A bundle whose model.pt has one flipped byte, and a JPEG cut after its header.
        const fs::path copy = fs::path(tmp.path().toStdString()) / "bundle";
        fs::copy(golden::bundleDir("tiny-refined"), copy);
        std::string model = pm::AtomicFile::readAll(copy / "model.pt");
        model[model.size() / 2] = char(model[model.size() / 2] ^ 0x40);
        pm::AtomicFile::write(copy / "model.pt", model);
        const std::string jpeg = pm::AtomicFile::readAll(golden::goldenDir() / "images/example_image.jpg");
        pm::AtomicFile::write(fs::path(tmp.path().toStdString()) / "corrupt.jpg", jpeg.substr(0, 200));

        QStringList full{"segment"};
        for (const QString& a : args) {
            full << QString(a).replace("$TMP", tmp.path());
        }
        full << "--logits-out" << tmp.filePath("out.npy") << "--masks-out" << tmp.filePath("masks");
        const Run r = runCli(full);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        QVERIFY(!QFile::exists(tmp.filePath("out.npy")));
        QVERIFY(!QFile::exists(tmp.filePath("masks")));
    }

    void missingOutputFolderIsAnIoErrorBeforeInference() {
        QTemporaryDir tmp;
        const Run r = runCli({"segment", "--model", bundle(), "--image", image("gray_300x200.png"),
                              "--prompt", "cat", "--logits-out", tmp.filePath("no/such/folder/l.npy")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("does not exist"), qPrintable(r.err));
    }

    void humanSummary() {
        const Run r = runCli({"segment", "--model", bundle(), "--image", image("gray_300x200.png"),
                              "--prompt", "cat", "--prompt", "a dog"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("300x200") && r.out.contains("cat") && r.out.contains("a dog") &&
                     r.out.contains(" px ("),
                 qPrintable(r.out));
    }

    void tokenizePrintsTheGoldenIds() {
        const golden::Case c{
            golden::goldenDir() / "cases/tiny-refined/c05_rgba_unicode",
            golden::readJson(golden::goldenDir() / "cases/tiny-refined/c05_rgba_unicode/index.json")};
        QStringList args{"tokenize", "--model", bundle()};
        for (const std::string& p : c.prompts()) {
            args << QString::fromStdString(p);
        }
        const Run r = runCli(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList lines = r.out.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), int(c.prompts().size()));
        const auto shape = c.shape("input_ids");
        const auto ids = c.i64("input_ids");
        const auto mask = c.i64("attention_mask");
        for (int row = 0; row < lines.size(); ++row) {
            QStringList expected;
            for (int64_t col = 0; col < shape[1]; ++col) {
                if (mask[row * shape[1] + col]) {
                    expected << QString::number(ids[row * shape[1] + col]);
                }
            }
            QCOMPARE(lines[row], "[" + expected.join(',') + "]");
        }
        QCOMPARE(runCli({"tokenize", "--model", bundle()}).exitCode, 2);
        QCOMPARE(runCli({"tokenize", "--model", "/nonexistent", "cat"}).exitCode, 4);
    }
};

QTEST_GUILESS_MAIN(TestCliSegment)
#include "test_cli_segment.moc"
