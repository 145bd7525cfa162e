// ClipSegRuntime against the golden reference: golden pixel_values / input_ids go straight into the
// TorchScript methods, so this isolates the exported module from image decoding and tokenization.
#include <QTemporaryDir>
#include <QtTest>

#include "GoldenData.h"
#include "model/BundleManifest.h"
#include "model/ClipSegRuntime.h"
#include "util/AtomicFile.h"
#include "util/Error.h"

namespace fs = std::filesystem;

namespace {

// bundle name -> golden model whose cases it must reproduce
const std::vector<std::pair<std::string, std::string>> kBundles = {
    {"tiny-refined", "tiny-refined"},
    {"tiny-simple", "tiny-simple"},
    {"tiny-refined-bin", "tiny-refined"},  // exported from pytorch_model.bin instead of safetensors
};

constexpr double kHiddenTolerance = 1e-4;
constexpr double kEmbeddingTolerance = 2e-5;
constexpr double kLogitTolerance = 1e-4;

}  // namespace

class TestClipSegRuntime : public QObject {
    Q_OBJECT
private slots:
    void goldenCase_data() {
        QTest::addColumn<QString>("bundle");
        QTest::addColumn<QString>("caseDir");
        QTest::addColumn<bool>("frozen");
        if (!golden::available()) {
            QTest::newRow("no-shared-data") << QString() << QString() << false;
            return;
        }
        for (const auto& [bundle, model] : kBundles) {
            for (const golden::Case& c : golden::cases(model)) {
                // The frozen module (what float32 bundles ship with) must keep the same parity; the -bin
                // bundle holds tiny-refined's model again, so it runs unfrozen only (test time).
                for (const bool frozen : {false, true}) {
                    if (frozen && bundle == "tiny-refined-bin") {
                        continue;
                    }
                    const std::string row =
                        bundle + "/" + c.dir.filename().string() + (frozen ? "/frozen" : "");
                    QTest::newRow(row.c_str())
                        << QString::fromStdString(bundle) << QString::fromStdString(c.dir.string()) << frozen;
                }
            }
        }
    }

    void goldenCase() {
        QFETCH(QString, bundle);
        QFETCH(QString, caseDir);
        QFETCH(bool, frozen);
        GOLDEN_REQUIRE_BUNDLE(bundle.toStdString());
        const golden::Case c{caseDir.toStdString(),
                             golden::readJson(fs::path(caseDir.toStdString()) / "index.json")};
        const pm::BundleManifest manifest = pm::BundleManifest::load(golden::bundleDir(bundle.toStdString()));
        pm::RuntimeOptions options;
        options.threads = 2;
        options.freeze = frozen;
        const pm::ClipSegRuntime runtime(manifest.modelPath(), manifest.inputSize, options);

        // Vision tower: activations after the extract layers.
        const auto activations = runtime.encodeImage(c.f32("pixel_values"));
        const std::vector<pm::FloatTensor> layers = activations->toHost();
        QCOMPARE(int(layers.size()), int(manifest.extractLayers.size()));
        QVERIFY(activations->bytes() >= layers[0].data.size() * sizeof(float) * layers.size());
        for (size_t i = 0; i < layers.size(); ++i) {
            const std::string name = "vision_hidden_after_layer" + std::to_string(manifest.extractLayers[i]);
            if (!c.has(name)) {
                continue;
            }
            QCOMPARE(layers[i].shape, c.shape(name));
            const double d = golden::maxAbsDiff(layers[i].data, c.f32(name));
            QVERIFY2(d <= kHiddenTolerance,
                     qPrintable(QString("%1: max |diff| %2").arg(name.c_str()).arg(d)));
        }

        // Conditional embeddings: text tower or visual prompt.
        pm::FloatTensor cond;
        if (c.isVisual()) {
            cond = runtime.embedImages(c.f32("conditional_pixel_values"), 1);
        } else {
            const auto shape = c.shape("input_ids");
            cond =
                runtime.encodeText(c.i64("input_ids"), c.i64("attention_mask"), int(shape[0]), int(shape[1]));
        }
        QCOMPARE(cond.shape, c.shape("conditional_embeddings"));
        const double dc = golden::maxAbsDiff(cond.data, c.f32("conditional_embeddings"));
        QVERIFY2(dc <= kEmbeddingTolerance, qPrintable(QString("conditional: max |diff| %1").arg(dc)));

        // Decoder: one batched call with the batch-1 activations broadcast to N prompts.
        const pm::FloatTensor logits = runtime.decode(*activations, cond);
        QCOMPARE(logits.shape, c.shape("logits"));
        const double dl = golden::maxAbsDiff(logits.data, c.f32("logits"));
        QVERIFY2(dl <= kLogitTolerance, qPrintable(QString("logits: max |diff| %1").arg(dl)));

        // The decoder alone, fed the golden hidden states and embeddings.
        if (c.has("vision_hidden_after_layer3")) {
            std::vector<pm::FloatTensor> goldenLayers;
            for (const int layer : manifest.extractLayers) {
                const std::string name = "vision_hidden_after_layer" + std::to_string(layer);
                goldenLayers.push_back({c.shape(name), c.f32(name)});
            }
            const pm::FloatTensor goldenCond{c.shape("conditional_embeddings"),
                                             c.f32("conditional_embeddings")};
            const pm::FloatTensor decoded =
                runtime.decode(*pm::ImageActivations::fromHost(goldenLayers), goldenCond);
            const double dd = golden::maxAbsDiff(decoded.data, c.f32("logits"));
            QVERIFY2(dd <= kLogitTolerance, qPrintable(QString("decoder alone: max |diff| %1").arg(dd)));
        }
    }

    void garbageModelFileIsAModelError() {
        QTemporaryDir dir;
        const fs::path model = fs::path(dir.path().toStdString()) / "model.pt";
        pm::AtomicFile::write(model, "this is not a TorchScript archive");
        try {
            pm::ClipSegRuntime runtime(model, 352, {1, false});
            QFAIL("expected pm::Error");
        } catch (const pm::Error& e) {
            QCOMPARE(e.kind(), pm::ErrorKind::Model);
            QCOMPARE(e.exitCode(), 4);
            QVERIFY2(QString(e.what()).contains("model.pt"), e.what());
            QVERIFY2(!QString(e.what()).contains('\n'), "the message is one line, without a C++ backtrace");
        }
    }

    void wronglySizedInputsAreInputErrors() {
        GOLDEN_REQUIRE_BUNDLE("tiny-refined");
        const pm::BundleManifest manifest =
            pm::BundleManifest::load(golden::bundleDir("tiny-refined"), false);
        const pm::ClipSegRuntime runtime(manifest.modelPath(), manifest.inputSize, {1, false});
        QCOMPARE(runtime.inputSize(), 352);
        QCOMPARE(runtime.threads(), 1);
        QVERIFY_THROWS_EXCEPTION(pm::Error, runtime.encodeImage(std::vector<float>(3 * 224 * 224)));
        QVERIFY_THROWS_EXCEPTION(pm::Error, runtime.encodeText({49406, 49407}, {1}, 1, 2));
        // A token id beyond the vocabulary fails inside TorchScript: a Model error naming model.pt.
        try {
            runtime.encodeText({49406, 99999999, 49407}, {1, 1, 1}, 1, 3);
            QFAIL("expected pm::Error");
        } catch (const pm::Error& e) {
            QCOMPARE(e.kind(), pm::ErrorKind::Model);
            QVERIFY2(QString(e.what()).contains("model.pt: encode_text failed"), e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestClipSegRuntime)
#include "test_clipseg_runtime.moc"
