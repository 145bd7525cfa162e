// TorchSegmenter behaviour beyond parity: the image and prompt caches, batching, warnings, cancellation
// and errors. Uses the tiny-refined bundle of the model.export_bundles fixture and copies of golden images
// in a temporary folder.
#include <QTemporaryDir>
#include <QtTest>
#include <fstream>
#include <opencv2/core.hpp>
#include <thread>

#include "GoldenData.h"
#include "model/SegmenterFactory.h"
#include "model/TorchSegmenter.h"
#include "util/AtomicFile.h"
#include "util/Error.h"

namespace fs = std::filesystem;

namespace {

const char* const kBundle = "tiny-refined";

std::unique_ptr<pm::Segmenter> open(size_t imageCacheBytes = size_t(64) << 20) {
    pm::EngineOptions options;
    options.threads = 2;
    options.imageCacheBytes = imageCacheBytes;
    return pm::openSegmenter(golden::bundleDir(kBundle).string(), options);
}

std::string goldenImage(const std::string& name) {
    return (golden::goldenDir() / "images" / name).string();
}

std::vector<pm::Prompt> texts(std::initializer_list<const char*> list) {
    std::vector<pm::Prompt> prompts;
    for (const char* t : list) {
        prompts.push_back(pm::Prompt::fromText(t));
    }
    return prompts;
}

double maxDiff(const cv::Mat& a, const cv::Mat& b) {
    return cv::norm(a, b, cv::NORM_INF);
}

pm::ErrorKind errorKindOf(const std::function<void()>& f, QString* message = nullptr) {
    try {
        f();
    } catch (const pm::Error& e) {
        if (message) {
            *message = e.what();
        }
        return e.kind();
    }
    return pm::ErrorKind(-1);
}

}  // namespace

class TestSegmenterCache : public QObject {
    Q_OBJECT
private slots:
    void init() { GOLDEN_REQUIRE_BUNDLE(kBundle); }

    void secondSegmentOfAnImageIsACacheHit() {
        const auto s = open();
        const std::string image = goldenImage("gradient_shapes_640x480.png");
        QVERIFY(!s->isImageCached(image));
        const pm::SegmentationResult first = s->segment(image, texts({"cat"}));
        QVERIFY(!first.timings.imageCacheHit);
        QVERIFY(first.timings.encodeImageMs > 0);
        QVERIFY(first.timings.loadImageMs > 0);
        QVERIFY(s->isImageCached(image));
        const pm::SegmentationResult second = s->segment(image, texts({"cat"}));
        QVERIFY(second.timings.imageCacheHit);
        QCOMPARE(second.timings.encodeImageMs, 0.0);
        QCOMPARE(second.timings.loadImageMs, 0.0);
        QCOMPARE(maxDiff(first.logits[0], second.logits[0]), 0.0);
        QCOMPARE(second.imageSize, cv::Size(640, 480));
        const pm::CacheStats stats = s->cacheStats();
        QCOMPARE(stats.images, size_t(1));
        QCOMPARE(stats.hits, size_t(1));
        QCOMPARE(stats.misses, size_t(1));
        QVERIFY(stats.imageBytes >= size_t(3) * 485 * 48 * 4);  // three [1,485,48] float layers
        QCOMPARE(stats.promptHits, size_t(1));
        QCOMPARE(stats.promptMisses, size_t(1));
    }

    void encodeImagePrefetches() {
        const auto s = open();
        const std::string image = goldenImage("tall_rgb_123x777.png");
        s->encodeImage(image);
        QVERIFY(s->isImageCached(image));
        const pm::SegmentationResult r = s->segment(image, texts({"a red car"}));
        QVERIFY(r.timings.imageCacheHit);
        QCOMPARE(r.imageSize, cv::Size(123, 777));
    }

    void anEditedFileIsNotServedFromTheCache() {
        QTemporaryDir tmp;
        const fs::path image = fs::path(tmp.path().toStdString()) / "picture.png";
        fs::copy_file(goldenImage("gray_300x200.png"), image);
        const auto s = open();
        QCOMPARE(s->segment(image.string(), texts({"cat"})).imageSize, cv::Size(300, 200));
        QVERIFY(s->isImageCached(image.string()));
        fs::copy_file(goldenImage("rgba_256x256.png"), image, fs::copy_options::overwrite_existing);
        fs::last_write_time(image, fs::last_write_time(image) + std::chrono::seconds(5));
        QVERIFY(!s->isImageCached(image.string()));
        const pm::SegmentationResult r = s->segment(image.string(), texts({"cat"}));
        QVERIFY(!r.timings.imageCacheHit);
        QCOMPARE(r.imageSize, cv::Size(256, 256));
    }

    void byteBudgetEvictsTheLeastRecentlyUsed() {
        size_t perImage = 0;
        {
            const auto probe = open();
            probe->encodeImage(goldenImage("gray_300x200.png"));
            perImage = probe->cacheStats().imageBytes;
        }
        QVERIFY(perImage > 0);
        const std::string a = goldenImage("gray_300x200.png");
        const std::string b = goldenImage("rgba_256x256.png");
        const std::string c = goldenImage("tall_rgb_123x777.png");
        const auto s = open(perImage * 2 + perImage / 2);  // room for two
        s->encodeImage(a);
        s->encodeImage(b);
        s->segment(a, texts({"cat"}));  // a becomes the most recently used
        s->encodeImage(c);              // evicts b
        QVERIFY(s->isImageCached(a));
        QVERIFY(!s->isImageCached(b));
        QVERIFY(s->isImageCached(c));
        const pm::CacheStats stats = s->cacheStats();
        QCOMPARE(stats.images, size_t(2));
        QVERIFY(stats.imageBytes <= stats.imageBudgetBytes);

        const auto none = open(0);  // a zero budget caches nothing but still segments
        QCOMPARE(none->segment(a, texts({"cat"})).logits.size(), size_t(1));
        QVERIFY(!none->isImageCached(a));
        QCOMPARE(none->cacheStats().images, size_t(0));
    }

    void promptEmbeddingsAreCached() {
        const auto s = open();
        const std::string image = goldenImage("example_image.jpg");
        const pm::SegmentationResult first = s->segment(image, texts({"a glass"}));
        const pm::SegmentationResult second = s->segment(image, texts({"wood", "a glass", "wood"}));
        const pm::CacheStats stats = s->cacheStats();
        QCOMPARE(stats.prompts, size_t(2));
        QCOMPARE(stats.promptMisses, size_t(2));  // "a glass", "wood" (the repeated "wood" is computed once)
        QCOMPARE(stats.promptHits, size_t(1));
        QVERIFY(maxDiff(first.logits[0], second.logits[1]) <= 1e-4);
        QVERIFY(maxDiff(second.logits[0], second.logits[2]) <= 1e-4);  // same embedding, other batch row
    }

    void aBatchEqualsSinglePromptRuns() {
        const auto s = open();
        const std::string image = goldenImage("example_image.jpg");
        const auto prompts = texts({"a glass", "something to fill", "wood", "a jar"});
        const pm::SegmentationResult batch = s->segment(image, prompts);
        QCOMPARE(batch.logits.size(), size_t(4));
        for (size_t i = 0; i < prompts.size(); ++i) {
            const auto single = open();  // fresh caches: nothing shared with the batch run
            const pm::SegmentationResult one = single->segment(image, {prompts[i]});
            const double d = maxDiff(batch.logits[i], one.logits[0]);
            QVERIFY2(d <= 1e-4, qPrintable(QString("prompt %1: %2").arg(i).arg(d)));
            QVERIFY(maxDiff(batch.probabilities[i], one.probabilities[0]) <= 1e-4);
        }
        // Different prompts give different masks (the batch is not one prompt repeated).
        QVERIFY(maxDiff(batch.logits[0], batch.logits[2]) > 0.1);
    }

    void overlongPromptIsTruncatedWithAWarning() {
        const auto s = open();
        std::string longPrompt;
        for (int i = 0; i < 100; ++i) {
            longPrompt += "word ";
        }
        const auto prompts =
            std::vector<pm::Prompt>{pm::Prompt::fromText("cat"), pm::Prompt::fromText(longPrompt)};
        for (int run = 0; run < 2; ++run) {  // the warning survives the prompt cache
            const pm::SegmentationResult r = s->segment(goldenImage("gray_300x200.png"), prompts);
            QCOMPARE(r.warnings.size(), size_t(1));
            QCOMPARE(r.promptWarnings.size(), size_t(2));
            QVERIFY(r.promptWarnings[0].empty());
            QCOMPARE(r.promptWarnings[1].size(), size_t(1));
            QVERIFY2(QString::fromStdString(r.warnings[0])
                         .contains("102 tokens long; truncated to the model's 77"),
                     r.warnings[0].c_str());
        }
    }

    void cancelledTokenStopsTheCall() {
        const auto s = open();
        pm::CancelToken token;
        token.cancel();
        const std::string image = goldenImage("gray_300x200.png");
        QCOMPARE(errorKindOf([&] { s->segment(image, texts({"cat"}), &token); }), pm::ErrorKind::Cancelled);
        QCOMPARE(errorKindOf([&] { s->encodeImage(image, &token); }), pm::ErrorKind::Cancelled);
        token.reset();
        QCOMPARE(s->segment(image, texts({"cat"}), &token).logits.size(), size_t(1));
    }

    void inputErrorsNameTheFile() {
        QTemporaryDir tmp;
        const fs::path corrupt = fs::path(tmp.path().toStdString()) / "corrupt.png";
        pm::AtomicFile::write(corrupt, "\x89PNG\r\n\x1a\n definitely not the rest of a PNG");
        const auto s = open();
        QString message;
        QCOMPARE(errorKindOf([&] { s->segment("/nonexistent/picture.jpg", texts({"cat"})); }, &message),
                 pm::ErrorKind::Input);
        QVERIFY2(message.contains("/nonexistent/picture.jpg"), qPrintable(message));
        QCOMPARE(errorKindOf([&] { s->segment(corrupt.string(), texts({"cat"})); }, &message),
                 pm::ErrorKind::Input);
        QVERIFY2(message.contains("corrupt.png"), qPrintable(message));
    }

    // A visual prompt that cannot be used (image gone or unreadable, box outside it) is reported for
    // that prompt alone, with an empty map; the other prompts of the call are decoded as usual, and
    // nothing unusable is cached (a file that comes back is used next time).
    void unusablePromptsAreReportedOneByOne() {
        QTemporaryDir tmp;
        const fs::path dir(tmp.path().toStdString());
        const std::string image = goldenImage("example_image.jpg");
        const fs::path corrupt = dir / "corrupt.png";
        pm::AtomicFile::write(corrupt, "\x89PNG\r\n\x1a\n not the rest of a PNG");
        const fs::path later = dir / "later.jpg";
        const std::vector<pm::Prompt> prompts{
            pm::Prompt::fromText("a glass"),
            pm::Prompt::fromExemplar({image, cv::Rect(400, 400, 100, 100)}),
            pm::Prompt::fromExemplar({(dir / "gone.jpg").string(), cv::Rect(0, 0, 10, 10)}),
            pm::Prompt::fromExemplar({corrupt.string(), cv::Rect(0, 0, 10, 10)}),
            pm::Prompt::fromExemplar({later.string(), cv::Rect(40, 60, 160, 200)}),
            pm::Prompt::fromExemplar({image, cv::Rect(40, 60, 160, 200)}),
        };
        const auto s = open();
        const pm::SegmentationResult r = s->segment(image, prompts);
        QCOMPARE(r.promptErrors.size(), prompts.size());
        QCOMPARE(r.probabilities.size(), prompts.size());
        QCOMPARE(r.logits.size(), prompts.size());
        QVERIFY(!r.allPromptsUsable());
        QVERIFY(r.promptErrors[0].empty());
        QVERIFY(r.promptErrors[5].empty());
        QVERIFY2(r.promptErrors[1].find("400,400,500,500 is empty or lies outside the 365x365 image") !=
                     std::string::npos,
                 r.promptErrors[1].c_str());
        QVERIFY2(r.promptErrors[2].find("gone.jpg") != std::string::npos, r.promptErrors[2].c_str());
        QVERIFY2(r.promptErrors[3].find("corrupt.png") != std::string::npos, r.promptErrors[3].c_str());
        QVERIFY2(r.promptErrors[4].find("later.jpg") != std::string::npos, r.promptErrors[4].c_str());
        for (size_t i : {1, 2, 3, 4}) {
            QCOMPARE(r.probabilities[i].size(), cv::Size(365, 365));
            QCOMPARE(cv::countNonZero(r.probabilities[i]), 0);
            QCOMPARE(r.logits[i].size(), r.logits[0].size());
            double top = 0;
            cv::minMaxLoc(r.logits[i], nullptr, &top);
            QCOMPARE(top, double(pm::SegmentationResult::kUnusablePromptLogit));
        }
        // The usable prompts give what they give alone.
        const pm::SegmentationResult alone = s->segment(image, {prompts[0], prompts[5]});
        QVERIFY(alone.allPromptsUsable());
        QVERIFY(maxDiff(r.logits[0], alone.logits[0]) <= 1e-4);
        QVERIFY(maxDiff(r.logits[5], alone.logits[1]) <= 1e-4);

        // The file that was missing appears: the same prompt now works.
        fs::copy_file(image, later);
        const pm::SegmentationResult after = s->segment(image, {prompts[4]});
        QVERIFY(after.allPromptsUsable());
        QVERIFY(maxDiff(after.logits[0], alone.logits[1]) <= 1e-4);

        // Nothing usable at all still returns a result, every prompt reported.
        const pm::SegmentationResult none = s->segment(image, {prompts[1], prompts[2]});
        QCOMPARE(none.promptErrors.size(), size_t(2));
        QVERIFY(!none.promptErrors[0].empty() && !none.promptErrors[1].empty());
        QCOMPARE(none.probabilities.size(), size_t(2));
    }

    void visualPromptsBatchWithTextPrompts() {
        const auto s = open();
        const std::string image = goldenImage("example_image.jpg");
        const pm::Prompt visual = pm::Prompt::fromExemplar(
            {image, cv::Rect(40, 60, 160, 200), pm::VisualPromptMode::CropBlurHighlight});
        const pm::SegmentationResult r = s->segment(image, {pm::Prompt::fromText("a glass"), visual});
        QCOMPARE(r.logits.size(), size_t(2));
        const pm::SegmentationResult again = s->segment(image, {visual});
        QCOMPARE(maxDiff(r.logits[1], again.logits[0]) <= 1e-4, true);
        QCOMPARE(s->cacheStats().promptHits, size_t(1));
    }

    // `label`'s pipeline: prepare() on a reader thread, segmentPrepared() on the model's thread must
    // give segment()'s result bit for bit; a bad file fails in prepare() with segment()'s error.
    void aPreparedImageSegmentsExactlyAsItsPath() {
        const auto s = open(0);
        const std::string image = goldenImage("gradient_shapes_640x480.png");
        const std::vector<pm::Prompt> prompts = texts({"cat", "a red square", "gradient"});
        const pm::SegmentationResult direct = s->segment(image, prompts);
        pm::PreparedImage prepared;
        std::thread reader([&] { prepared = s->prepare(image); });  // const, thread-safe by contract
        reader.join();
        QCOMPARE(prepared.imageSize, cv::Size(640, 480));
        QVERIFY(!prepared.pixels.empty());
        const pm::SegmentationResult viaPrepared = s->segmentPrepared(prepared, prompts);
        QCOMPARE(viaPrepared.imageSize, direct.imageSize);
        QCOMPARE(viaPrepared.probabilities.size(), direct.probabilities.size());
        for (size_t i = 0; i < prompts.size(); ++i) {
            QCOMPARE(cv::norm(viaPrepared.logits[i], direct.logits[i], cv::NORM_INF), 0.0);
            QCOMPARE(cv::norm(viaPrepared.probabilities[i], direct.probabilities[i], cv::NORM_INF), 0.0);
        }
        QVERIFY(!viaPrepared.timings.imageCacheHit);

        QTemporaryDir tmp;
        const std::string broken = tmp.filePath("broken.png").toStdString();
        pm::AtomicFile::write(broken, "not an image");
        QString prepareMessage, segmentMessage;
        QCOMPARE(errorKindOf([&] { s->prepare(broken); }, &prepareMessage), pm::ErrorKind::Input);
        QCOMPARE(errorKindOf([&] { s->segment(broken, prompts); }, &segmentMessage), pm::ErrorKind::Input);
        QCOMPARE(prepareMessage, segmentMessage);
    }

    void noPromptsStillEncodes() {
        const auto s = open();
        const pm::SegmentationResult r = s->segment(goldenImage("gray_300x200.png"), {});
        QCOMPARE(r.imageSize, cv::Size(300, 200));
        QVERIFY(r.logits.empty());
    }

    void clearCachesForgetsImagesAndPrompts() {
        pm::EngineOptions options;
        options.threads = 2;
        auto seg = pm::openTorchSegmenter(golden::bundleDir(kBundle).string(), options);
        const std::string image = goldenImage("example_image.jpg");
        seg->segment(image, texts({"a glass"}));
        QVERIFY(seg->isImageCached(image));
        seg->clearCaches();
        QVERIFY(!seg->isImageCached(image));
        QCOMPARE(seg->cacheStats().prompts, size_t(0));
        const pm::SegmentationResult again = seg->segment(image, texts({"a glass"}));
        QVERIFY(!again.timings.imageCacheHit);
        QCOMPARE(seg->cacheStats().promptMisses, size_t(2));
    }

    // A model.pt changed in place (same size, mtime put back) is caught by its hash at every open, also
    // when the damage makes LibTorch's own load fail first (the hash runs beside the load).
    void corruptModelIsDetectedAtOpen_data() {
        QTest::addColumn<double>("where");  // fraction of the file
        QTest::newRow("inside the weights") << 0.6;
        QTest::newRow("zip header (load fails too)") << 0.0;
    }
    void corruptModelIsDetectedAtOpen() {
        QFETCH(double, where);
        QTemporaryDir tmp;
        const fs::path copy = fs::path(tmp.path().toStdString()) / "bundle";
        fs::copy(golden::bundleDir(kBundle), copy, fs::copy_options::recursive);
        const fs::path model = copy / "model.pt";
        const auto mtime = fs::last_write_time(model);
        {
            std::fstream f(model, std::ios::in | std::ios::out | std::ios::binary);
            f.seekg(std::streamoff(double(fs::file_size(model)) * where));
            const char byte = char(f.get());
            f.seekp(std::streamoff(double(fs::file_size(model)) * where));
            f.put(char(byte ^ 0x5a));
        }
        fs::last_write_time(model, mtime);
        QString message;
        QCOMPARE(errorKindOf([&] { pm::openSegmenter(copy.string()); }, &message), pm::ErrorKind::Model);
        QVERIFY2(message.contains("model.pt: sha256 mismatch"), qPrintable(message));
    }

    void modelInfoDescribesTheBundle() {
        const auto s = open();
        const pm::ModelInfo info = s->modelInfo();
        QCOMPARE(info.id.size(), size_t(12));
        QCOMPARE(info.threads, 2);
        QCOMPARE(info.inputSize, 352);
        QCOMPARE(info.tokenizerType, std::string("clip-bpe"));
        QCOMPARE(info.quantization, std::string("none"));
        QVERIFY(info.quantizationCost.empty());  // float32 costs nothing to state
        QVERIFY(fs::path(info.bundlePath).is_absolute());
    }
};

QTEST_GUILESS_MAIN(TestSegmenterCache)
#include "test_segmenter_cache.moc"
