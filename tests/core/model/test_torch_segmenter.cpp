// End-to-end parity: golden image files -> ImageLoader + Preprocessor + Tokenizer -> TorchSegmenter,
// compared with the golden logits; also the token ids and the c07 visual-prompt embedding.
#include <QtTest>
#include <opencv2/core.hpp>

#include "GoldenData.h"
#include "image/ImageLoader.h"
#include "image/VisualPromptCrop.h"
#include "model/TorchSegmenter.h"
#include "text/Tokenizer.h"

namespace fs = std::filesystem;

namespace {

constexpr double kLogitTolerance = 1e-4;  // same pixels as the reference: the preprocessing is Pillow-exact
// JPEG: when OpenCV's decoder differs from Pillow's (libjpeg-turbo on Debian 12: it does not; measured
// max |logit diff| 1.5e-5), a few uint8 steps at some pixels move the logits by up to a few 1e-2.
constexpr double kJpegDecoderLogitTolerance = 5e-2;

// True when this build decodes the golden JPEG exactly as Pillow did (golden/images/*.decoded_rgb.png).
bool jpegDecodesLikePillow(const std::string& jpeg) {
    const std::string png = jpeg.substr(0, jpeg.size() - 4) + ".decoded_rgb.png";
    if (!fs::exists(png)) {
        return false;
    }
    const cv::Mat a = pm::ImageLoader::loadRgb(jpeg);
    const cv::Mat b = pm::ImageLoader::loadRgb(png);
    return a.size() == b.size() && cv::norm(a, b, cv::NORM_INF) == 0;
}

std::unique_ptr<pm::TorchSegmenter> open(const std::string& bundle) {
    pm::EngineOptions options;
    options.threads = 2;
    return std::make_unique<pm::TorchSegmenter>(pm::BundleManifest::load(golden::bundleDir(bundle)), options);
}

std::vector<pm::Prompt> promptsOf(const golden::Case& c, pm::VisualPromptMode mode) {
    std::vector<pm::Prompt> prompts;
    if (c.isVisual()) {
        const auto& vp = c.index["visual_prompt"];
        const auto box = vp["box_xyxy"].get<std::vector<int>>();
        prompts.push_back(
            pm::Prompt::fromExemplar({(golden::goldenDir() / vp["image"].get<std::string>()).string(),
                                      cv::Rect(box[0], box[1], box[2] - box[0], box[3] - box[1]), mode}));
    } else {
        for (const std::string& text : c.prompts()) {
            prompts.push_back(pm::Prompt::fromText(text));
        }
    }
    return prompts;
}

}  // namespace

class TestTorchSegmenter : public QObject {
    Q_OBJECT
private slots:
    void endToEnd_data() {
        QTest::addColumn<QString>("bundle");
        QTest::addColumn<QString>("caseDir");
        if (!golden::available()) {
            QTest::newRow("no-shared-data") << QString() << QString();
            return;
        }
        for (const std::string model : {"tiny-refined", "tiny-simple"}) {
            for (const golden::Case& c : golden::cases(model)) {
                QTest::newRow((model + "/" + c.dir.filename().string()).c_str())
                    << QString::fromStdString(model) << QString::fromStdString(c.dir.string());
            }
        }
    }

    void endToEnd() {
        QFETCH(QString, bundle);
        QFETCH(QString, caseDir);
        GOLDEN_REQUIRE_BUNDLE(bundle.toStdString());
        const golden::Case c{caseDir.toStdString(),
                             golden::readJson(fs::path(caseDir.toStdString()) / "index.json")};
        const auto segmenter = open(bundle.toStdString());

        // Token ids exact (the golden rows are padded: compare the unpadded part).
        if (!c.isVisual()) {
            const auto shape = c.shape("input_ids");
            const auto ids = c.i64("input_ids");
            const auto mask = c.i64("attention_mask");
            const auto prompts = c.prompts();
            for (size_t row = 0; row < prompts.size(); ++row) {
                std::vector<int64_t> expected;
                for (int64_t col = 0; col < shape[1]; ++col) {
                    if (mask[row * shape[1] + col]) {
                        expected.push_back(ids[row * shape[1] + col]);
                    }
                }
                QCOMPARE(segmenter->tokenizer().encode(prompts[row]).ids, expected);
            }
        }

        const std::vector<pm::Prompt> prompts = promptsOf(c, pm::VisualPromptMode::Crop);
        const pm::SegmentationResult r = segmenter->segment(c.image(), prompts);
        const auto wh = c.index["image_size_wh"].get<std::vector<int>>();
        QCOMPARE(r.imageSize, cv::Size(wh[0], wh[1]));
        QCOMPARE(r.logits.size(), prompts.size());
        QCOMPARE(r.probabilities.size(), prompts.size());

        const std::vector<float> expected = c.f32("logits");
        const size_t plane = size_t(352) * 352;
        double worst = 0;
        size_t maskDisagreements = 0;
        for (size_t i = 0; i < prompts.size(); ++i) {
            QCOMPARE(r.logits[i].size(), cv::Size(352, 352));
            QVERIFY(r.logits[i].isContinuous());
            const float* got = r.logits[i].ptr<float>();
            const float* want = expected.data() + i * plane;
            worst = std::max(worst, golden::maxAbsDiff(got, want, plane));
            for (size_t p = 0; p < plane; ++p) {
                maskDisagreements += (got[p] > 0) != (want[p] > 0) && std::fabs(want[p]) >= 1e-4;
            }
            QCOMPARE(r.probabilities[i].size(), r.imageSize);
            double lo = 0, hi = 0;
            cv::minMaxLoc(r.probabilities[i], &lo, &hi);
            QVERIFY(lo >= 0.0 && hi <= 1.0);
        }
        const bool jpeg = c.image().size() > 4 && c.image().substr(c.image().size() - 4) == ".jpg";
        const bool exactPixels = !jpeg || jpegDecodesLikePillow(c.image());
        qInfo("max |logit diff| %.3g, mask disagreements %zu of %zu%s", worst, maskDisagreements,
              plane * prompts.size(), exactPixels ? "" : " (JPEG decoder differs from Pillow's)");
        QVERIFY2(worst <= (exactPixels ? kLogitTolerance : kJpegDecoderLogitTolerance),
                 qPrintable(QString::number(worst)));
        if (exactPixels) {
            QCOMPARE(maskDisagreements, size_t(0));
        } else {
            QVERIFY(maskDisagreements <= plane * prompts.size() / 1000);  // at most 0.1 %
        }
    }

    void visualPromptCropMatchesGoldenEmbedding_data() {
        QTest::addColumn<QString>("bundle");
        QTest::newRow("tiny-refined") << "tiny-refined";
        QTest::newRow("tiny-simple") << "tiny-simple";
    }

    void visualPromptCropMatchesGoldenEmbedding() {
        QFETCH(QString, bundle);
        GOLDEN_REQUIRE_BUNDLE(bundle.toStdString());
        const fs::path dir =
            golden::goldenDir() / "cases" / bundle.toStdString() / "c07_example_visualprompt";
        const golden::Case c{dir, golden::readJson(dir / "index.json")};
        const auto segmenter = open(bundle.toStdString());
        const pm::Prompt prompt = promptsOf(c, pm::VisualPromptMode::Crop).front();
        const cv::Mat rgb = pm::ImageLoader::loadRgb(prompt.exemplar->imagePath);
        const cv::Mat crop =
            pm::VisualPromptCrop::make(rgb, prompt.exemplar->box, pm::VisualPromptMode::Crop);
        QCOMPARE(crop.size(), cv::Size(160, 200));
        const std::vector<float> pixels = segmenter->pixelValues(crop);
        const double dp = golden::maxAbsDiff(pixels, c.f32("conditional_pixel_values"));
        qInfo("crop pixel_values max |diff| %.3g (JPEG decode)", dp);
        const pm::FloatTensor emb = segmenter->runtime().embedImages(pixels, 1);
        const double de = golden::maxAbsDiff(emb.data, c.f32("conditional_embeddings"));
        qInfo("visual-prompt embedding max |diff| %.3g", de);
        // Same pixels as the reference -> 2e-5; a JPEG decoder difference shows up in dp first.
        QVERIFY2(de <= (dp == 0 ? 2e-5 : 1e-3), qPrintable(QString::number(de)));
        // And from the golden pixels exactly.
        const pm::FloatTensor fromGolden =
            segmenter->runtime().embedImages(c.f32("conditional_pixel_values"), 1);
        QVERIFY(golden::maxAbsDiff(fromGolden.data, c.f32("conditional_embeddings")) <= 2e-5);
    }
};

QTEST_GUILESS_MAIN(TestTorchSegmenter)
#include "test_torch_segmenter.moc"
