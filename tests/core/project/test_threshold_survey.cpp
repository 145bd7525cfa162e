// ThresholdSurvey: a folder of images with labelme files saved beside them (written by the real labelme
// writer) recovers, per label, the threshold that made the saved masks; images without a file are
// ignored, a file that belongs to another image is skipped with a warning, no file at all is an error.
#include <QTemporaryDir>
#include <QtTest>
#include <fstream>
#include <functional>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "annotation/LabelmeFormat.h"
#include "project/LabelSet.h"
#include "project/ThresholdSurvey.h"
#include "util/Error.h"

namespace fs = std::filesystem;

namespace {

// A smooth random map in [0,1] (blurred noise, stretched), like a model's heat map.
cv::Mat smoothMap(size_t seed, cv::Size size) {
    cv::RNG rng{uint64(seed)};
    cv::Mat noise(size, CV_32F);
    rng.fill(noise, cv::RNG::UNIFORM, 0.0f, 1.0f);
    cv::GaussianBlur(noise, noise, cv::Size(0, 0), 7.0);
    double lo = 0, hi = 0;
    cv::minMaxLoc(noise, &lo, &hi);
    return (noise - lo) / (hi - lo);
}

// A model whose map for (image, text) is a fixed smooth random map: what the survey sees.
class MapSegmenter : public pm::Segmenter {
public:
    static cv::Mat mapFor(const std::string& imagePath, const std::string& text, cv::Size size) {
        return smoothMap(std::hash<std::string>()(fs::path(imagePath).filename().string() + "|" + text),
                         size);
    }
    pm::ModelInfo modelInfo() const override { return {}; }
    void encodeImage(const std::string&, const pm::CancelToken*) override {}
    bool isImageCached(const std::string&) const override { return false; }
    pm::CacheStats cacheStats() const override { return {}; }
    pm::SegmentationResult segment(const std::string& imagePath, const std::vector<pm::Prompt>& prompts,
                                   const pm::CancelToken*) override {
        const cv::Mat image = cv::imread(imagePath);
        pm::SegmentationResult r;
        r.imageSize = image.size();
        for (const pm::Prompt& p : prompts) {
            r.probabilities.push_back(mapFor(imagePath, p.text, image.size()));
            r.logits.emplace_back();
        }
        r.promptErrors.resize(prompts.size());
        r.promptWarnings.resize(prompts.size());
        return r;
    }
};

const cv::Size kSize(200, 150);

// Writes `count` images into `dir` and, for the first `annotated`, the labelme file a user would have
// saved after thresholding "cat" at catT and "dog" at dogT.
void makeDataset(const fs::path& dir, int count, int annotated, double catT, double dogT) {
    fs::create_directories(dir);
    pm::Dataset saved;
    saved.imagesRoot = dir;
    for (int i = 0; i < count; ++i) {
        const std::string name = "img" + std::to_string(i) + ".png";
        cv::imwrite((dir / name).string(), cv::Mat(kSize, CV_8UC3, cv::Scalar(40 * i, 90, 160)));
        if (i >= annotated) {
            continue;
        }
        pm::ImageAnnotation a;
        a.imagePath = name;
        a.size = kSize;
        for (const auto& [label, t] : {std::pair{"cat", catT}, std::pair{"dog", dogT}}) {
            pm::Instance instance;
            instance.label = label;
            instance.mask = MapSegmenter::mapFor((dir / name).string(), label, kSize) > t;
            saved.labelIndex(label);
            a.instances.push_back(instance);
        }
        saved.images.push_back(a);
    }
    pm::LabelmeFormat writer;
    QVERIFY2(writer.write(saved, dir, {}), writer.errorString().c_str());
}

pm::LabelSet catAndDog(const fs::path& dir) {
    std::ofstream(dir / "labels.json") << R"([{"name": "cat", "prompts": ["cat"], "threshold": 0.5},
                                             {"name": "dog", "prompts": ["dog"], "threshold": 0.5}])";
    return pm::LabelSet::load(dir / "labels.json");
}

}  // namespace

class TestThresholdSurvey : public QObject {
    Q_OBJECT

private slots:
    void recoversEachLabelsKnownThreshold() {
        QTemporaryDir tmp;
        const fs::path dir = tmp.path().toStdString();
        makeDataset(dir / "images", 6, 5, 0.37, 0.62);
        const pm::LabelSet labels = catAndDog(dir);
        MapSegmenter model;
        const auto result = pm::ThresholdSurvey::run(model, labels, dir / "images", 3);
        QCOMPARE(result.labels.size(), size_t(2));
        QVERIFY(result.warnings.empty());
        const double known[] = {0.37, 0.62};
        for (size_t l = 0; l < 2; ++l) {
            const pm::LabelThresholdSuggestion& s = result.labels[l];
            QCOMPARE(s.images, size_t(5));  // the sixth image has no saved file
            QCOMPARE(s.imagesWithLabel, size_t(5));
            QCOMPARE(s.current, 0.5);
            QVERIFY(s.learned.has_value());
            QVERIFY2(std::abs(s.learned->threshold - known[l]) <= 0.01,
                     qPrintable(QString("%1: learned %2, known %3")
                                    .arg(s.label.c_str())
                                    .arg(s.learned->threshold)
                                    .arg(known[l])));
            QVERIFY2(s.learned->meanIoU > 0.97, qPrintable(QString::number(s.learned->meanIoU)));
            QCOMPARE(s.learned->curve.size(), size_t(199));
            QVERIFY(s.otsu > 0.0 && s.otsu < 1.0);
        }
    }

    void tooFewImagesGiveOnlyOtsu() {
        QTemporaryDir tmp;
        const fs::path dir = tmp.path().toStdString();
        makeDataset(dir / "images", 3, 2, 0.4, 0.4);
        MapSegmenter model;
        const auto result = pm::ThresholdSurvey::run(model, catAndDog(dir), dir / "images", 3);
        QCOMPARE(result.labels[0].imagesWithLabel, size_t(2));
        QVERIFY(!result.labels[0].learned);
    }

    void fileOfAnotherImageIsSkippedWithAWarning() {
        QTemporaryDir tmp;
        const fs::path dir = tmp.path().toStdString();
        makeDataset(dir / "images", 4, 4, 0.4, 0.4);
        // img3.json now claims img2.png: a copied file, not the user's work on img3.
        fs::copy_file(dir / "images/img2.json", dir / "images/img3.json",
                      fs::copy_options::overwrite_existing);
        MapSegmenter model;
        const auto result = pm::ThresholdSurvey::run(model, catAndDog(dir), dir / "images", 1);
        QCOMPARE(result.labels[0].images, size_t(3));
        QCOMPARE(result.warnings.size(), size_t(1));
        QVERIFY2(result.warnings[0].find("img3.json") != std::string::npos &&
                     result.warnings[0].find("belongs to img2.png") != std::string::npos,
                 result.warnings[0].c_str());
    }

    void noSavedAnnotationIsAnInputErrorNamingTheFolder() {
        QTemporaryDir tmp;
        const fs::path dir = tmp.path().toStdString();
        makeDataset(dir / "images", 2, 0, 0.4, 0.4);
        MapSegmenter model;
        try {
            pm::ThresholdSurvey::run(model, catAndDog(dir), dir / "images", 1);
            QFAIL("expected pm::Error");
        } catch (const pm::Error& e) {
            QCOMPARE(e.kind(), pm::ErrorKind::Input);
            QVERIFY2(std::string(e.what()).find((dir / "images").string()) == 0, e.what());
            QVERIFY2(std::string(e.what()).find("no image has a saved annotation") != std::string::npos,
                     e.what());
        }
    }

    void annotationPathIsLabelmesRule() {
        QCOMPARE(pm::ThresholdSurvey::annotationPathFor("/d/a/cat.jpg"), fs::path("/d/a/cat.json"));
        QCOMPARE(pm::ThresholdSurvey::annotationPathFor("/d/a.b/cat.tar.png"),
                 fs::path("/d/a.b/cat.tar.json"));
        QCOMPARE(pm::ThresholdSurvey::annotationPathFor("/d/.hidden"), fs::path("/d/.hidden.json"));
    }
};

QTEST_GUILESS_MAIN(TestThresholdSurvey)
#include "test_threshold_survey.moc"
