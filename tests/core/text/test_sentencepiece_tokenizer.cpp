// SentencePiece in the same process as LibTorch: the test links torch directly, loads a TorchScript
// module, then loads the SentencePiece module (dlopen'ed in isolation) and checks its ids against the
// python `sentencepiece` package on a model trained here with spm_train.

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

#include "TorchScriptProbe.h"
#include "text/SentencePieceTokenizer.h"
#include "text/TokenizerFactory.h"
#include "util/Error.h"

namespace {

QString python() {
    const QString configured = qEnvironmentVariable("PROMPTMASK_PYTHON");
    return configured.isEmpty() ? QStringLiteral("/usr/bin/python3") : configured;
}

// Runs a program; returns stdout, or a null QByteArray (with the reason in `why`) when it failed.
QByteArray run(const QString& program, const QStringList& args, QString& why) {
    QProcess process;
    process.start(program, args);
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        why = program + " failed: " + process.errorString() + "\n" + process.readAllStandardError();
        return {};
    }
    QByteArray out = process.readAllStandardOutput();
    return out.isNull() ? QByteArray("") : out;
}

// Texts the tokenizer is compared on (also the training corpus, with variations).
const QStringList kTexts = {
    "a red circle on the left",
    "the blue square",
    "green triangle and yellow star",
    "an orange hexagon near a ring",
    "purple ellipse",
    "Café crème brûlée",
    "unseen words like zebra quartz!",
    "",
    "   spaced   out   ",
    "numbers 12345 and 3.14",
    "日本語のテキスト",
    "A RED CIRCLE",
};

}  // namespace

class TestSentencePieceTokenizer : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString modelPath_;
    QString torchPath_;
    double torchOutput_ = 0;

    pm::TokenizerConfig config() const {
        pm::TokenizerConfig c;
        c.type = "sentencepiece";
        c.files["model"] = modelPath_.toStdString();
        c.bosId = 1;
        c.eosId = 2;
        c.padId = 0;
        c.contextLength = 16;
        return c;
    }

    // [bos] + python sentencepiece ids + [eos] for each text (texts lowercased first when asked).
    QList<std::vector<int64_t>> pythonIds(const QStringList& texts, bool lowercase) {
        const QString script =
            "import json, sys, sentencepiece as spm\n"
            "sp = spm.SentencePieceProcessor(model_file=sys.argv[1])\n"
            "texts = json.loads(sys.argv[2])\n"
            "print(json.dumps([[1] + sp.encode(t.lower() if sys.argv[3] == '1' else t) + [2] for t in "
            "texts]))\n";
        QString why;
        const QByteArray out =
            run(python(),
                {"-c", script, modelPath_,
                 QString::fromUtf8(
                     QJsonDocument(QJsonArray::fromStringList(texts)).toJson(QJsonDocument::Compact)),
                 lowercase ? "1" : "0"},
                why);
        QList<std::vector<int64_t>> result;
        if (out.isNull()) {
            qWarning("%s", qPrintable(why));
            return result;
        }
        for (const QJsonValue& row : QJsonDocument::fromJson(out).array()) {
            std::vector<int64_t> ids;
            for (const QJsonValue& id : row.toArray()) {
                ids.push_back(id.toInteger());
            }
            result.append(ids);
        }
        return result;
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        if (QStandardPaths::findExecutable("spm_train").isEmpty()) {
            QSKIP("spm_train (Debian package sentencepiece) is not installed");
        }
        // 1. A TorchScript module, loaded and run before SentencePiece enters the process.
        torchPath_ = dir_.filePath("tiny.pt");
        QString why;
        const QString makeModule =
            "import sys, torch\n"
            "torch.manual_seed(0)\n"
            "m = torch.nn.Sequential(torch.nn.Linear(4, 3), torch.nn.ReLU(), torch.nn.Linear(3, 2))\n"
            "torch.jit.save(torch.jit.script(m), sys.argv[1])\n"
            "print(float(m(torch.ones(1, 4)).sum()))\n";
        const QByteArray expected = run(python(), {"-c", makeModule, torchPath_}, why);
        if (expected.isNull()) {
            QSKIP(qPrintable("cannot create a TorchScript module with python+torch: " + why));
        }
        torchOutput_ = pm::test::runTorchScript(torchPath_.toStdString());
        QVERIFY(qAbs(torchOutput_ - expected.trimmed().toDouble()) < 1e-5);

        // 2. A tiny SentencePiece model trained on a generated corpus.
        QFile corpus(dir_.filePath("corpus.txt"));
        QVERIFY(corpus.open(QIODevice::WriteOnly));
        const QStringList colors = {"red", "blue", "green", "yellow", "orange", "purple", "white", "black"};
        const QStringList shapes = {"circle", "square", "triangle", "star", "hexagon", "ellipse", "ring"};
        for (int i = 0; i < 400; ++i) {
            const QString line = QString("a %1 %2 on the %3 of the picture %4\n")
                                     .arg(colors[i % colors.size()], shapes[(i / 3) % shapes.size()],
                                          i % 2 ? "left" : "right", QString::number(i));
            corpus.write(line.toUtf8());
        }
        for (const QString& t : kTexts) {
            corpus.write((t + "\n").toUtf8());
        }
        corpus.close();
        const QString prefix = dir_.filePath("tiny");
        const QByteArray trained =
            run("spm_train",
                {"--input=" + corpus.fileName(), "--model_prefix=" + prefix, "--vocab_size=120",
                 "--hard_vocab_limit=false", "--model_type=unigram", "--character_coverage=1.0",
                 "--minloglevel=2"},
                why);
        QVERIFY2(!trained.isNull(), qPrintable(why));
        modelPath_ = prefix + ".model";
        QVERIFY(QFile::exists(modelPath_));
    }

    void idsMatchPythonSentencePiece_data() {
        QTest::addColumn<bool>("lowercase");
        QTest::newRow("as typed") << false;
        QTest::newRow("lowercase") << true;
    }

    void idsMatchPythonSentencePiece() {
        QFETCH(bool, lowercase);
        const QList<std::vector<int64_t>> expected = pythonIds(kTexts, lowercase);
        if (expected.isEmpty()) {
            QSKIP("the python sentencepiece package is not available");
        }
        QCOMPARE(expected.size(), kTexts.size());
        pm::TokenizerConfig c = config();
        c.lowercase = lowercase;
        c.contextLength = 200;
        const auto tokenizer = pm::createTokenizer(c);
        for (int i = 0; i < kTexts.size(); ++i) {
            const pm::Tokenization t = tokenizer->encode(kTexts[i].toStdString());
            QVERIFY2(t.ids == expected[i], qPrintable("text: " + kTexts[i]));
            QCOMPARE(t.untruncatedLength, t.ids.size());
        }
        // Lowercasing makes case irrelevant.
        if (lowercase) {
            QCOMPARE(tokenizer->encode("A RED CIRCLE").ids, tokenizer->encode("a red circle").ids);
        }
    }

    void truncationKeepsEosLast() {
        const auto tokenizer = pm::createTokenizer(config());
        const std::string longText =
            "a red circle and a blue square and a green star and a white ring and more";
        const pm::Tokenization t = tokenizer->encode(longText);
        QCOMPARE(t.ids.size(), size_t(16));
        QCOMPARE(t.ids.front(), int64_t(1));
        QCOMPARE(t.ids.back(), int64_t(2));
        QVERIFY(t.truncated());
        QVERIFY(t.untruncatedLength > 16);
        const pm::TokenBatch batch = tokenizer->encodeBatch({longText, "red"});
        QCOMPARE(batch.cols, 16);
        QCOMPARE(batch.ids[16 + 15], int64_t(0));  // padId
        QCOMPARE(batch.attentionMask[16 + 15], int64_t(0));
        QCOMPARE(tokenizer->padId(), int64_t(0));
        auto* spm = dynamic_cast<pm::SentencePieceTokenizer*>(tokenizer.get());
        QVERIFY(spm != nullptr);
        QVERIFY(spm->pieceCount() >= 100);
    }

    void missingModuleNamesThePathsTried() {
        const QByteArray bogus = dir_.filePath("nowhere/promptmask_sentencepiece.so").toUtf8();
        qputenv("PROMPTMASK_SPM_MODULE", bogus);
        try {
            pm::createTokenizer(config());
            qunsetenv("PROMPTMASK_SPM_MODULE");
            QFAIL("expected pm::Error");
        } catch (const pm::Error& e) {
            qunsetenv("PROMPTMASK_SPM_MODULE");
            QCOMPARE(e.kind(), pm::ErrorKind::Model);
            QVERIFY2(QString(e.what()).contains(QString::fromUtf8(bogus)), e.what());
            QVERIFY2(QString(e.what()).contains("SentencePiece module"), e.what());
        }
        // Without the override the default search finds the module in the build tree again.
        QVERIFY(pm::createTokenizer(config()) != nullptr);
    }

    void searchOrderStartsBesideTheExecutable() {
        qunsetenv("PROMPTMASK_SPM_MODULE");
        const std::vector<std::string> paths = pm::SentencePieceTokenizer::moduleSearchPaths();
        QCOMPARE(paths.size(), size_t(4));
        const QString exeDir = QCoreApplication::applicationDirPath();
        QCOMPARE(QString::fromStdString(paths[0]),
                 QDir::cleanPath(exeDir + "/../lib/") + "/" +
                     QFileInfo(QString::fromStdString(paths[0])).fileName());
        QVERIFY(QString::fromStdString(paths[1]).contains("/lib/promptmask/"));
        qputenv("PROMPTMASK_SPM_MODULE", "/x/y.so");
        QCOMPARE(pm::SentencePieceTokenizer::moduleSearchPaths(), std::vector<std::string>{"/x/y.so"});
        qunsetenv("PROMPTMASK_SPM_MODULE");
    }

    void badModelFilesAreModelErrors() {
        QFile text(dir_.filePath("not-a-model.model"));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("this is not a sentencepiece model\n");
        text.close();
        for (const QString& path : {dir_.filePath("absent.model"), text.fileName()}) {
            pm::TokenizerConfig c = config();
            c.files["model"] = path.toStdString();
            try {
                pm::createTokenizer(c);
                QFAIL("expected pm::Error");
            } catch (const pm::Error& e) {
                QCOMPARE(e.kind(), pm::ErrorKind::Model);
                QVERIFY2(QString(e.what()).contains(path), e.what());
            }
        }
    }

    void cleanupTestCase() {
        // LibTorch still works after SentencePiece was loaded and used.
        if (!torchPath_.isEmpty()) {
            QCOMPARE(pm::test::runTorchScript(torchPath_.toStdString()), torchOutput_);
        }
    }
};

QTEST_GUILESS_MAIN(TestSentencePieceTokenizer)
#include "test_sentencepiece_tokenizer.moc"
