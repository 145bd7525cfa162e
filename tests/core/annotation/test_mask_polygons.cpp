#include <QtTest>
#include <opencv2/imgproc.hpp>

#include "GoldenCoco.h"
#include "annotation/CocoRle.h"
#include "annotation/MaskPolygons.h"

using nlohmann::json;
using pm::MaskPolygons;
using pm::PolygonConvention;

Q_DECLARE_METATYPE(std::string)
Q_DECLARE_METATYPE(pm::PolygonConvention)

namespace {

cv::Mat rasterize(const std::vector<pm::Ring>& rings, cv::Size size, PolygonConvention convention) {
    return convention == PolygonConvention::PixelCorners ? MaskPolygons::rasterizeCoco(rings, size)
                                                         : MaskPolygons::rasterizePil(rings, size);
}

cv::Mat syntheticMask(const std::string& name) {
    cv::Mat m(120, 160, CV_8UC1, cv::Scalar(0));
    if (name == "donut") {
        cv::circle(m, {80, 60}, 45, 255, cv::FILLED);
        cv::circle(m, {80, 60}, 20, 0, cv::FILLED);
    } else if (name == "two holes and an island") {
        cv::rectangle(m, cv::Rect(10, 10, 140, 100), 255, cv::FILLED);
        cv::rectangle(m, cv::Rect(20, 20, 50, 70), 0, cv::FILLED);
        cv::rectangle(m, cv::Rect(90, 30, 40, 40), 0, cv::FILLED);
        cv::circle(m, {45, 55}, 12, 255, cv::FILLED);
    } else if (name == "touching border") {
        cv::rectangle(m, cv::Rect(0, 0, 160, 30), 255, cv::FILLED);
        cv::ellipse(m, {160, 120}, {60, 40}, 0, 0, 360, 255, cv::FILLED);
    } else if (name == "rotated rectangle") {
        const cv::RotatedRect r({80, 60}, {90, 40}, 27);
        cv::Point2f p[4];
        r.points(p);
        std::vector<cv::Point> pts(p, p + 4);
        cv::fillConvexPoly(m, pts, 255);
    }
    return m;
}

}  // namespace

class TestMaskPolygons : public QObject {
    Q_OBJECT
private slots:
    // Mask -> polygons -> mask with the rasterizer of the target format. Without simplification the
    // pixel-edge rings reproduce the mask exactly through pycocotools' rasterizer and the
    // pixel-centre rings through labelme's; with the default tolerance IoU stays >= 0.98.
    void roundTrip_data() {
        QTest::addColumn<std::string>("name");
        QTest::addColumn<PolygonConvention>("convention");
        QTest::addColumn<double>("tolerance");
        QTest::addColumn<double>("minIou");
        std::vector<std::string> names = {"donut", "two holes and an island", "touching border",
                                          "rotated rectangle"};
        const json cases = pm::test::goldenCocoCases();
        if (!cases.is_null()) {
            for (const auto& c : cases["masks"]) {
                names.push_back("golden:" + c["mask_png"].get<std::string>());
            }
        }
        for (const auto& name : names) {
            for (auto convention : {PolygonConvention::PixelCorners, PolygonConvention::PixelCenters}) {
                const char* conv = convention == PolygonConvention::PixelCorners ? "coco" : "labelme";
                QTest::newRow((name + " " + conv + " exact").c_str()) << name << convention << 0.0 << 1.0;
                // Noise and one-pixel lines are not "typical shapes": simplification is lossy there.
                const bool typical =
                    name.find("noise") == std::string::npos && name.find("diagonals") == std::string::npos &&
                    name.find("checker") == std::string::npos && name.find("_8x8") == std::string::npos &&
                    name.find("5x7") == std::string::npos && name.find("1x13") == std::string::npos &&
                    name.find("13x1") == std::string::npos && name.find("one_by_one") == std::string::npos;
                if (typical) {
                    QTest::newRow((name + " " + conv + " default").c_str())
                        << name << convention << pm::PolygonOptions{}.tolerance << 0.98;
                }
            }
        }
    }
    void roundTrip() {
        QFETCH(std::string, name);
        QFETCH(PolygonConvention, convention);
        QFETCH(double, tolerance);
        QFETCH(double, minIou);
        const cv::Mat mask =
            name.rfind("golden:", 0) == 0 ? pm::test::goldenMask(name.substr(7)) : syntheticMask(name);
        QVERIFY(!mask.empty());
        pm::PolygonOptions options;
        options.tolerance = tolerance;
        options.convention = convention;
        const auto rings = MaskPolygons::toRings(mask, options);
        const cv::Mat back = rasterize(rings, mask.size(), convention);
        const double iou = MaskPolygons::iou(mask, back);
        size_t points = 0;
        for (const auto& r : rings) {
            points += r.size();
        }
        qDebug("%s: IoU %.5f, %zu rings, %zu points", name.c_str(), iou, rings.size(), points);
        if (minIou == 1.0) {
            QCOMPARE(cv::countNonZero(back != (mask != 0)), 0);
        } else {
            QVERIFY2(iou >= minIou, qPrintable(QString("IoU %1").arg(iou)));
        }
    }

    // A pixel boundary is a staircase; at a fixed sub-pixel tolerance a big shape keeps hundreds of
    // vertices, and in labelme a labeler drags them one by one. The size-relative floor makes the count
    // follow the shape's geometry (a rotated rectangle becomes its 4 corners) while IoU stays high.
    // COCO rings run along pixel edges, whose staircase is about 1 px deep: there the floor only
    // thins curves, and IoU must hold.
    void bigShapesStayLight_data() {
        QTest::addColumn<PolygonConvention>("convention");
        QTest::addColumn<int>("shape");
        QTest::addColumn<int>("maxPoints");
        QTest::addColumn<double>("minIou");
        const auto coco = PolygonConvention::PixelCorners, labelme = PolygonConvention::PixelCenters;
        QTest::newRow("labelme disk r100") << labelme << 0 << 40 << 0.99;
        QTest::newRow("labelme rotated rectangle 200x120") << labelme << 1 << 4 << 0.985;
        QTest::newRow("labelme ellipse 300x120") << labelme << 2 << 50 << 0.99;
        QTest::newRow("coco disk r100") << coco << 0 << 200 << 0.995;
        QTest::newRow("coco rotated rectangle 200x120") << coco << 1 << 400 << 0.995;
        QTest::newRow("coco ellipse 300x120") << coco << 2 << 330 << 0.995;
    }
    void bigShapesStayLight() {
        QFETCH(PolygonConvention, convention);
        QFETCH(int, shape);
        QFETCH(int, maxPoints);
        QFETCH(double, minIou);
        cv::Mat mask(320, 320, CV_8UC1, cv::Scalar(0));
        if (shape == 0) {
            cv::circle(mask, {160, 160}, 100, 255, cv::FILLED);
        } else if (shape == 1) {
            cv::Point2f p[4];
            cv::RotatedRect({160, 160}, {200, 120}, 33).points(p);
            cv::fillConvexPoly(mask, std::vector<cv::Point>(p, p + 4), 255);
        } else {
            cv::ellipse(mask, {160, 160}, {150, 60}, 20, 0, 360, 255, cv::FILLED);
        }
        pm::PolygonOptions options;
        options.convention = convention;
        options.relativeTolerance = 0.01;
        const auto light = MaskPolygons::toRings(mask, options);
        options.relativeTolerance = 0;
        const auto dense = MaskPolygons::toRings(mask, options);
        QCOMPARE(light.size(), size_t(1));
        QCOMPARE(dense.size(), size_t(1));
        const double iou = MaskPolygons::iou(mask, rasterize(light, mask.size(), convention));
        qDebug("%d points (%d without the relative floor), IoU %.4f", int(light[0].size()),
               int(dense[0].size()), iou);
        QVERIFY2(int(light[0].size()) <= maxPoints, qPrintable(QString::number(light[0].size())));
        QVERIFY(light[0].size() <= dense[0].size());
        QVERIFY2(iou >= minIou, qPrintable(QString::number(iou)));
    }

    void holesAreSeparateRings() {
        const cv::Mat mask = syntheticMask("two holes and an island");
        QVERIFY(MaskPolygons::hasHoles(mask));
        const auto components = MaskPolygons::extract(mask, {});
        QCOMPARE(components.size(), size_t(2));  // the frame and the island
        QCOMPARE(components[0].holes.size(), size_t(2));
        QCOMPARE(components[1].holes.size(), size_t(0));
        QVERIFY(!MaskPolygons::hasHoles(syntheticMask("rotated rectangle")));
    }

    void minAreaDropsSpecksAndFillsPinholes() {
        cv::Mat mask(50, 50, CV_8UC1, cv::Scalar(0));
        mask(cv::Rect(5, 5, 30, 30)).setTo(255);
        mask.at<uint8_t>(20, 20) = 0;             // pinhole
        mask(cv::Rect(45, 45, 2, 2)).setTo(255);  // speck
        pm::PolygonOptions options;
        options.minArea = 5;
        const auto components = MaskPolygons::extract(mask, options);
        QCOMPARE(components.size(), size_t(1));
        QVERIFY(components[0].holes.empty());
        options.minArea = 0;
        QCOMPARE(MaskPolygons::extract(mask, options).size(), size_t(2));
    }

    void emptyMaskHasNoPolygons() {
        QVERIFY(MaskPolygons::toRings(cv::Mat(10, 10, CV_8UC1, cv::Scalar(0)), {}).empty());
    }

    // Integer squares: COCO's half-open convention vs labelme's inclusive one.
    void rasterizationConventions() {
        const std::vector<pm::Ring> square = {{{5, 5}, {15, 5}, {15, 15}, {5, 15}}};
        QCOMPARE(cv::countNonZero(MaskPolygons::rasterizeCoco(square, {20, 20})), 100);
        QCOMPARE(cv::countNonZero(MaskPolygons::rasterizePil(square, {20, 20})), 121);
    }
};

QTEST_GUILESS_MAIN(TestMaskPolygons)
#include "test_mask_polygons.moc"
