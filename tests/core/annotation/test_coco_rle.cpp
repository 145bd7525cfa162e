#include <QtTest>

#include "GoldenCoco.h"
#include "annotation/CocoRle.h"
#include "util/Error.h"

using nlohmann::json;

Q_DECLARE_METATYPE(std::string)

class TestCocoRle : public QObject {
    Q_OBJECT
private:
    json cases_;

    const json& findCase(const char* group, const std::string& name) {
        for (const auto& c : cases_[group]) {
            if (c["name"] == name) {
                return c;
            }
        }
        static const json none;
        return none;
    }

    void addRows(const char* group) {
        QTest::addColumn<std::string>("name");
        if (cases_.is_null()) {
            QTest::newRow("no-golden") << std::string();
            return;
        }
        for (const auto& c : cases_[group]) {
            const std::string name = c["name"].get<std::string>();
            QTest::newRow(name.c_str()) << name;
        }
    }

private slots:
    void initTestCase() { cases_ = pm::test::goldenCocoCases(); }

    // Masks -> uncompressed counts, compressed string, area and bbox exactly as pycocotools.
    void goldenMasks_data() { addRows("masks"); }
    void goldenMasks() {
        QFETCH(std::string, name);
        if (name.empty()) {
            QSKIP("PROMPTMASK_SHARED_DIR/golden/coco is absent");
        }
        const json& c = findCase("masks", name);
        const cv::Mat mask = pm::test::goldenMask(c["mask_png"]);
        QVERIFY(!mask.empty());
        QCOMPARE(mask.rows, c["height"].get<int>());
        const pm::Rle rle = pm::CocoRle::encode(mask);
        QCOMPARE(rle.counts, c["uncompressed_counts"].get<std::vector<uint32_t>>());
        QCOMPARE(pm::CocoRle::toString(rle), c["rle_counts"].get<std::string>());
        QCOMPARE(pm::CocoRle::area(rle), c["area"].get<uint64_t>());
        const auto box = pm::CocoRle::bbox(rle);
        QCOMPARE((std::vector<double>(box.begin(), box.end())), c["bbox"].get<std::vector<double>>());
        // And back: string -> counts -> mask.
        const pm::Rle parsed = pm::CocoRle::fromString(c["rle_counts"], mask.rows, mask.cols);
        QCOMPARE(parsed.counts, rle.counts);
        QCOMPARE(cv::countNonZero(pm::CocoRle::decode(parsed) != (mask != 0)), 0);
    }

    // Polygons rasterized as pycocotools' frPoly + merge: same RLE string, area, bbox and mask.
    void goldenPolygons_data() { addRows("polygons"); }
    void goldenPolygons() {
        QFETCH(std::string, name);
        if (name.empty()) {
            QSKIP("PROMPTMASK_SHARED_DIR/golden/coco is absent");
        }
        const json& c = findCase("polygons", name);
        const int h = c["height"], w = c["width"];
        const pm::Rle rle =
            pm::CocoRle::fromPolygons(c["segmentation"].get<std::vector<std::vector<double>>>(), h, w);
        QCOMPARE(pm::CocoRle::toString(rle), c["rle_counts"].get<std::string>());
        QCOMPARE(pm::CocoRle::area(rle), c["area"].get<uint64_t>());
        const auto box = pm::CocoRle::bbox(rle);
        QCOMPARE((std::vector<double>(box.begin(), box.end())), c["bbox"].get<std::vector<double>>());
        const cv::Mat expected = pm::test::goldenMask(c["mask_png"]);
        QCOMPARE(cv::countNonZero(pm::CocoRle::decode(rle) != (expected != 0)), 0);
    }

    void badInputIsRejected_data() {
        QTest::addColumn<std::string>("counts");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("width");
        QTest::newRow("sum too small") << std::string("P1") << 8 << 8;   // 32 of 64 pixels
        QTest::newRow("sum too large") << std::string("0P2") << 4 << 4;  // 64 of 16
        QTest::newRow("bad character") << std::string("0~2") << 8 << 8;
        QTest::newRow("truncated") << std::string("0P") << 8 << 8;         // continuation bit, then end
        QTest::newRow("negative run") << std::string("00001O") << 8 << 8;  // delta drives a run below 0
    }
    void badInputIsRejected() {
        QFETCH(std::string, counts);
        QFETCH(int, height);
        QFETCH(int, width);
        try {
            (void)pm::CocoRle::decode(pm::CocoRle::fromString(counts, height, width));
            QFAIL("expected pm::Error");
        } catch (const pm::Error& e) {
            QCOMPARE(e.kind(), pm::ErrorKind::Input);
        }
    }

    void mergeIsUnion() {
        cv::Mat a(10, 12, CV_8UC1, cv::Scalar(0)), b = a.clone();
        a(cv::Rect(1, 1, 5, 5)).setTo(255);
        b(cv::Rect(4, 3, 6, 6)).setTo(255);
        const pm::Rle merged = pm::CocoRle::merge({pm::CocoRle::encode(a), pm::CocoRle::encode(b)});
        QCOMPARE(merged, pm::CocoRle::encode(a | b));
    }
};

QTEST_GUILESS_MAIN(TestCocoRle)
#include "test_coco_rle.moc"
