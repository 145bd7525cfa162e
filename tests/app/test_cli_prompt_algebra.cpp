// promptmask-cli segment's prompt algebra as a user types it: "a|b" ensembles, \| escapes, --negative,
// --mix and --templates; one output map per combined prompt; usage errors exit 2.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <opencv2/core.hpp>

#include "core/model/GoldenData.h"
#include "model/NpyFile.h"

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run runCli(const QStringList& args) {
    QProcess p;
    p.start(QString::fromLocal8Bit(qgetenv("PROMPTMASK_BINARY_DIR")) + "/bin/promptmask-cli", args);
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

QString tinyBundle() {
    return QString::fromStdString(golden::bundleDir("tiny-refined").string());
}
QString goldenImage() {
    return QString::fromStdString((golden::goldenDir() / "images/gradient_shapes_640x480.png").string());
}
QString source(const char* rel) {
    return QString::fromLocal8Bit(qgetenv("PROMPTMASK_SOURCE_DIR")) + "/" + rel;
}

// Runs segment with `prompts` and returns the logits it wrote (shape checked by the caller).
pm::FloatTensor logitsOf(const QStringList& prompts, const QString& bundle, const QString& image) {
    QTemporaryDir tmp;
    const QString npy = tmp.filePath("l.npy");
    const Run r = runCli(
        QStringList{"segment", "--model", bundle, "--image", image, "--threads", "2", "--logits-out", npy} +
        prompts);
    if (r.exitCode != 0) {
        qWarning("%s", qPrintable(r.err));
        return {};
    }
    return pm::NpyFile::read(npy.toStdString());
}

double maxDiffRow(const pm::FloatTensor& a, size_t rowA, const pm::FloatTensor& b, size_t rowB) {
    const size_t n = size_t(a.shape[1] * a.shape[2]);
    return golden::maxAbsDiff(a.data.data() + rowA * n, b.data.data() + rowB * n, n);
}

}  // namespace

class TestCliPromptAlgebra : public QObject {
    Q_OBJECT
private slots:
    void ensembleIsOneMapAndABarAIsA() {
        GOLDEN_REQUIRE_BUNDLE("tiny-refined");
        const pm::FloatTensor combined =
            logitsOf({"--prompt", "a glass|a cup", "--prompt", "a glass | a glass", "--prompt", "cat"},
                     tinyBundle(), goldenImage());
        QCOMPARE(combined.shape, (std::vector<int64_t>{3, 352, 352}));
        const pm::FloatTensor alone =
            logitsOf({"--prompt", "a glass", "--prompt", "a cup"}, tinyBundle(), goldenImage());
        QCOMPARE(alone.shape[0], int64_t(2));
        QVERIFY(maxDiffRow(combined, 1, alone, 0) <= 1e-5);  // "a glass|a glass" is "a glass"
        QVERIFY(maxDiffRow(combined, 0, alone, 0) > 1e-3);   // the ensemble is neither member
        QVERIFY(maxDiffRow(combined, 0, alone, 1) > 1e-3);
    }

    void escapedBarIsALiteralBar() {
        GOLDEN_REQUIRE_BUNDLE("tiny-refined");
        const Run r = runCli({"segment", "--model", tinyBundle(), "--image", goldenImage(), "--json",
                              "--prompt", "a\\|b", "--prompt", "a|b"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray prompts = QJsonDocument::fromJson(r.out.toUtf8()).object()["prompts"].toArray();
        QCOMPARE(prompts.size(), 2);
        QCOMPARE(prompts[0]["kind"].toString(), QString("text"));
        QCOMPARE(prompts[0]["prompt"].toString(), QString("a|b"));
        QCOMPARE(prompts[1]["kind"].toString(), QString("combined"));
    }

    void negativeEqualToThePromptEmptiesItsMask() {
        // The demo model paints the green ellipse of this sample; the negative applies to its prompt only.
        const QString bundle = source("resources/models/demo-shapes");
        const QString image = source("resources/samples/shapes_00.png");
        QTemporaryDir tmp;
        const Run r = runCli({"segment",
                              "--model",
                              bundle,
                              "--image",
                              image,
                              "--json",
                              "--masks-out",
                              tmp.filePath("m"),
                              "--prompt",
                              "green ellipse",
                              "--prompt",
                              "green ellipse",
                              "--negative",
                              "green ellipse",
                              "--prompt",
                              "green ellipse",
                              "--negative",
                              "green ellipse",
                              "--negative-strength",
                              "0"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray prompts = QJsonDocument::fromJson(r.out.toUtf8()).object()["prompts"].toArray();
        QCOMPARE(prompts.size(), 3);
        const int alone = prompts[0]["mask_area_px"].toInt();
        QVERIFY2(alone > 1000, qPrintable(QString::number(alone)));
        QCOMPARE(prompts[1]["mask_area_px"].toInt(), 0);
        QCOMPARE(prompts[2]["mask_area_px"].toInt(), alone);  // strength 0
        QVERIFY(QFile::exists(tmp.filePath("m/mask_002.png")));
    }

    void mixEndsAreTheTextAndTheExemplar() {
        GOLDEN_REQUIRE_BUNDLE("tiny-refined");
        const QStringList visual{"--visual-prompt-mode", "crop", "--visual-prompt",
                                 goldenImage() + "@100,80,300,240"};
        const pm::FloatTensor alone =
            logitsOf(QStringList{"--prompt", "a glass"} + visual, tinyBundle(), goldenImage());
        QCOMPARE(alone.shape[0], int64_t(2));
        for (const auto& [a, row] : {std::pair<const char*, size_t>{"1", 0}, {"0", 1}}) {
            const pm::FloatTensor mixed = logitsOf(QStringList{"--prompt", "a glass", "--mix", a} + visual,
                                                   tinyBundle(), goldenImage());
            QCOMPARE(mixed.shape, (std::vector<int64_t>{1, 352, 352}));
            const double d = maxDiffRow(mixed, 0, alone, row);
            QVERIFY2(d <= 1e-5, qPrintable(QString("--mix %1: %2").arg(a).arg(d)));
        }
        const pm::FloatTensor half = logitsOf(QStringList{"--prompt", "a glass", "--mix", "0.5"} + visual,
                                              tinyBundle(), goldenImage());
        QVERIFY(maxDiffRow(half, 0, alone, 0) > 1e-3 && maxDiffRow(half, 0, alone, 1) > 1e-3);
    }

    void usageErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString box = goldenImage() + "@1,2,30,40";
        QTest::newRow("mix with two texts")
            << QStringList{"--prompt", "a", "--prompt", "b", "--visual-prompt", box, "--mix", "0.5"}
            << "--mix combines exactly one --prompt and one --visual-prompt; got 2 and 1";
        QTest::newRow("mix without visual") << QStringList{"--prompt", "a", "--mix", "0.5"} << "got 1 and 0";
        QTest::newRow("mix out of range")
            << QStringList{"--prompt", "a", "--visual-prompt", box, "--mix", "1.5"}
            << "--mix must lie in 0..1";
        QTest::newRow("negative first") << QStringList{"--negative", "dog", "--prompt", "cat"}
                                        << "--negative applies to the prompt before it";
        QTest::newRow("strength")
            << QStringList{"--prompt", "cat", "--negative", "dog", "--negative-strength", "2"}
            << "--negative-strength must lie in 0..1";
        QTest::newRow("empty member") << QStringList{"--prompt", "a||b"} << "empty part between bars";
        QTest::newRow("templates") << QStringList{"--prompt", "cat", "--templates", "fancy"}
                                   << "unknown template set 'fancy'";
    }

    void usageErrors() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QTemporaryDir tmp;
        const Run r = runCli(QStringList{"segment", "--model", tmp.filePath("no-bundle-needed"), "--image",
                                         goldenImage(), "--logits-out", tmp.filePath("l.npy")} +
                             args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!QFile::exists(tmp.filePath("l.npy")));
    }
};

QTEST_GUILESS_MAIN(TestCliPromptAlgebra)
#include "test_cli_prompt_algebra.moc"
