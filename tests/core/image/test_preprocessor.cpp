// Parity of decode + Pillow-exact resize + normalisation with golden/cases/_inputs (HF ViTImageProcessor).

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <ctime>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "ImageTestUtil.h"
#include "image/ImageLoader.h"
#include "image/PilResize.h"
#include "image/Preprocessor.h"
#include "image/VisualPromptCrop.h"
#include "util/Error.h"

using namespace pm::test;

namespace {

constexpr int kSize = 352;

// u8 = round((pv * std + mean) * 255), the README's exact recovery of the resized image.
cv::Mat recoverU8(const std::vector<float>& pv) {
    const pm::PreprocessConfig config;
    cv::Mat out(kSize, kSize, CV_8UC3);
    const size_t plane = size_t(kSize) * kSize;
    for (int y = 0; y < kSize; ++y) {
        for (int x = 0; x < kSize; ++x) {
            for (int c = 0; c < 3; ++c) {
                const float v = pv[c * plane + size_t(y) * kSize + size_t(x)];
                const double u = std::round((double(v) * config.std[c] + config.mean[c]) * 255.0);
                out.at<cv::Vec3b>(y, x)[c] = cv::saturate_cast<uchar>(u);
            }
        }
    }
    return out;
}

double threadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

float maxAbs(const std::vector<float>& a, const std::vector<float>& b) {
    float worst = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        worst = std::max(worst, std::abs(a[i] - b[i]));
    }
    return worst;
}

cv::Mat randomImage(int width, int height, int seed) {
    cv::Mat image(height, width, CV_8UC3);
    cv::RNG rng(static_cast<uint64_t>(seed));
    rng.fill(image, cv::RNG::UNIFORM, 0, 256);
    // Add structure so that resampling errors show: a gradient and a hard edge.
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width / 3; ++x) {
            image.at<cv::Vec3b>(y, x) = cv::Vec3b(uchar(x * 255 / std::max(1, width / 3)), uchar(y % 256), 0);
        }
    }
    return image;
}

}  // namespace

class TestPreprocessor : public QObject {
    Q_OBJECT

private slots:
    // Every preprocessed input of the golden set. A JPEG source is compared twice: decoded by us (libjpeg
    // differences allowed and reported) and through Pillow's lossless decode (must be bit-exact).
    void goldenPixelValues_data() {
        QTest::addColumn<QString>("inputDir");
        QTest::addColumn<QString>("image");
        QTest::addColumn<bool>("exact");
        if (!haveGolden()) {
            QTest::newRow("no-shared-dir") << QString() << QString() << true;
            return;
        }
        const QDir inputs(goldenDir() + "/cases/_inputs");
        for (const QString& name : inputs.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            const QJsonObject index = readJson(inputs.filePath(name + "/index.json")).object();
            const QString source = index["source_image"].toString();
            const bool jpeg = source.endsWith(".jpg");
            QTest::newRow(qPrintable(name)) << inputs.filePath(name) << goldenDir() + "/" + source << !jpeg;
            if (jpeg) {
                QString decoded = goldenDir() + "/" + source;
                decoded.replace(".jpg", ".decoded_rgb.png");
                QTest::newRow(qPrintable(name + " via decoded_rgb.png"))
                    << inputs.filePath(name) << decoded << true;
            }
        }
    }

    void goldenPixelValues() {
        if (!haveGolden()) {
            QSKIP("PROMPTMASK_SHARED_DIR/golden is absent: no preprocessing parity data");
        }
        QFETCH(QString, inputDir);
        QFETCH(QString, image);
        QFETCH(bool, exact);
        const QJsonObject index = readJson(inputDir + "/index.json").object();
        cv::Mat rgb = pm::ImageLoader::loadRgb(image.toStdString());
        const QJsonArray size = index["source_size_wh"].toArray();
        QCOMPARE(rgb.cols, size[0].toInt());
        QCOMPARE(rgb.rows, size[1].toInt());
        const QJsonArray crop = index["crop_box_xyxy"].toArray();
        if (!crop.isEmpty()) {
            const cv::Rect box(crop[0].toInt(), crop[1].toInt(), crop[2].toInt() - crop[0].toInt(),
                               crop[3].toInt() - crop[1].toInt());
            rgb = pm::VisualPromptCrop::make(rgb, box, pm::VisualPromptMode::Crop);
            QCOMPARE(rgb.cols, index["size_after_crop_wh"].toArray()[0].toInt());
            QCOMPARE(rgb.rows, index["size_after_crop_wh"].toArray()[1].toInt());
        }
        const std::vector<float> ours = pm::Preprocessor::toPixelValues(rgb);
        const std::vector<float> golden = readF32(inputDir + "/pixel_values.f32");
        QCOMPARE(ours.size(), size_t(3 * kSize * kSize));
        QCOMPARE(golden.size(), ours.size());

        const cv::Mat ourU8 = recoverU8(ours);
        const cv::Mat goldenU8 = recoverU8(golden);
        // The recovery is exact: our own values give back our resized image.
        QCOMPARE(maxAbsDiff(ourU8, pm::PilResize::resize(rgb, {kSize, kSize})), 0);
        const int u8Diff = maxAbsDiff(ourU8, goldenU8);
        const float floatDiff = maxAbs(ours, golden);
        cv::Mat differs;
        cv::compare(ourU8.reshape(1), goldenU8.reshape(1), differs, cv::CMP_NE);
        qInfo("resized u8 max |diff| %d (%d of %d values differ), pixel_values max |diff| %.3g", u8Diff,
              cv::countNonZero(differs), int(differs.total()), double(floatDiff));
        if (exact) {
            QCOMPARE(u8Diff, 0);
            QCOMPARE(floatDiff, 0.0f);  // bit-exact
        } else {
            // libjpeg (OpenCV) vs libjpeg-turbo (Pillow) IDCT/upsampling differences, smoothed by the resize.
            QVERIFY2(u8Diff <= 3, qPrintable(QString("JPEG decode difference too large: %1").arg(u8Diff)));
        }
    }

    // Pillow's resize on random sizes, up and down, against python + PIL (Pillow 9.4, as the golden data).
    void resizeMatchesPillow_data() {
        QTest::addColumn<int>("inW");
        QTest::addColumn<int>("inH");
        QTest::addColumn<int>("outW");
        QTest::addColumn<int>("outH");
        QTest::addColumn<int>("channels");
        QTest::newRow("1920x1080 -> 352") << 1920 << 1080 << 352 << 352 << 3;
        QTest::newRow("odd shrink") << 517 << 389 << 101 << 77 << 3;
        QTest::newRow("enlarge") << 31 << 17 << 352 << 352 << 3;
        QTest::newRow("width only") << 400 << 352 << 352 << 352 << 3;
        QTest::newRow("height only") << 352 << 999 << 352 << 352 << 3;
        QTest::newRow("to 1x1") << 64 << 48 << 1 << 1 << 3;
        QTest::newRow("from 1x1") << 1 << 1 << 5 << 3 << 3;
        QTest::newRow("gray") << 300 << 200 << 352 << 120 << 1;
        QTest::newRow("4 channels") << 123 << 77 << 50 << 200 << 4;
    }

    void resizeMatchesPillow() {
        QFETCH(int, inW);
        QFETCH(int, inH);
        QFETCH(int, outW);
        QFETCH(int, outH);
        QFETCH(int, channels);
        QTemporaryDir dir;
        cv::Mat image = randomImage(inW, inH, inW * 7 + inH);
        if (channels == 1) {
            cv::extractChannel(image, image, 1);
        } else if (channels == 4) {
            cv::Mat alpha(image.size(), CV_8U);
            cv::randu(alpha, 0, 256);
            cv::merge(std::vector<cv::Mat>{image, alpha}, image);
        }
        // Raw bytes in and out: no codec between the two implementations.
        const QString in = dir.filePath("in.raw");
        const QString out = dir.filePath("out.raw");
        writeBytes(
            in, QByteArray(reinterpret_cast<const char*>(image.data), int(image.total() * image.elemSize())));
        const QString script =
            "import sys\n"
            "from PIL import Image\n"
            "w, h, ow, oh, c = map(int, sys.argv[3:8])\n"
            "mode = {1: 'L', 3: 'RGB', 4: 'RGBX'}[c]\n"  // RGBX: Pillow premultiplies RGBA
            "im = Image.frombytes(mode, (w, h), open(sys.argv[1], 'rb').read())\n"
            "open(sys.argv[2], 'wb').write(im.resize((ow, oh), Image.BILINEAR, "
            "reducing_gap=None).tobytes())\n";
        QString why;
        if (!runPython(script,
                       {in, out, QString::number(inW), QString::number(inH), QString::number(outW),
                        QString::number(outH), QString::number(channels)},
                       why)) {
            QSKIP(qPrintable("python with PIL is not available: " + why));
        }
        const QByteArray expectedBytes = readBytes(out);
        const cv::Mat expected(outH, outW, CV_8UC(channels), const_cast<char*>(expectedBytes.constData()));
        QCOMPARE(int(expectedBytes.size()), outW * outH * channels);
        const cv::Mat ours = pm::PilResize::resize(image, {outW, outH});
        QCOMPARE(ours.size(), cv::Size(outW, outH));
        QCOMPARE(maxAbsDiff(ours, expected), 0);
    }

    void sameSizeIsACopy() {
        const cv::Mat image = randomImage(40, 30, 1);
        const cv::Mat same = pm::PilResize::resize(image, image.size());
        QCOMPARE(maxAbsDiff(same, image), 0);
        QVERIFY(same.data != image.data);
    }

    void badArgumentsThrow() {
        const cv::Mat image = randomImage(40, 30, 1);
        QVERIFY_THROWS_EXCEPTION(pm::Error, pm::PilResize::resize(image, {0, 10}));
        QVERIFY_THROWS_EXCEPTION(pm::Error, pm::PilResize::resize(cv::Mat(), {10, 10}));
        cv::Mat floats(10, 10, CV_32FC3);
        QVERIFY_THROWS_EXCEPTION(pm::Error, pm::Preprocessor::toPixelValues(floats));
        pm::PreprocessConfig zero;
        zero.std[1] = 0;
        QVERIFY_THROWS_EXCEPTION(pm::Error, pm::Preprocessor::toPixelValues(image, zero));
    }

    void normalisationFollowsTheConfig() {
        // A uniform image keeps its value through the resize; check the float formula per channel.
        cv::Mat image(10, 20, CV_8UC3, cv::Scalar(0, 128, 255));
        pm::PreprocessConfig config;
        config.size = 4;
        config.mean = {0.5f, 0.5f, 0.5f};
        config.std = {0.5f, 0.25f, 2.0f};
        const std::vector<float> pv = pm::Preprocessor::toPixelValues(image, config);
        QCOMPARE(pv.size(), size_t(3 * 16));
        QCOMPARE(pv[0], (0.0f - 0.5f) / 0.5f);
        QCOMPARE(pv[16], (float(128 / 255.) - 0.5f) / 0.25f);
        QCOMPARE(pv[47], (1.0f - 0.5f) / 2.0f);
    }

    void speed() {
        const cv::Mat image = randomImage(1920, 1080, 3);
        std::vector<float> pv(3 * kSize * kSize);
        pm::Preprocessor::toPixelValues(image, {}, pv.data());  // warm up
        // CPU time of this thread: wall time on a shared, loaded machine says little.
        const int runs = 20;
        const double start = threadCpuMs();
        for (int i = 0; i < runs; ++i) {
            pm::PilResize::resize(image, {kSize, kSize});
        }
        const double resizeMs = (threadCpuMs() - start) / runs;
        const double start2 = threadCpuMs();
        for (int i = 0; i < runs; ++i) {
            pm::Preprocessor::toPixelValues(image, {}, pv.data());
        }
        const double totalMs = (threadCpuMs() - start2) / runs;
        qInfo("1920x1080 -> 352x352 (thread CPU time): PilResize %.2f ms, resize + normalise %.2f ms",
              resizeMs, totalMs);
        QVERIFY2(resizeMs < 100, "PilResize is far slower than expected");  // loose: shared CI machines
    }
};

QTEST_GUILESS_MAIN(TestPreprocessor)
#include "test_preprocessor.moc"
