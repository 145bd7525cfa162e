// ImageLoader / ImageHeader: formats, colour conversions, EXIF orientation, size limits, bad files.

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "ImageTestUtil.h"
#include "image/ImageHeader.h"
#include "image/ImageLoader.h"
#include "util/Error.h"

using namespace pm::test;

namespace {

// 37x23 BGR test pattern: distinct values everywhere, a red marker top-left.
cv::Mat pattern() {
    cv::Mat bgr(23, 37, CV_8UC3);
    for (int y = 0; y < bgr.rows; ++y) {
        for (int x = 0; x < bgr.cols; ++x) {
            bgr.at<cv::Vec3b>(y, x) = cv::Vec3b(uchar(x * 6), uchar(y * 11), uchar((x * y) % 256));
        }
    }
    cv::rectangle(bgr, cv::Rect(0, 0, 4, 3), cv::Scalar(0, 0, 255), cv::FILLED);
    return bgr;
}

cv::Mat toRgb(const cv::Mat& bgr) {
    cv::Mat rgb;
    cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
    return rgb;
}

QByteArray be32(uint32_t v) {
    QByteArray b(4, 0);
    b[0] = char(v >> 24);
    b[1] = char(v >> 16);
    b[2] = char(v >> 8);
    b[3] = char(v);
    return b;
}

QByteArray le32(uint32_t v) {
    QByteArray b = be32(v);
    std::reverse(b.begin(), b.end());
    return b;
}

// A PNG signature + IHDR claiming the given size, and no image data.
QByteArray pngHeader(uint32_t width, uint32_t height) {
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    png += be32(13) + "IHDR" + be32(width) + be32(height) + QByteArray("\x08\x02\x00\x00\x00", 5) + be32(0);
    return png;
}

void expectInputError(const QString& path, const QString& messagePart) {
    try {
        pm::ImageLoader::loadRgb(path.toStdString());
        QFAIL("expected pm::Error");
    } catch (const pm::Error& e) {
        QCOMPARE(e.kind(), pm::ErrorKind::Input);
        QVERIFY2(QString(e.what()).contains(path), e.what());
        QVERIFY2(QString(e.what()).contains(messagePart), e.what());
    }
}

}  // namespace

class TestImageLoader : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

private slots:
    void formats_data() {
        QTest::addColumn<QString>("extension");
        QTest::addColumn<QString>("headerFormat");  // empty: header not parsed (decoded to probe)
        QTest::addColumn<int>("tolerance");
        QTest::newRow("png") << "png"
                             << "png" << 0;
        QTest::newRow("jpeg") << "jpg"
                              << "jpeg" << -1;  // lossy: compared with OpenCV's own decode
        QTest::newRow("bmp") << "bmp"
                             << "bmp" << 0;
        QTest::newRow("tiff") << "tiff"
                              << "tiff" << 0;
        QTest::newRow("webp") << "webp"
                              << "webp" << 0;
        QTest::newRow("ppm") << "ppm"
                             << "pnm" << 0;
        QTest::newRow("sun raster") << "ras"
                                    << "sunraster" << 0;
        QTest::newRow("pfm") << "pfm"
                             << "" << 1;
    }

    void formats() {
        QFETCH(QString, extension);
        QFETCH(QString, headerFormat);
        QFETCH(int, tolerance);
        const QString path = dir_.filePath("pattern." + extension);
        const cv::Mat bgr = pattern();
        std::vector<int> params;
        if (extension == "webp") {
            params = {cv::IMWRITE_WEBP_QUALITY, 101};  // lossless
        }
        if (extension == "pfm") {
            cv::Mat floats;
            bgr.convertTo(floats, CV_32FC3, 1 / 255.0);
            if (!cv::haveImageWriter(path.toStdString()) || !cv::imwrite(path.toStdString(), floats)) {
                QSKIP("this OpenCV cannot write PFM");
            }
        } else if (!cv::haveImageWriter(path.toStdString()) ||
                   !cv::imwrite(path.toStdString(), bgr, params)) {
            QSKIP(qPrintable("this OpenCV cannot write ." + extension));
        }
        const std::optional<pm::ImageHeader> header = pm::ImageHeader::read(path.toStdString());
        if (headerFormat.isEmpty()) {
            QVERIFY(!header);
        } else {
            QVERIFY(header);
            QCOMPARE(QString::fromStdString(header->format), headerFormat);
            QCOMPARE(header->width, 37);
            QCOMPARE(header->height, 23);
        }
        QCOMPARE(pm::ImageLoader::probeSize(path.toStdString()), cv::Size(37, 23));
        const cv::Mat rgb = pm::ImageLoader::loadRgb(path.toStdString());
        QCOMPARE(rgb.type(), CV_8UC3);
        const cv::Mat expected = tolerance < 0 ? toRgb(cv::imread(path.toStdString())) : toRgb(bgr);
        tolerance = std::max(tolerance, 0);
        const int diff = maxAbsDiff(rgb, expected);
        QVERIFY2(diff >= 0 && diff <= tolerance, qPrintable(QString("max |diff| %1").arg(diff)));
        // RGB, not BGR: the marker is red in the first channel.
        QVERIFY(rgb.at<cv::Vec3b>(1, 1)[0] > 200 && rgb.at<cv::Vec3b>(1, 1)[2] < 60);
    }

    void grayscaleBecomesEqualChannels() {
        const QString path = dir_.filePath("gray.png");
        cv::Mat gray;
        cv::cvtColor(pattern(), gray, cv::COLOR_BGR2GRAY);
        QVERIFY(cv::imwrite(path.toStdString(), gray));
        const cv::Mat rgb = pm::ImageLoader::loadRgb(path.toStdString());
        QCOMPARE(rgb.type(), CV_8UC3);
        std::vector<cv::Mat> channels;
        cv::split(rgb, channels);
        for (const cv::Mat& c : channels) {
            QCOMPARE(maxAbsDiff(c, gray), 0);
        }
    }

    void alphaIsDroppedWithoutCompositing() {
        const QString path = dir_.filePath("rgba.png");
        cv::Mat bgra(10, 10, CV_8UC4, cv::Scalar(10, 20, 30, 128));
        bgra.at<cv::Vec4b>(2, 3) = cv::Vec4b(0, 0, 255, 0);  // fully transparent red stays red
        QVERIFY(cv::imwrite(path.toStdString(), bgra));
        const cv::Mat rgb = pm::ImageLoader::loadRgb(path.toStdString());
        QCOMPARE(rgb.at<cv::Vec3b>(2, 3), cv::Vec3b(255, 0, 0));
        QCOMPARE(rgb.at<cv::Vec3b>(0, 0), cv::Vec3b(30, 20, 10));
    }

    void sixteenBitIsRoundedDivisionBy257_data() {
        QTest::addColumn<int>("channels");
        QTest::newRow("rgb") << 3;
        QTest::newRow("gray") << 1;
    }

    void sixteenBitIsRoundedDivisionBy257() {
        QFETCH(int, channels);
        const QString path = dir_.filePath(QString("deep%1.png").arg(channels));
        const std::vector<int> samples = {0, 128, 129, 257, 257 * 100 + 128, 257 * 100 + 129, 65407, 65535};
        cv::Mat deep(1, int(samples.size()), CV_16UC(channels));
        for (int i = 0; i < deep.cols; ++i) {
            for (int c = 0; c < channels; ++c) {
                deep.ptr<uint16_t>(0)[i * channels + c] = uint16_t(samples[size_t(i)]);
            }
        }
        QVERIFY(cv::imwrite(path.toStdString(), deep));
        const cv::Mat rgb = pm::ImageLoader::loadRgb(path.toStdString());
        QCOMPARE(rgb.type(), CV_8UC3);
        const std::vector<int> expected = {0, 0, 1, 1, 100, 101, 255, 255};
        for (int i = 0; i < rgb.cols; ++i) {
            QCOMPARE(int(rgb.at<cv::Vec3b>(0, i)[0]), expected[size_t(i)]);
            QCOMPARE(int(rgb.at<cv::Vec3b>(0, i)[2]), expected[size_t(i)]);
        }
    }

    // EXIF orientation: PIL writes a 60x40 image with an orientation tag; the reference is Pillow's
    // decode of that file transposed as the tag says (ImageOps.exif_transpose's table; for TIFF, Pillow's
    // decoder has already applied it).
    void exifOrientationIsApplied_data() {
        QTest::addColumn<QString>("extension");
        QTest::addColumn<int>("orientation");
        for (int o = 1; o <= 8; ++o) {
            QTest::addRow("jpeg %d", o) << "jpg" << o;
        }
        QTest::newRow("png 6") << "png" << 6;
        QTest::newRow("tiff 8") << "tif" << 8;
    }

    void exifOrientationIsApplied() {
        QFETCH(QString, extension);
        QFETCH(int, orientation);
        const QString path = dir_.filePath(QString("oriented%1.%2").arg(orientation).arg(extension));
        const QString reference = path + ".transposed.png";
        const QString script =
            "import sys\n"
            "import numpy as np\n"
            "from PIL import Image\n"
            "a = np.zeros((40, 60, 3), np.uint8)\n"
            "a[:, :, 1] = np.arange(60, dtype=np.uint8)[None, :] * 4\n"
            "a[:10, :20] = (255, 0, 0)\n"
            "exif = Image.Exif()\n"
            "exif[0x0112] = int(sys.argv[3])\n"
            "Image.fromarray(a).save(sys.argv[1], exif=exif.tobytes(), quality=95)\n"
            "T = Image.Transpose\n"
            "op = {2: T.FLIP_LEFT_RIGHT, 3: T.ROTATE_180, 4: T.FLIP_TOP_BOTTOM, 5: T.TRANSPOSE,\n"
            "      6: T.ROTATE_270, 7: T.TRANSVERSE, 8: T.ROTATE_90}.get(int(sys.argv[3]))\n"
            "if sys.argv[1].endswith('.tif'):\n"
            "    op = None  # Pillow's libtiff decoder applies a TIFF's orientation itself\n"
            "im = Image.open(sys.argv[1]).convert('RGB')\n"
            "(im.transpose(op) if op is not None else im).save(sys.argv[2])\n";
        QString why;
        if (!runPython(script, {path, reference, QString::number(orientation)}, why)) {
            QSKIP(qPrintable("python with PIL and numpy is not available: " + why));
        }
        const cv::Mat expected = pm::ImageLoader::loadRgb(reference.toStdString());
        const cv::Mat rgb = pm::ImageLoader::loadRgb(path.toStdString());
        QCOMPARE(rgb.size(), expected.size());
        QCOMPARE(rgb.size(), orientation >= 5 ? cv::Size(40, 60) : cv::Size(60, 40));
        QCOMPARE(pm::ImageLoader::probeSize(path.toStdString()), rgb.size());
        const int diff = maxAbsDiff(rgb, expected);
        QVERIFY2(diff <= (extension == "jpg" ? 2 : 0), qPrintable(QString("max |diff| %1").arg(diff)));
    }

    void jpegDecodeMatchesPillow() {
        if (!haveGolden()) {
            QSKIP("PROMPTMASK_SHARED_DIR/golden is absent");
        }
        const cv::Mat ours =
            pm::ImageLoader::loadRgb((goldenDir() + "/images/example_image.jpg").toStdString());
        const cv::Mat pillow =
            pm::ImageLoader::loadRgb((goldenDir() + "/images/example_image.decoded_rgb.png").toStdString());
        const int diff = maxAbsDiff(ours, pillow);
        qInfo("example_image.jpg: OpenCV decode vs Pillow decode max |diff| %d", diff);
        QVERIFY(diff >= 0 && diff <= 3);
    }

    void badFilesAreInputErrors_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");  // "<none>": do not create; "<dir>": a directory
        QTest::addColumn<QString>("messagePart");
        std::vector<uchar> png;
        cv::imencode(".png", pattern(), png);
        std::vector<uchar> jpg;
        cv::Mat big;
        cv::resize(pattern(), big, {640, 480}, 0, 0, cv::INTER_NEAREST);
        cv::imencode(".jpg", big, jpg);
        const QByteArray pngBytes(reinterpret_cast<const char*>(png.data()), int(png.size()));
        const QByteArray jpgBytes(reinterpret_cast<const char*>(jpg.data()), int(jpg.size()));
        QByteArray hugeJpeg = jpgBytes;  // SOF0 patched to claim 20000x20000
        const int sof = hugeJpeg.indexOf(QByteArray("\xFF\xC0", 2));
        hugeJpeg[sof + 5] = char(20000 >> 8);
        hugeJpeg[sof + 6] = char(20000 & 0xFF);
        hugeJpeg[sof + 7] = char(20000 >> 8);
        hugeJpeg[sof + 8] = char(20000 & 0xFF);
        QByteArray hugeBmp = QByteArray("BM", 2) + le32(54) + le32(0) + le32(54);  // file header
        hugeBmp += le32(40) + le32(40) + le32(50000) + QByteArray("\x01\x00\x18\x00", 4) + QByteArray(24, 0);

        QTest::newRow("missing") << "missing.png" << QByteArray("<none>") << "no such file";
        QTest::newRow("directory") << "folder.png" << QByteArray("<dir>") << "directory";
        QTest::newRow("empty") << "empty.png" << QByteArray() << "empty";
        QTest::newRow("text named png") << "text.png" << QByteArray("just some text\n") << "not an image";
        QTest::newRow("png truncated")
            << "cut.png" << pngBytes.left(pngBytes.size() / 2) << "corrupt or truncated";
        QTest::newRow("png without IEND")
            << "cut2.png" << pngBytes.left(pngBytes.size() - 12) << "corrupt or truncated";
        QTest::newRow("jpeg truncated") << "cut.jpg" << jpgBytes.left(jpgBytes.size() / 2) << "truncated";
        QTest::newRow("jpeg header only") << "head.jpg" << jpgBytes.left(200) << "truncated";
        QTest::newRow("png 40000x10") << "wide.png" << pngHeader(40000, 10) << "40000x10";
        QTest::newRow("png 12000x12000") << "huge.png" << pngHeader(12000, 12000) << "100 megapixels";
        QTest::newRow("jpeg 20000x20000") << "huge.jpg" << hugeJpeg << "20000x20000";
        QTest::newRow("bmp 40x50000") << "tall.bmp" << hugeBmp << "40x50000";
    }

    void badFilesAreInputErrors() {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QString, messagePart);
        const QString path = dir_.filePath(name);
        if (content == "<dir>") {
            QVERIFY(QDir(dir_.path()).mkpath(name));
        } else if (content != "<none>") {
            writeBytes(path, content);
        }
        expectInputError(path, messagePart);
    }

    void truncatedGoldenJpeg() {
        if (!haveGolden()) {
            QSKIP("PROMPTMASK_SHARED_DIR/golden is absent");
        }
        const QByteArray jpg = readBytes(goldenDir() + "/images/example_image.jpg");  // progressive
        const QString path = dir_.filePath("example_cut.jpg");
        writeBytes(path, jpg.left(jpg.size() * 2 / 3));
        expectInputError(path, "truncated");
    }

    void probeSizeReadsTheHeaderOnly() {
        // A header with no pixel data still gives its size, limits or not.
        const QString path = dir_.filePath("header-only.png");
        writeBytes(path, pngHeader(40000, 10));
        QCOMPARE(pm::ImageLoader::probeSize(path.toStdString()), cv::Size(40000, 10));
        QVERIFY_THROWS_EXCEPTION(pm::Error,
                                 pm::ImageLoader::probeSize(dir_.filePath("nope.png").toStdString()));
        const QString text = dir_.filePath("text.jpg");
        writeBytes(text, "hello");
        QVERIFY_THROWS_EXCEPTION(pm::Error, pm::ImageLoader::probeSize(text.toStdString()));
    }
};

QTEST_GUILESS_MAIN(TestImageLoader)
#include "test_image_loader.moc"
