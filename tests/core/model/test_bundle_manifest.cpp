// BundleManifest on synthetic bundles: every validation names the file or field and the problem.
#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>

#include "model/BundleManifest.h"
#include "util/AtomicFile.h"
#include "util/Error.h"
#include "util/Sha256.h"

namespace fs = std::filesystem;
using nlohmann::json;

Q_DECLARE_METATYPE(std::function<void(json&)>)

namespace {

const std::string kModelBytes = "pretend TorchScript archive";
const std::string kVocabBytes = "{\"a</w>\": 320}";
const std::string kMergesBytes = "#version: 0.2\na </w>\n";

json fileEntry(const std::string& bytes) {
    return {{"sha256", pm::Sha256::hexOf(bytes)}, {"bytes", bytes.size()}};
}

json validManifest() {
    return json::parse(R"({
      "format": "promptmask-bundle", "format_version": 1,
      "model": {"family": "clipseg", "name": "CIDAS/clipseg-rd64-refined", "source": "hf:CIDAS/clipseg-rd64-refined"},
      "architecture": {"vision_hidden_size": 48, "vision_layers": 12, "vision_heads": 2, "patch_size": 16,
                       "text_hidden_size": 32, "text_layers": 4, "vocab_size": 49408, "projection_dim": 16,
                       "reduce_dim": 16, "decoder_heads": 2, "decoder_intermediate_size": 32,
                       "extract_layers": [3, 6, 9], "complex_upsampling": true},
      "input": {"size": 352, "resize": "pil-bilinear", "rescale_factor": 0.00392156862745098,
                "mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225]},
      "tokenizer": {"type": "clip-bpe", "files": {"vocab": "vocab.json", "merges": "merges.txt"},
                    "context_length": 77, "bos_id": 49406, "eos_id": 49407, "pad_id": 49407, "pooling": "argmax"},
      "dtype": "float32", "quantization": "none"
    })");
}

// Writes a consistent bundle into `dir`; `edit` may change the manifest before it is written.
void writeBundle(const fs::path& dir, const std::function<void(json&)>& edit = {}) {
    pm::AtomicFile::write(dir / "model.pt", kModelBytes);
    pm::AtomicFile::write(dir / "vocab.json", kVocabBytes);
    pm::AtomicFile::write(dir / "merges.txt", kMergesBytes);
    json m = validManifest();
    m["files"] = {{"model.pt", fileEntry(kModelBytes)},
                  {"vocab.json", fileEntry(kVocabBytes)},
                  {"merges.txt", fileEntry(kMergesBytes)}};
    if (edit) {
        edit(m);
    }
    pm::AtomicFile::write(dir / "manifest.json", m.dump(2));
}

QString modelErrorOf(const fs::path& dir) {
    try {
        pm::BundleManifest::load(dir);
    } catch (const pm::Error& e) {
        if (e.kind() != pm::ErrorKind::Model) {
            return "wrong kind: " + QString(e.what());
        }
        return QString(e.what());
    }
    return "no error";
}

}  // namespace

class TestBundleManifest : public QObject {
    Q_OBJECT
private slots:
    void loadsAValidBundle() {
        QTemporaryDir tmp;
        const fs::path dir(tmp.path().toStdString());
        writeBundle(dir);
        const pm::BundleManifest m = pm::BundleManifest::load(dir);
        QCOMPARE(m.name, std::string("CIDAS/clipseg-rd64-refined"));
        QCOMPARE(m.inputSize, 352);
        QCOMPARE(m.projectionDim, 16);
        QCOMPARE(m.extractLayers, (std::vector<int>{3, 6, 9}));
        QCOMPARE(m.mean[2], 0.406f);
        QCOMPARE(m.contextLength, 77);
        QCOMPARE(m.padId, 49407);
        QCOMPARE(m.quantization, std::string("none"));
        QCOMPARE(m.modelId(), pm::Sha256::hexOf(kModelBytes).substr(0, 12));
        QCOMPARE(m.modelPath(), dir / "model.pt");
        const pm::TokenizerConfig tc = m.tokenizerConfig();
        QCOMPARE(tc.type, std::string("clip-bpe"));
        QCOMPARE(tc.files.at("merges"), (dir / "merges.txt").string());
        QVERIFY(fs::path(tc.files.at("vocab")).is_absolute());
    }

    void rejectsBadManifests_data() {
        QTest::addColumn<std::function<void(json&)>>("edit");
        QTest::addColumn<QString>("message");
        using Edit = std::function<void(json&)>;
        QTest::newRow("future version") << Edit([](json& m) { m["format_version"] = 2; })
                                        << "unsupported bundle format_version 2 (this build reads 1)";
        QTest::newRow("other format") << Edit([](json& m) { m["format"] = "onnx"; })
                                      << "format is 'onnx', expected 'promptmask-bundle'";
        QTest::newRow("missing context length")
            << Edit([](json& m) { m["tokenizer"].erase("context_length"); })
            << "manifest.json: missing field tokenizer.context_length";
        QTest::newRow("missing input block")
            << Edit([](json& m) { m.erase("input"); }) << "manifest.json: missing field input.size";
        QTest::newRow("string where an integer belongs")
            << Edit([](json& m) { m["input"]["size"] = "352"; }) << "field input.size must be an integer";
        QTest::newRow("mean of two") << Edit([](json& m) {
            m["input"]["mean"] = {0.5, 0.5};
        }) << "field input.mean must be an array of 3 numbers";
        QTest::newRow("unknown quantization")
            << Edit([](json& m) { m["quantization"] = "int4"; }) << "unsupported quantization 'int4'";
        QTest::newRow("unknown tokenizer") << Edit([](json& m) { m["tokenizer"]["type"] = "wordpiece"; })
                                           << "unsupported tokenizer.type 'wordpiece'";
        QTest::newRow("tokenizer file not listed")
            << Edit([](json& m) { m["files"].erase("merges.txt"); })
            << "tokenizer file merges.txt (tokenizer.files.merges) is not listed";
        QTest::newRow("no model.pt") << Edit([](json& m) { m["files"].erase("model.pt"); })
                                     << "missing field files.model.pt";
        QTest::newRow("path escaping the bundle")
            << Edit([](json& m) { m["files"]["../evil"] = m["files"]["model.pt"]; }) << "'../evil'";
        QTest::newRow("bad sha") << Edit([](json& m) { m["files"]["model.pt"]["sha256"] = "abc"; })
                                 << "files.model.pt.sha256 must be 64 lowercase hex digits";
        QTest::newRow("input size not a patch multiple")
            << Edit([](json& m) { m["input"]["size"] = 350; }) << "input.size 350 is not a multiple";
    }

    void rejectsBadManifests() {
        QFETCH(std::function<void(json&)>, edit);
        QFETCH(QString, message);
        QTemporaryDir tmp;
        const fs::path dir(tmp.path().toStdString());
        writeBundle(dir, edit);
        const QString error = modelErrorOf(dir);
        QVERIFY2(error.contains(message), qPrintable(error));
        QVERIFY2(error.contains(QString::fromStdString((dir / "manifest.json").string())), qPrintable(error));
    }

    void rejectsChangedFiles_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("content");  // empty: delete the file
        QTest::addColumn<QString>("message");
        QByteArray flipped = QByteArray::fromStdString(kModelBytes);
        flipped[3] = char(flipped[3] ^ 1);
        QTest::newRow("flipped byte")
            << "model.pt" << flipped << "model.pt: sha256 mismatch (file changed or corrupt)";
        QTest::newRow("truncated") << "model.pt" << QByteArray("pretend")
                                   << "model.pt: size is 7 bytes, manifest.json says";
        QTest::newRow("deleted") << "vocab.json" << QByteArray() << "vocab.json: missing from the bundle";
    }

    void rejectsChangedFiles() {
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        QTemporaryDir tmp;
        const fs::path dir(tmp.path().toStdString());
        writeBundle(dir);
        if (content.isEmpty()) {
            fs::remove(dir / file.toStdString());
        } else {
            pm::AtomicFile::write(dir / file.toStdString(), content.toStdString());
        }
        const QString error = modelErrorOf(dir);
        QVERIFY2(error.contains(message), qPrintable(error));
        // Without verification the manifest still loads; verifyFile() checks one file on demand.
        const pm::BundleManifest m = pm::BundleManifest::load(dir, false);
        QVERIFY_THROWS_EXCEPTION(pm::Error, m.verifyFile(file.toStdString()));
        m.verifyFile("merges.txt");
    }

    void rejectsWhatIsNoBundle() {
        QTemporaryDir tmp;
        const fs::path dir(tmp.path().toStdString());
        QVERIFY(modelErrorOf(dir / "absent").contains("absent: model bundle not found"));
        QVERIFY(modelErrorOf(dir).contains("manifest.json: not found (not a PromptMask model bundle)"));
        pm::AtomicFile::write(dir / "manifest.json", "{\"format\": ");
        QVERIFY(modelErrorOf(dir).contains("manifest.json: not valid JSON"));
        pm::AtomicFile::write(dir / "file", "x");
        QVERIFY(modelErrorOf(dir / "file").contains("not a model bundle"));
    }
};

QTEST_GUILESS_MAIN(TestBundleManifest)
#include "test_bundle_manifest.moc"
