#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <fstream>
#include <memory>
#include <thread>

#include "text/ClipBpeTokenizer.h"
#include "text/TokenizerFactory.h"
#include "util/Error.h"

namespace {

QString sharedDir() {
    return qEnvironmentVariable("PROMPTMASK_SHARED_DIR");
}

bool haveGolden() {
    return QFile::exists(sharedDir() + "/golden/tokenizer/cases.json");
}

QJsonDocument readJson(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QJsonDocument::fromJson(file.readAll());
}

std::vector<int64_t> toIds(const QJsonArray& array) {
    std::vector<int64_t> ids;
    for (const QJsonValue& v : array) {
        ids.push_back(v.toInteger());
    }
    return ids;
}

std::vector<int64_t> readI64(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    const QByteArray bytes = file.readAll();
    std::vector<int64_t> values(static_cast<size_t>(bytes.size()) / sizeof(int64_t));
    std::memcpy(values.data(), bytes.constData(), values.size() * sizeof(int64_t));
    return values;
}

pm::TokenizerConfig hfConfig() {
    pm::TokenizerConfig config;
    config.type = "clip-bpe";
    const QString dir = sharedDir() + "/golden/hf/tiny-refined/";
    config.files["vocab"] = (dir + "vocab.json").toStdString();
    config.files["merges"] = (dir + "merges.txt").toStdString();
    return config;
}

pm::TokenizerConfig openAiConfig() {
    pm::TokenizerConfig config;
    config.type = "clip-bpe";
    config.files["bpe"] = (sharedDir() + "/golden/clip_bpe/bpe_simple_vocab_16e6.txt.gz").toStdString();
    return config;
}

void writeFile(const QString& path, const QByteArray& content) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

}  // namespace

class TestClipBpeTokenizer : public QObject {
    Q_OBJECT

    std::unique_ptr<pm::Tokenizer> hf_;
    std::unique_ptr<pm::Tokenizer> openAi_;

    const pm::Tokenizer& byFormat(const QString& format) { return format == "hf" ? *hf_ : *openAi_; }

private slots:
    void initTestCase() {
        if (!haveGolden()) {
            return;
        }
        QElapsedTimer timer;
        timer.start();
        hf_ = pm::createTokenizer(hfConfig());
        const qint64 hfMs = timer.restart();
        openAi_ = pm::createTokenizer(openAiConfig());
        qInfo("load: vocab.json+merges.txt %lld ms, bpe .txt.gz %lld ms", hfMs, timer.elapsed());
    }

    // Every string of golden/tokenizer/cases.json, from both file formats.
    void goldenCases_data() {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QJsonArray>("ids");
        QTest::addColumn<int>("untruncated");
        if (!haveGolden()) {
            QTest::newRow("no-shared-dir") << QString() << QString() << QJsonArray() << 0;
            return;
        }
        const QJsonArray cases = readJson(sharedDir() + "/golden/tokenizer/cases.json").array();
        QVERIFY(cases.size() >= 65);
        for (const QString format : {"hf", "openai"}) {
            int index = 0;
            for (const QJsonValue& value : cases) {
                const QJsonObject c = value.toObject();
                const QString text = c["text"].toString();
                QString name = text.left(30);
                name.replace('\n', "\\n").replace('\t', "\\t");
                QTest::addRow("%s/%02d %s", qPrintable(format), index++, qPrintable(name))
                    << format << text << c["ids"].toArray() << c["n_ids_untruncated"].toInt();
            }
        }
    }

    void goldenCases() {
        if (!haveGolden()) {
            QSKIP("PROMPTMASK_SHARED_DIR/golden is absent: no tokenizer parity data");
        }
        QFETCH(QString, format);
        QFETCH(QString, text);
        QFETCH(QJsonArray, ids);
        QFETCH(int, untruncated);
        const pm::Tokenization t = byFormat(format).encode(text.toStdString());
        QCOMPARE(t.ids, toIds(ids));
        QCOMPARE(t.untruncatedLength, static_cast<size_t>(untruncated));
        QCOMPARE(t.truncated(), untruncated > 77);
    }

    // The padded batches the golden model cases were run with (input_ids.i64 / attention_mask.i64).
    void goldenBatches_data() {
        QTest::addColumn<QString>("caseDir");
        if (!haveGolden()) {
            QTest::newRow("no-shared-dir") << QString();
            return;
        }
        const QDir cases(sharedDir() + "/golden/cases/tiny-refined");
        for (const QString& name : cases.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            if (QFile::exists(cases.filePath(name + "/input_ids.i64"))) {
                QTest::newRow(qPrintable(name)) << cases.filePath(name);
            }
        }
    }

    void goldenBatches() {
        if (!haveGolden()) {
            QSKIP("PROMPTMASK_SHARED_DIR/golden is absent: no tokenizer parity data");
        }
        QFETCH(QString, caseDir);
        const QJsonObject index = readJson(caseDir + "/index.json").object();
        std::vector<std::string> prompts;
        for (const QJsonValue& p : index["prompts"].toArray()) {
            prompts.push_back(p.toString().toStdString());
        }
        QVERIFY(!prompts.empty());
        const pm::TokenBatch batch = hf_->encodeBatch(prompts);
        const QJsonArray shape = index["tensors"].toObject()["input_ids"].toObject()["shape"].toArray();
        QCOMPARE(batch.rows, shape[0].toInt());
        QCOMPARE(batch.cols, shape[1].toInt());
        QCOMPARE(batch.ids, readI64(caseDir + "/input_ids.i64"));
        QCOMPARE(batch.attentionMask, readI64(caseDir + "/attention_mask.i64"));
    }

    void padBatchPadsRightWithMask() {
        pm::Tokenization a;
        a.ids = {1, 5, 2};
        pm::Tokenization b;
        b.ids = {1, 2};
        const pm::TokenBatch batch = pm::padBatch({a, b}, 9);
        QCOMPARE(batch.rows, 2);
        QCOMPARE(batch.cols, 3);
        QCOMPARE(batch.ids, (std::vector<int64_t>{1, 5, 2, 1, 2, 9}));
        QCOMPARE(batch.attentionMask, (std::vector<int64_t>{1, 1, 1, 1, 1, 0}));
        const pm::TokenBatch empty = pm::padBatch({}, 9);
        QCOMPARE(empty.rows, 0);
        QCOMPARE(empty.cols, 0);
        QVERIFY(empty.ids.empty());
    }

    void shortContextKeepsEosLast() {
        if (!haveGolden()) {
            QSKIP("PROMPTMASK_SHARED_DIR/golden is absent");
        }
        pm::TokenizerConfig config = hfConfig();
        config.contextLength = 4;
        const auto tokenizer = pm::createTokenizer(config);
        const pm::Tokenization t = tokenizer->encode("the quick brown fox jumps");
        QCOMPARE(t.ids, (std::vector<int64_t>{49406, 518, 3712, 49407}));
        QCOMPARE(t.untruncatedLength, size_t(7));
        QVERIFY(t.truncated());
        QCOMPARE(tokenizer->contextLength(), 4);
    }

    void specialTokenTextMapsToSpecialIds() {
        if (!haveGolden()) {
            QSKIP("PROMPTMASK_SHARED_DIR/golden is absent");
        }
        // As in HF (special added tokens, matched after normalisation) and openai's SimpleTokenizer.
        const pm::Tokenization t = hf_->encode("a cat<|endoftext|>DOG <|StartOfText|>");
        QCOMPARE(t.ids, (std::vector<int64_t>{49406, 320, 2368, 49407, 1929, 49406, 49407}));
    }

    void tokenTextShowsVocabulary() {
        if (!haveGolden()) {
            QSKIP("PROMPTMASK_SHARED_DIR/golden is absent");
        }
        auto* clip = dynamic_cast<pm::ClipBpeTokenizer*>(hf_.get());
        QVERIFY(clip != nullptr);
        QCOMPARE(clip->vocabularySize(), size_t(49408));
        QCOMPARE(QString::fromStdString(clip->tokenText(0)), QString("!"));
        QCOMPARE(QString::fromStdString(clip->tokenText(2368)), QString("cat</w>"));
        QCOMPARE(QString::fromStdString(clip->tokenText(49406)), QString("<|startoftext|>"));
        QVERIFY(clip->tokenText(49408).empty());
        QVERIFY(clip->tokenText(-1).empty());
    }

    void invalidUtf8IsAnInputError() {
        if (!haveGolden()) {
            QSKIP("PROMPTMASK_SHARED_DIR/golden is absent");
        }
        try {
            hf_->encode("caf\xC3");
            QFAIL("expected pm::Error");
        } catch (const pm::Error& e) {
            QCOMPARE(e.kind(), pm::ErrorKind::Input);
            QVERIFY2(QString(e.what()).contains("UTF-8"), e.what());
        }
    }

    void concurrentEncodeAgrees() {
        if (!haveGolden()) {
            QSKIP("PROMPTMASK_SHARED_DIR/golden is absent");
        }
        const std::vector<std::string> texts = {"a glass", "something to fill", "wood", "a jar",
                                                "naïve résumé"};
        std::vector<std::vector<int64_t>> expected;
        for (const auto& t : texts) {
            expected.push_back(openAi_->encode(t).ids);
        }
        std::atomic<int> mismatches{0};
        auto work = [&] {
            for (int round = 0; round < 200; ++round) {
                for (size_t i = 0; i < texts.size(); ++i) {
                    if (openAi_->encode(texts[i] + std::to_string(round % 7)).ids.size() <
                        expected[i].size()) {
                        ++mismatches;
                    }
                }
            }
        };
        std::thread t1(work), t2(work);
        t1.join();
        t2.join();
        QCOMPARE(mismatches.load(), 0);
        for (size_t i = 0; i < texts.size(); ++i) {
            QCOMPARE(openAi_->encode(texts[i]).ids, expected[i]);
        }
    }

    void badConfigsAreModelErrors_data() {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("vocabContent");   // empty: no vocab role
        QTest::addColumn<QString>("mergesContent");  // empty: no merges role
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("unknown type") << "wordpiece"
                                      << ""
                                      << ""
                                      << "unknown tokenizer type \"wordpiece\"";
        QTest::newRow("no files") << "clip-bpe"
                                  << ""
                                  << ""
                                  << "needs the files";
        QTest::newRow("vocab not json") << "clip-bpe"
                                        << "{not json"
                                        << "#version: 0.2\n"
                                        << "vocab.json";
        QTest::newRow("vocab lacks bytes") << "clip-bpe"
                                           << "{\"a\": 0}"
                                           << "#version: 0.2\n"
                                           << "byte symbol";
        QTest::newRow("missing file") << "clip-bpe"
                                      << "<missing>"
                                      << "#version: 0.2\n"
                                      << "cannot read";
    }

    void badConfigsAreModelErrors() {
        QFETCH(QString, type);
        QFETCH(QString, vocabContent);
        QFETCH(QString, mergesContent);
        QFETCH(QString, messagePart);
        QTemporaryDir dir;
        pm::TokenizerConfig config;
        config.type = type.toStdString();
        if (!vocabContent.isEmpty()) {
            const QString vocab = dir.filePath("vocab.json");
            if (vocabContent != "<missing>") {
                writeFile(vocab, vocabContent.toUtf8());
            }
            config.files["vocab"] = vocab.toStdString();
        }
        if (!mergesContent.isEmpty()) {
            writeFile(dir.filePath("merges.txt"), mergesContent.toUtf8());
            config.files["merges"] = dir.filePath("merges.txt").toStdString();
        }
        try {
            pm::createTokenizer(config);
            QFAIL("expected pm::Error");
        } catch (const pm::Error& e) {
            QCOMPARE(e.kind(), pm::ErrorKind::Model);
            QVERIFY2(QString(e.what()).contains(messagePart), e.what());
        }
    }

    void malformedMergeLineNamesTheLine() {
        if (!haveGolden()) {
            QSKIP("PROMPTMASK_SHARED_DIR/golden is absent");
        }
        QTemporaryDir dir;
        writeFile(dir.filePath("merges.txt"), "#version: 0.2\ni n\nthis line is wrong\n");
        pm::TokenizerConfig config = hfConfig();
        config.files["merges"] = dir.filePath("merges.txt").toStdString();
        try {
            pm::createTokenizer(config);
            QFAIL("expected pm::Error");
        } catch (const pm::Error& e) {
            QCOMPARE(e.kind(), pm::ErrorKind::Model);
            QVERIFY2(QString(e.what()).contains("line 3"), e.what());
            QVERIFY2(QString(e.what()).contains("merges.txt"), e.what());
        }
    }

    void encodeSpeed() {
        if (!haveGolden()) {
            QSKIP("PROMPTMASK_SHARED_DIR/golden is absent");
        }
        QElapsedTimer timer;
        timer.start();
        const int n = 2000;
        for (int i = 0; i < n; ++i) {
            hf_->encode("a photo of a red car parked on the street " + std::to_string(i));
        }
        qInfo("encode: %.1f us per 10-word prompt (warm cache)", timer.nsecsElapsed() / 1000.0 / n);
    }
};

QTEST_GUILESS_MAIN(TestClipBpeTokenizer)
#include "test_clip_bpe_tokenizer.moc"
