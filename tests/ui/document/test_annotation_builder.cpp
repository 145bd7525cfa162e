// Masks on the canvas → instances: components, specks, one instance per label, provenance.
#include <QtTest>
#include <opencv2/imgproc.hpp>

#include "document/AnnotationBuilder.h"
#include "document/OverlayRenderer.h"

using namespace pm::ui;

namespace {

LabelDefinition label(const QString& name, double threshold) {
    LabelDefinition l;
    l.id = LabelDefinition::newId();
    l.name = name;
    l.prompts = {name};
    l.threshold = threshold;
    return l;
}

// Two discs and a 2x2 speck.
cv::Mat twoDiscsAndASpeck() {
    cv::Mat m(120, 200, CV_8UC1, cv::Scalar(0));
    cv::circle(m, {50, 60}, 30, cv::Scalar(255), cv::FILLED);
    cv::circle(m, {150, 60}, 20, cv::Scalar(255), cv::FILLED);
    m(cv::Rect(100, 5, 2, 2)).setTo(255);
    return m;
}

}  // namespace

class TestAnnotationBuilder : public QObject {
    Q_OBJECT
private slots:
    void componentsSpecksAndPerLabel_data() {
        QTest::addColumn<bool>("perLabel");
        QTest::addColumn<int>("minArea");
        QTest::addColumn<int>("instances");
        QTest::newRow("per component") << false << 32 << 2;
        QTest::newRow("per component, keep specks") << false << 0 << 3;
        QTest::newRow("per label") << true << 32 << 1;
    }

    void componentsSpecksAndPerLabel() {
        QFETCH(bool, perLabel);
        QFETCH(int, minArea);
        QFETCH(int, instances);
        const cv::Mat mask = twoDiscsAndASpeck();
        pm::ModelInfo model;
        model.id = "abcdef012345";
        model.name = "CIDAS/clipseg-rd64-refined";
        const std::vector<pm::Instance> out = AnnotationBuilder::build(
            {label("a glass", 0.4)}, {mask}, InstanceOptions{perLabel, minArea}, model, QString());
        QCOMPARE(int(out.size()), instances);
        cv::Mat all(mask.size(), CV_8UC1, cv::Scalar(0));
        for (const pm::Instance& i : out) {
            QCOMPARE(i.label, std::string("a glass"));
            QCOMPARE(i.mask.size(), mask.size());
            QVERIFY(cv::countNonZero(i.mask) > 0);
            QVERIFY(i.provenance);
            QCOMPARE(i.provenance->prompts, std::vector<std::string>{"a glass"});
            QCOMPARE(i.provenance->threshold, 0.4);
            QCOMPARE(i.provenance->modelId, model.id);
            QCOMPARE(i.provenance->modelName, model.name);
            QCOMPARE(cv::countNonZero(all & i.mask), 0);  // instances of one label do not overlap
            all |= i.mask;
        }
        const int speck = minArea > 4 ? 4 : 0;
        QCOMPARE(cv::countNonZero(all), cv::countNonZero(mask) - speck);
    }

    void emptyAndMissingMasksGiveNoInstance() {
        const cv::Mat empty(50, 50, CV_8UC1, cv::Scalar(0));
        const auto out = AnnotationBuilder::build({label("a", 0.5), label("b", 0.5)}, {empty, cv::Mat()},
                                                  InstanceOptions{}, pm::ModelInfo{}, QString());
        QVERIFY(out.empty());
    }

    void visualPromptsAreRecordedRelativeToTheDataset() {
        LabelDefinition l = label("thing", 0.5);
        l.prompts.clear();
        ExemplarDefinition e;
        e.imagePath = "/data/set/sub/a.png";
        e.box = QRect(10, 20, 30, 40);
        l.exemplars.push_back(e);
        const pm::Provenance p = AnnotationBuilder::provenance(l, pm::ModelInfo{}, "/data/set");
        QCOMPARE(p.prompts.size(), size_t(1));  // with an exemplar and no text, the name is no prompt
        QCOMPARE(p.prompts[0], std::string("visual:sub/a.png@10,20,40,60/crop-blur-highlight"));
    }

    void masksAreWhatTheRendererPaints_data() {
        QTest::addColumn<int>("mode");
        QTest::newRow("exclusive") << int(OverlapMode::Exclusive);
        QTest::newRow("overlapping") << int(OverlapMode::Overlapping);
    }

    void masksAreWhatTheRendererPaints() {
        QFETCH(int, mode);
        cv::Mat a(60, 80, CV_32F), b(60, 80, CV_32F);
        cv::randu(a, 0.0f, 1.0f);
        cv::randu(b, 0.0f, 1.0f);
        const std::vector<OverlayLayer> layers{
            {a, 0.3, Qt::red, true}, {b, 0.6, Qt::blue, true}, {b, 0.1, Qt::green, false}};
        std::vector<qint64> areas;
        OverlayRenderer::render(layers, OverlapMode(mode), QSize(80, 60), &areas);
        const std::vector<cv::Mat> masks = OverlayRenderer::masks(layers, OverlapMode(mode), QSize(80, 60));
        QCOMPARE(masks.size(), size_t(3));
        for (size_t i = 0; i < 3; ++i) {
            QCOMPARE(qint64(cv::countNonZero(masks[i])), areas[i]);
        }
        QCOMPARE(cv::countNonZero(masks[2]), 0);  // hidden
        const int overlap = cv::countNonZero(masks[0] & masks[1]);
        QVERIFY(mode == int(OverlapMode::Exclusive) ? overlap == 0 : overlap > 0);
        // Exclusive: a pixel goes to the label with the higher probability.
        if (mode == int(OverlapMode::Exclusive)) {
            for (int y = 0; y < 60; ++y) {
                for (int x = 0; x < 80; ++x) {
                    if (masks[0].at<uchar>(y, x)) {
                        QVERIFY(!(b.at<float>(y, x) > 0.6f && b.at<float>(y, x) > a.at<float>(y, x)));
                    }
                }
            }
        }
    }
};

QTEST_MAIN(TestAnnotationBuilder)
#include "test_annotation_builder.moc"
