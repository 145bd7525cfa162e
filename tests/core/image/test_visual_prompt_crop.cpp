// VisualPromptCrop: geometry, darkening, parity with the demo-model trainer's Python rule, errors.

#include <QTemporaryDir>
#include <QtTest>
#include <opencv2/imgproc.hpp>

#include "ImageTestUtil.h"
#include "image/ImageLoader.h"
#include "image/Preprocessor.h"
#include "image/VisualPromptCrop.h"
#include "util/Error.h"

using namespace pm::test;
using pm::VisualPromptMode;

namespace {

cv::Mat randomRgb(int width, int height, int seed) {
    cv::Mat image(height, width, CV_8UC3);
    cv::RNG rng(static_cast<uint64_t>(seed));
    rng.fill(image, cv::RNG::UNIFORM, 0, 256);
    return image;
}

}  // namespace

Q_DECLARE_METATYPE(cv::Rect)

class TestVisualPromptCrop : public QObject {
    Q_OBJECT

private slots:
    void contextBox_data() {
        QTest::addColumn<cv::Size>("image");
        QTest::addColumn<cv::Rect>("box");
        QTest::addColumn<cv::Rect>("expected");
        // c07's box on example_image.jpg: 160x200 -> 16 / 20 px of context.
        QTest::newRow("c07") << cv::Size(365, 365) << cv::Rect(40, 60, 160, 200)
                             << cv::Rect(24, 40, 192, 240);
        QTest::newRow("rounds half up") << cv::Size(200, 200) << cv::Rect(50, 50, 25, 15)
                                        << cv::Rect(47, 48, 31, 19);  // 2.5 -> 3, 1.5 -> 2
        QTest::newRow("clamped at the corner")
            << cv::Size(100, 100) << cv::Rect(0, 0, 50, 50) << cv::Rect(0, 0, 55, 55);
        QTest::newRow("clamped at the far edge")
            << cv::Size(100, 80) << cv::Rect(60, 50, 40, 30) << cv::Rect(56, 47, 44, 33);
        QTest::newRow("box partly outside is clipped first")
            << cv::Size(100, 100) << cv::Rect(-10, -10, 30, 30) << cv::Rect(0, 0, 22, 22);
        QTest::newRow("1x1 box") << cv::Size(10, 10) << cv::Rect(5, 5, 1, 1) << cv::Rect(5, 5, 1, 1);
    }

    void contextBox() {
        QFETCH(cv::Size, image);
        QFETCH(cv::Rect, box);
        QFETCH(cv::Rect, expected);
        QCOMPARE(pm::VisualPromptCrop::contextBox(box, image), expected);
        const cv::Mat rgb = randomRgb(image.width, image.height, 7);
        const cv::Mat out = pm::VisualPromptCrop::make(rgb, box, VisualPromptMode::CropBlurHighlight);
        QCOMPARE(out.size(), expected.size());
    }

    void plainAndCrop() {
        const cv::Mat rgb = randomRgb(64, 48, 1);
        const cv::Mat plain = pm::VisualPromptCrop::make(rgb, {10, 10, 5, 5}, VisualPromptMode::Plain);
        QCOMPARE(plain.data, rgb.data);
        const cv::Rect box(10, 12, 20, 16);
        const cv::Mat crop = pm::VisualPromptCrop::make(rgb, box, VisualPromptMode::Crop);
        QCOMPARE(crop.size(), box.size());
        QCOMPARE(maxAbsDiff(crop, rgb(box)), 0);
        QVERIFY(crop.data != rgb(box).data);  // a copy
        // Partly outside: clipped.
        const cv::Mat clipped = pm::VisualPromptCrop::make(rgb, {50, 40, 30, 30}, VisualPromptMode::Crop);
        QCOMPARE(clipped.size(), cv::Size(14, 8));
        QCOMPARE(maxAbsDiff(clipped, rgb(cv::Rect(50, 40, 14, 8))), 0);
    }

    void blurHighlightKeepsTheBoxAndDarkensTheRest() {
        // Uniform 200 outside, a pattern inside the box: blur of a constant stays constant, so the
        // background must be exactly rint(200 * 0.1) = 20 away from the box, and the box untouched.
        cv::Mat rgb(120, 160, CV_8UC3, cv::Scalar(200, 200, 200));
        const cv::Rect box(50, 40, 60, 40);
        randomRgb(box.width, box.height, 3).copyTo(rgb(box));
        const cv::Mat out = pm::VisualPromptCrop::make(rgb, box, VisualPromptMode::CropBlurHighlight);
        const cv::Rect context = pm::VisualPromptCrop::contextBox(box, rgb.size());
        QCOMPARE(out.size(), context.size());
        const cv::Rect inner = box - context.tl();
        QCOMPARE(maxAbsDiff(out(inner), rgb(box)), 0);
        QCOMPARE(out.at<cv::Vec3b>(0, 0), cv::Vec3b(20, 20, 20));
        QCOMPARE(out.at<cv::Vec3b>(out.rows - 1, out.cols - 1), cv::Vec3b(20, 20, 20));
        // Right next to the box the blur mixes in the pattern, still darkened to at most 10 %.
        cv::Mat outside = out.clone();
        outside(inner).setTo(cv::Scalar(0, 0, 0));
        double maxValue = 0;
        cv::minMaxLoc(outside.reshape(1), nullptr, &maxValue);
        QVERIFY(maxValue <= 26);
    }

    // The same rule as packaging/models/shapes_data.py crop_blur_highlight (written out here so the test
    // does not depend on that file), run by python's cv2 + numpy on the same pixels: bit-exact.
    void matchesTheTrainerRule_data() {
        QTest::addColumn<cv::Rect>("box");
        QTest::newRow("inside") << cv::Rect(40, 60, 160, 200);
        QTest::newRow("near the corner") << cv::Rect(3, 2, 55, 41);
        QTest::newRow("small") << cv::Rect(150, 100, 7, 9);
        QTest::newRow("whole image") << cv::Rect(0, 0, 240, 300);
    }

    void matchesTheTrainerRule() {
        QFETCH(cv::Rect, box);
        QTemporaryDir dir;
        cv::Mat rgb = randomRgb(240, 300, 11);
        cv::GaussianBlur(rgb, rgb, {0, 0}, 1.5);  // some structure, not pure noise
        const QString in = dir.filePath("in.raw");
        const QString out = dir.filePath("out.raw");
        writeBytes(in, QByteArray(reinterpret_cast<const char*>(rgb.data), int(rgb.total() * 3)));
        const QString script =
            "import math, sys\n"
            "import cv2, numpy as np\n"
            "h, w = 300, 240\n"
            "image = np.fromfile(sys.argv[1], np.uint8).reshape(h, w, 3)\n"
            "x0, y0, x1, y1 = map(int, sys.argv[3:7])\n"
            "r = lambda v: int(math.floor(v + 0.5))\n"
            "dx, dy = r(0.1 * (x1 - x0)), r(0.1 * (y1 - y0))\n"
            "cx0, cy0, cx1, cy1 = max(0, x0 - dx), max(0, y0 - dy), min(w, x1 + dx), min(h, y1 + dy)\n"
            "crop = np.ascontiguousarray(image[cy0:cy1, cx0:cx1])\n"
            "blurred = cv2.GaussianBlur(crop, (19, 19), 3)\n"
            "o = np.clip(np.rint(blurred.astype(np.float32) * 0.1), 0, 255).astype(np.uint8)\n"
            "bx0, by0 = max(x0, cx0) - cx0, max(y0, cy0) - cy0\n"
            "bx1, by1 = min(x1, cx1) - cx0, min(y1, cy1) - cy0\n"
            "o[by0:by1, bx0:bx1] = crop[by0:by1, bx0:bx1]\n"
            "np.array(o.shape[:2], np.int32).tofile(sys.argv[2] + '.shape')\n"
            "o.tofile(sys.argv[2])\n";
        QString why;
        if (!runPython(script,
                       {in, out, QString::number(box.x), QString::number(box.y), QString::number(box.br().x),
                        QString::number(box.br().y)},
                       why)) {
            QSKIP(qPrintable("python with cv2 and numpy is not available: " + why));
        }
        const QByteArray shapeBytes = readBytes(out + ".shape");
        QCOMPARE(shapeBytes.size(), 8);
        int shape[2];
        std::memcpy(shape, shapeBytes.constData(), 8);
        const QByteArray bytes = readBytes(out);
        const cv::Mat expected(shape[0], shape[1], CV_8UC3, const_cast<char*>(bytes.constData()));
        const cv::Mat ours = pm::VisualPromptCrop::make(rgb, box, VisualPromptMode::CropBlurHighlight);
        QCOMPARE(ours.size(), expected.size());
        QCOMPARE(maxAbsDiff(ours, expected), 0);
    }

    // Golden c07: the visual prompt is the plain crop of example_image.jpg, preprocessed.
    void goldenC07CropPixelValues() {
        if (!haveGolden()) {
            QSKIP("PROMPTMASK_SHARED_DIR/golden is absent");
        }
        const cv::Mat rgb =
            pm::ImageLoader::loadRgb((goldenDir() + "/images/example_image.jpg").toStdString());
        const cv::Mat crop = pm::VisualPromptCrop::make(rgb, {40, 60, 160, 200}, VisualPromptMode::Crop);
        const std::vector<float> pv = pm::Preprocessor::toPixelValues(crop);
        const std::vector<float> golden =
            readF32(goldenDir() + "/cases/_inputs/example_image_crop_40_60_200_260/pixel_values.f32");
        QCOMPARE(pv.size(), golden.size());
        QVERIFY(pv == golden);
    }

    void badBoxesAreInputErrors_data() {
        QTest::addColumn<cv::Rect>("box");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("empty") << cv::Rect(10, 10, 0, 5) << "(10,10)-(10,15) on the 64x48 image is empty";
        QTest::newRow("negative") << cv::Rect(10, 10, -4, 5) << "is empty";
        QTest::newRow("outside") << cv::Rect(100, 10, 20, 20)
                                 << "(100,10)-(120,30) on the 64x48 image lies outside";
        QTest::newRow("touching the edge") << cv::Rect(64, 0, 5, 5) << "lies outside";
    }

    void badBoxesAreInputErrors() {
        QFETCH(cv::Rect, box);
        QFETCH(QString, messagePart);
        const cv::Mat rgb = randomRgb(64, 48, 2);
        for (VisualPromptMode mode :
             {VisualPromptMode::Plain, VisualPromptMode::Crop, VisualPromptMode::CropBlurHighlight}) {
            try {
                pm::VisualPromptCrop::make(rgb, box, mode);
                QFAIL("expected pm::Error");
            } catch (const pm::Error& e) {
                QCOMPARE(e.kind(), pm::ErrorKind::Input);
                QVERIFY2(QString(e.what()).contains(messagePart), e.what());
            }
        }
    }

    void nonRgbImageIsAnInputError() {
        const cv::Mat gray(10, 10, CV_8UC1, cv::Scalar(0));
        QVERIFY_THROWS_EXCEPTION(pm::Error,
                                 pm::VisualPromptCrop::make(gray, {1, 1, 3, 3}, VisualPromptMode::Crop));
    }
};

QTEST_GUILESS_MAIN(TestVisualPromptCrop)
#include "test_visual_prompt_crop.moc"
