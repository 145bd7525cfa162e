// MaskEdits: strokes as forced-in / forced-out pixels on top of a label's probability map.
#include <QtTest>
#include <opencv2/core.hpp>

#include "document/MaskEdits.h"

using pm::ui::MaskEdits;

class TestMaskEdits : public QObject {
    Q_OBJECT
private slots:
    void strokeBoundsCoverTheRoundEndsAndStayInTheImage() {
        const cv::Size size(100, 80);
        QCOMPARE(MaskEdits::strokeBounds({{10, 10}, {30, 10}}, 3, size), cv::Rect(7, 7, 27, 7));
        QCOMPARE(MaskEdits::strokeBounds({{2, 78}}, 5, size), cv::Rect(0, 73, 8, 7));
        QVERIFY(MaskEdits::strokeBounds({{-50, -50}}, 5, size).empty());
        QVERIFY(MaskEdits::strokeBounds({}, 5, size).empty());
    }

    void paintAndEraseOverrideTheModel() {
        const cv::Size size(60, 40);
        cv::Mat probability(size, CV_32F, cv::Scalar(0.2f));
        probability(cv::Rect(30, 0, 30, 40)).setTo(0.9f);
        MaskEdits edits;
        QVERIFY(edits.isEmpty());
        QVERIFY(edits.apply("a", probability, size).data == probability.data);  // untouched: no copy

        edits.stroke("a", size, {{5, 20}, {15, 20}}, 2, MaskEdits::kPaint);  // in the 0.2 half
        edits.stroke("a", size, {{45, 20}}, 0, MaskEdits::kErase);           // one pixel of the 0.9 half
        QVERIFY(edits.has("a") && !edits.has("b"));
        const cv::Mat out = edits.apply("a", probability, size);
        QCOMPARE(out.at<float>(20, 5), 1.0f);
        QCOMPARE(out.at<float>(22, 15), 1.0f);  // radius 2 below the line
        QCOMPARE(out.at<float>(23, 15), 0.2f);  // beyond it
        QCOMPARE(out.at<float>(20, 17), 1.0f);  // round end
        QCOMPARE(out.at<float>(20, 18), 0.2f);
        QCOMPARE(out.at<float>(20, 45), 0.0f);
        QCOMPARE(out.at<float>(20, 46), 0.9f);
        QCOMPARE(probability.at<float>(20, 5), 0.2f);  // the model's map is never written to
        // A label with no map yet: painted pixels only.
        const cv::Mat fresh = edits.apply("a", cv::Mat(), size);
        QCOMPARE(fresh.size(), size);
        QCOMPARE(cv::countNonZero(fresh), cv::countNonZero(out == 1.0f));
        // Another label is not affected.
        QVERIFY(edits.apply("b", probability, size).data == probability.data);
    }

    void polygonsFillTheirInsideAndEdges() {
        const cv::Size size(60, 40);
        const cv::Mat probability(size, CV_32F, cv::Scalar(0.7f));
        MaskEdits edits;
        // A right triangle with the right angle at (10, 30): legs of 20 px along x and y.
        const std::vector<cv::Point> triangle{{10, 10}, {10, 30}, {30, 30}};
        QCOMPARE(MaskEdits::polygonBounds(triangle, size), cv::Rect(10, 10, 21, 21));
        edits.fillPolygon("a", size, triangle, MaskEdits::kErase);
        const cv::Mat out = edits.apply("a", probability, size);
        QCOMPARE(out.at<float>(10, 10), 0.0f);  // corners and edges belong to the polygon
        QCOMPARE(out.at<float>(30, 30), 0.0f);
        QCOMPARE(out.at<float>(20, 20), 0.0f);  // on the hypotenuse
        QCOMPARE(out.at<float>(25, 15), 0.0f);  // inside
        QCOMPARE(out.at<float>(19, 20), 0.7f);  // just above the hypotenuse: outside
        QCOMPARE(out.at<float>(20, 9), 0.7f);
        QCOMPARE(out.at<float>(31, 20), 0.7f);
        // 21 + 20 + ... + 1 pixels: the triangle with both legs and the hypotenuse included.
        QCOMPARE(cv::countNonZero(out == 0.0f), 21 * 22 / 2);
        // Paint over a part: the last drawing wins. Fewer than 3 corners draw nothing.
        edits.fillPolygon("a", size, {{10, 25}, {10, 30}, {15, 30}, {15, 25}}, MaskEdits::kPaint);
        QCOMPARE(edits.apply("a", probability, size).at<float>(28, 12), 1.0f);
        edits.fillPolygon("b", size, {{1, 1}, {5, 5}}, MaskEdits::kPaint);
        QVERIFY(!edits.has("b"));
        // Corners outside the image are clipped, not rejected.
        QCOMPARE(MaskEdits::polygonBounds({{-10, -10}, {70, -10}, {70, 5}}, size), cv::Rect(0, 0, 60, 6));
    }

    void fillRegionsAreHolesOrParts() {
        // A ring (with a hole) and a separate blob, on a 40 x 30 image.
        cv::Mat mask(30, 40, CV_8UC1, cv::Scalar(0));
        mask(cv::Rect(2, 2, 16, 16)).setTo(255);
        mask(cv::Rect(6, 6, 8, 8)).setTo(0);  // the hole: 64 pixels
        mask(cv::Rect(30, 20, 5, 5)).setTo(255);
        cv::Mat region;
        QCOMPARE(MaskEdits::fillRegion(mask, {9, 9}, false, region), MaskEdits::FillResult::Ok);
        QCOMPARE(cv::countNonZero(region), 64);
        QCOMPARE(region.at<uchar>(6, 6), uchar(255));
        QCOMPARE(region.at<uchar>(5, 5), uchar(0));
        // The outside is no hole, and a pixel of the mask cannot be filled.
        QCOMPARE(MaskEdits::fillRegion(mask, {25, 5}, false, region), MaskEdits::FillResult::ReachesBorder);
        QVERIFY(region.empty());
        QCOMPARE(MaskEdits::fillRegion(mask, {3, 3}, false, region), MaskEdits::FillResult::AlreadyInside);
        // Erasing takes the part under the click, and only that part.
        QCOMPARE(MaskEdits::fillRegion(mask, {32, 22}, true, region), MaskEdits::FillResult::Ok);
        QCOMPARE(cv::countNonZero(region), 25);
        QCOMPARE(MaskEdits::fillRegion(mask, {3, 3}, true, region), MaskEdits::FillResult::Ok);
        QCOMPARE(cv::countNonZero(region), 16 * 16 - 64);
        QCOMPARE(MaskEdits::fillRegion(mask, {9, 9}, true, region), MaskEdits::FillResult::NotInside);
        // A hole closed only diagonally is still a hole: background connects 4-ways, the mask 8-ways.
        // A one-pixel diamond outline |x - 5| + |y - 5| = 4 encloses 25 pixels.
        cv::Mat diamond(11, 11, CV_8UC1, cv::Scalar(0));
        for (int y = 0; y < 11; ++y) {
            for (int x = 0; x < 11; ++x) {
                diamond.at<uchar>(y, x) = std::abs(x - 5) + std::abs(y - 5) == 4 ? 255 : 0;
            }
        }
        QCOMPARE(MaskEdits::fillRegion(diamond, {5, 5}, false, region), MaskEdits::FillResult::Ok);
        QCOMPARE(cv::countNonZero(region), 25);
        QCOMPARE(MaskEdits::fillRegion(diamond, {0, 0}, false, region), MaskEdits::FillResult::ReachesBorder);

        MaskEdits edits;
        QVERIFY(MaskEdits::fillRegion(mask, {9, 9}, false, region) == MaskEdits::FillResult::Ok);
        edits.fillPixels("a", mask.size(), region, MaskEdits::kPaint);
        const cv::Mat out = edits.apply("a", cv::Mat(), mask.size());
        QCOMPARE(cv::countNonZero(out), 64);
    }

    void regionsRestoreAndEmptyMapsAreDropped() {
        const cv::Size size(50, 50);
        MaskEdits edits;
        const std::vector<cv::Point> path{{10, 10}, {40, 10}};
        const cv::Rect roi = MaskEdits::strokeBounds(path, 4, size);
        const cv::Mat before = edits.region("a", roi);
        QCOMPARE(before.size(), roi.size());
        QCOMPARE(cv::countNonZero(before), 0);
        edits.stroke("a", size, path, 4, MaskEdits::kPaint);
        const cv::Mat after = edits.region("a", roi);
        QVERIFY(cv::countNonZero(after) > 200);
        // Everything the stroke touched lies inside its bounds.
        QCOMPARE(cv::countNonZero(edits.apply("a", cv::Mat(), size)), cv::countNonZero(after));
        edits.setRegion("a", size, roi, before);  // undo
        QVERIFY(!edits.has("a"));
        QVERIFY(edits.isEmpty());
        edits.setRegion("a", size, roi, after);  // redo
        QCOMPARE(cv::countNonZero(edits.region("a", roi)), cv::countNonZero(after));
    }

    // Packed edits (images not on screen) read back exactly and take part in later strokes.
    void packedEditsAreUnchanged() {
        const cv::Size size(640, 480);
        MaskEdits edits;
        edits.stroke("a", size, {{10, 10}, {300, 200}}, 6, MaskEdits::kPaint);
        edits.stroke("a", size, {{100, 60}}, 20, MaskEdits::kErase);
        edits.stroke("b", size, {{400, 400}}, 3, MaskEdits::kPaint);
        const cv::Mat a = edits.apply("a", cv::Mat(size, CV_32F, cv::Scalar(0.5f)), size);
        edits.pack();
        QVERIFY(!edits.isEmpty() && edits.has("a") && edits.has("b"));
        const cv::Mat back = edits.apply("a", cv::Mat(size, CV_32F, cv::Scalar(0.5f)), size);
        QCOMPARE(cv::norm(a, back, cv::NORM_INF), 0.0);
        edits.pack();
        edits.stroke("b", size, {{10, 400}}, 3, MaskEdits::kPaint);
        QCOMPARE(cv::countNonZero(edits.apply("b", cv::Mat(), size)),
                 2 * cv::countNonZero(edits.region("b", {0, 390, 30, 20})));
    }
};

QTEST_APPLESS_MAIN(TestMaskEdits)
#include "test_mask_edits.moc"
