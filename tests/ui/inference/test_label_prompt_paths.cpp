// One label definition, two paths, one mask: the GUI (SegmentationController on its inference thread,
// OverlayRenderer, AnnotationBuilder) and the CLI's `label` (labels.json read by LabelSet, LabelInstances,
// PromptCombiner) segment a label with its ensemble, templates, negatives, strength and mix alike.
// And in exclusive mode a label's negatives act before the labels compete, on both paths.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <map>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "TestData.h"
#include "document/AnnotationBuilder.h"
#include "document/OverlayRenderer.h"
#include "document/ProjectStore.h"
#include "inference/SegmentationController.h"
#include "model/PromptCombiner.h"
#include "project/LabelInstances.h"
#include "project/LabelSet.h"

using namespace pm::ui;

namespace {

constexpr int kSide = 64;  // the fake's model resolution

// A fake model whose prompt embedding is a disk (centre x, y, radius, as fractions of the image, and a
// gain): decoding gives logit gain·(1 − distance/radius). Averaged embeddings are averaged disks, so
// ensembles, templates and mixes change the map; negatives go through the real PromptCombiner.
class DiskSegmenter : public pm::Segmenter {
public:
    explicit DiskSegmenter(std::map<std::string, std::array<float, 4>> disks) : disks_(std::move(disks)) {}

    pm::ModelInfo modelInfo() const override {
        pm::ModelInfo info;
        info.name = "fake: embedded disks";
        info.id = "d15c";
        info.inputSize = kSide;
        return info;
    }
    void encodeImage(const std::string&, const pm::CancelToken*) override {}
    bool isImageCached(const std::string&) const override { return true; }
    pm::CacheStats cacheStats() const override { return {}; }

    pm::PromptEmbeddings embedPrompts(const std::vector<pm::Prompt>& prompts,
                                      const pm::CancelToken*) override {
        pm::PromptEmbeddings out;
        out.embeddings.shape = {int64_t(prompts.size()), 4};
        for (const pm::Prompt& p : prompts) {
            const std::array<float, 4> d = disk(p);
            out.embeddings.data.insert(out.embeddings.data.end(), d.begin(), d.end());
        }
        out.warnings.resize(prompts.size());
        out.errors.resize(prompts.size());
        return out;
    }

    pm::DecodedEmbeddings decodeEmbeddings(const std::string& imagePath, const pm::FloatTensor& cond,
                                           const pm::CancelToken*) override {
        pm::DecodedEmbeddings out;
        const cv::Mat image = cv::imread(imagePath);
        if (image.empty()) {
            throw pm::Error(pm::ErrorKind::Input, imagePath + ": cannot read");
        }
        out.imageSize = image.size();
        const int64_t n = cond.dim(0);
        out.logits.shape = {n, kSide, kSide};
        for (int64_t r = 0; r < n; ++r) {
            const float* e = cond.data.data() + r * 4;
            for (int y = 0; y < kSide; ++y) {
                for (int x = 0; x < kSide; ++x) {
                    const float d = std::hypot((x + 0.5f) / kSide - e[0], (y + 0.5f) / kSide - e[1]);
                    out.logits.data.push_back(e[3] * (1.0f - d / e[2]));
                }
            }
        }
        return out;
    }

    // Plain prompts: each decoded alone, sigmoid, bilinear to the image size (as the real runtime).
    pm::SegmentationResult segment(const std::string& imagePath, const std::vector<pm::Prompt>& prompts,
                                   const pm::CancelToken* cancel) override {
        const pm::DecodedEmbeddings d =
            decodeEmbeddings(imagePath, embedPrompts(prompts, cancel).embeddings, cancel);
        pm::SegmentationResult r;
        r.imageSize = d.imageSize;
        for (size_t i = 0; i < prompts.size(); ++i) {
            cv::Mat logits(kSide, kSide, CV_32F,
                           const_cast<float*>(d.logits.data.data()) + i * kSide * kSide);
            cv::Mat p;
            cv::exp(-logits, p);
            p = 1.0 / (1.0 + p);
            cv::resize(p, p, d.imageSize, 0, 0, cv::INTER_LINEAR);
            r.logits.push_back(logits.clone());
            r.probabilities.push_back(p);
        }
        r.promptWarnings.resize(prompts.size());
        r.promptErrors.resize(prompts.size());
        return r;
    }

private:
    std::array<float, 4> disk(const pm::Prompt& p) const {
        if (p.isVisual()) {  // where the box is, in a 320×240 image
            const cv::Rect& b = p.exemplar->box;
            return {(b.x + b.width / 2.0f) / 320.0f, (b.y + b.height / 2.0f) / 240.0f, 0.2f, 8.0f};
        }
        if (const auto it = disks_.find(p.text); it != disks_.end()) {
            return it->second;
        }
        // Any other text (a templated sentence): a disk from its hash.
        const size_t h = std::hash<std::string>()(p.text);
        return {0.3f + float(h % 41) / 100.0f, 0.3f + float((h / 41) % 41) / 100.0f,
                0.15f + float((h / 1681) % 20) / 100.0f, 6.0f};
    }

    std::map<std::string, std::array<float, 4>> disks_;
};

const std::map<std::string, std::array<float, 4>> kDisks = {
    {"a cat", {0.40f, 0.50f, 0.35f, 20.0f}}, {"a kitten", {0.45f, 0.45f, 0.30f, 12.0f}},
    {"a dog", {0.62f, 0.50f, 0.30f, 6.0f}},  {"a bowl", {0.20f, 0.25f, 0.15f, 8.0f}},
    {"a mat", {0.70f, 0.75f, 0.20f, 8.0f}},
};

double iou(const cv::Mat& a, const cv::Mat& b) {
    const double u = cv::countNonZero(a | b);
    return u == 0 ? 1.0 : cv::countNonZero(a & b) / u;
}

// All masks of one label, merged.
cv::Mat labelMask(const std::vector<pm::Instance>& instances, const std::string& label, cv::Size size) {
    cv::Mat m = cv::Mat::zeros(size, CV_8U);
    for (const pm::Instance& i : instances) {
        if (i.label == label) {
            m |= i.mask != 0;
        }
    }
    return m;
}

}  // namespace

class TestLabelPromptPaths : public QObject {
    Q_OBJECT

    // The GUI's path: the real controller and worker thread, then what saving an image does.
    std::vector<pm::Instance> guiInstances(const ProjectData& data, const QString& image,
                                           const QString& dataset) {
        SegmentationController controller([](const QString&, const pm::CancelToken&) {
            return std::unique_ptr<pm::Segmenter>(new DiskSegmenter(kDisks));
        });
        QSignalSpy loaded(&controller, &SegmentationController::modelLoaded);
        controller.loadModel(QStringLiteral("disks"));
        if (!loaded.wait(10000)) {
            return {};
        }
        QSignalSpy segmented(&controller, &SegmentationController::segmented);
        controller.segment(image, data.labels);
        if (!segmented.wait(10000)) {
            return {};
        }
        const auto outcome = segmented.at(0).at(0).value<SegmentationOutcome>();
        std::vector<OverlayLayer> layers;
        for (int i = 0; i < data.labels.size(); ++i) {
            layers.push_back(
                {outcome.probabilities.at(size_t(i)), data.labels[i].threshold, data.labels[i].color, true});
        }
        const auto masks = OverlayRenderer::masks(layers, data.overlapMode, outcome.imageSize);
        return AnnotationBuilder::build(data.labels, masks, InstanceOptions{},
                                        DiskSegmenter(kDisks).modelInfo(), dataset);
    }

    // The CLI's path: the saved labels.json, read the way `promptmask-cli label` reads it.
    std::vector<pm::Instance> cliInstances(const QString& dataset, const QString& image) {
        const pm::LabelSet set = pm::LabelSet::load(ProjectStore::labelsPath(dataset).toStdString());
        const pm::LabelInstances builder(set, {-1, 32, "d15c", "fake: embedded disks"});
        DiskSegmenter model(kDisks);
        const pm::SegmentationResult r =
            pm::PromptCombiner::segment(model, image.toStdString(), builder.prompts());
        return builder.build(r.probabilities);
    }

private slots:
    void guiAndCliGiveTheSameMaskForOneLabelDefinition() {
        QTemporaryDir dir;
        const QString image = pm::ui::testing::writeImages(dir.filePath("photos"), 1).at(0);
        ProjectData data;
        data.overlapMode = OverlapMode::Exclusive;
        LabelDefinition cat;  // an ensemble with templates and a negative at strength 0.6
        cat.id = "cat1";
        cat.name = "cat";
        cat.color = Qt::blue;
        cat.prompts = {"a cat", "a kitten"};
        cat.ensemble = true;
        cat.templates = "fixed";
        cat.negatives = {"a bowl"};
        cat.negativeStrength = 0.6;
        LabelDefinition dog;  // a text mixed with an exemplar
        dog.id = "dog2";
        dog.name = "dog";
        dog.color = Qt::red;
        dog.prompts = {"a dog"};
        dog.exemplars.push_back({image, QRect(200, 100, 60, 60), pm::VisualPromptMode::Crop, {}});
        dog.mix = 0.7;
        dog.threshold = 0.4;
        LabelDefinition mat;  // OR-ed prompts with a negative exemplar
        mat.id = "mat3";
        mat.name = "mat";
        mat.color = Qt::green;
        mat.prompts = {"a mat", "a bowl"};
        mat.negativeExemplars.push_back({image, QRect(0, 0, 40, 40), pm::VisualPromptMode::Crop, {}});
        data.labels = {cat, dog, mat};
        ProjectStore::save(dir.path(), data);

        const auto gui = guiInstances(data, image, dir.path());
        const auto cli = cliInstances(dir.path(), image);
        QVERIFY(!gui.empty());
        QCOMPARE(gui.size(), cli.size());
        const cv::Size size(320, 240);
        for (const char* name : {"cat", "dog", "mat"}) {
            const cv::Mat g = labelMask(gui, name, size);
            const cv::Mat c = labelMask(cli, name, size);
            QVERIFY2(cv::countNonZero(g) > 200, name);  // each label finds something
            QVERIFY2(iou(g, c) == 1.0, qPrintable(QString("%1: IoU %2").arg(name).arg(iou(g, c))));
        }
        for (size_t i = 0; i < gui.size(); ++i) {
            QCOMPARE(gui[i].label, cli[i].label);
            QVERIFY(gui[i].provenance && cli[i].provenance);
            QCOMPARE(gui[i].provenance->prompts, cli[i].provenance->prompts);  // the same words on record
        }
        QCOMPARE(gui[0].provenance->prompts.at(0), std::string("fixed:a cat|a kitten -a bowl"));
    }

    // "cat but not dog" next to a "dog" label: where the dog is, the raw cat map is the higher one, yet
    // the pixel goes to "dog", because cat's negative lowers cat's map before the labels compete (a
    // negative applied after the competition would leave the pixel to nobody).
    void negativesActBeforeTheLabelsCompete() {
        QTemporaryDir dir;
        const QString image = pm::ui::testing::writeImages(dir.filePath("photos"), 1).at(0);
        ProjectData data;
        LabelDefinition cat;
        cat.id = "cat1";
        cat.name = "cat";
        cat.color = Qt::blue;
        cat.prompts = {"a cat"};
        cat.negatives = {"a dog"};
        LabelDefinition dog;
        dog.id = "dog2";
        dog.name = "dog";
        dog.color = Qt::red;
        dog.prompts = {"a dog"};
        data.labels = {cat, dog};
        ProjectStore::save(dir.path(), data);

        // The pixel under test: x = 0.58·320, y = 0.5·240, where both raw maps are above 0.5, cat's higher.
        const QPoint px(int(0.58 * 320), 120);
        DiskSegmenter model(kDisks);
        const pm::SegmentationResult raw = model.segment(
            image.toStdString(), {pm::Prompt::fromText("a cat"), pm::Prompt::fromText("a dog")}, nullptr);
        const float rawCat = raw.probabilities[0].at<float>(px.y(), px.x());
        const float rawDog = raw.probabilities[1].at<float>(px.y(), px.x());
        QVERIFY2(rawCat > rawDog && rawDog > 0.5f, qPrintable(QString("%1 %2").arg(rawCat).arg(rawDog)));

        for (const auto& [path, instances] : {std::pair{"gui", guiInstances(data, image, dir.path())},
                                              std::pair{"cli", cliInstances(dir.path(), image)}}) {
            const cv::Mat catMask = labelMask(instances, "cat", cv::Size(320, 240));
            const cv::Mat dogMask = labelMask(instances, "dog", cv::Size(320, 240));
            QVERIFY2(dogMask.at<uchar>(px.y(), px.x()) != 0, path);
            QVERIFY2(catMask.at<uchar>(px.y(), px.x()) == 0, path);
            // Away from the dog, the cat keeps its pixels.
            QVERIFY2(catMask.at<uchar>(120, int(0.25 * 320)) != 0, path);
            QVERIFY2(cv::countNonZero(catMask & dogMask) == 0, path);
        }
    }
};

QTEST_MAIN(TestLabelPromptPaths)
#include "test_label_prompt_paths.moc"
