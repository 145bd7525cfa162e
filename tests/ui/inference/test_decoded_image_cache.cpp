// DecodedImageCache: neighbours decoded ahead are handed over without a second decode, a changed
// file is decoded again, unreadable files report why, and EXIF orientation is applied.
#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QtTest>

#include "inference/DecodedImageCache.h"

using namespace pm::ui;

namespace {
QImage solid(int w, int h, QColor c) {
    QImage img(w, h, QImage::Format_RGB32);
    img.fill(c);
    return img;
}

bool sameImage(const QImage& a, const QImage& b) {
    return a.size() == b.size() &&
           a.convertToFormat(QImage::Format_RGB32) == b.convertToFormat(QImage::Format_RGB32);
}
}  // namespace

class TestDecodedImageCache : public QObject {
    Q_OBJECT
private slots:
    void prefetchedImageIsNotDecodedAgain() {
        QTemporaryDir dir;
        const QString a = dir.filePath("a.png");
        const QString b = dir.filePath("b.png");
        QVERIFY(solid(40, 30, Qt::red).save(a));
        QVERIFY(solid(20, 50, Qt::blue).save(b));
        DecodedImageCache cache;
        cache.prefetch({a, b});
        QTRY_COMPARE(cache.decodeCount(), 2);  // both decoded in the background
        const DecodedImage got = cache.waitForImage(b);
        QVERIFY(got.error.isEmpty());
        QVERIFY(sameImage(got.image, solid(20, 50, Qt::blue)));
        QVERIFY(sameImage(cache.waitForImage(a).image, solid(40, 30, Qt::red)));
        QCOMPARE(cache.decodeCount(), 2);
    }

    void missDecodesOnTheCallersThread() {
        QTemporaryDir dir;
        const QString a = dir.filePath("a.png");
        QVERIFY(solid(8, 8, Qt::green).save(a));
        DecodedImageCache cache;
        QVERIFY(sameImage(cache.waitForImage(a).image, solid(8, 8, Qt::green)));
        QCOMPARE(cache.decodeCount(), 1);
        QVERIFY(sameImage(cache.waitForImage(a).image, solid(8, 8, Qt::green)));
        QCOMPARE(cache.decodeCount(), 1);  // the image last handed out stays
    }

    void changedFileIsDecodedAgain() {
        QTemporaryDir dir;
        const QString a = dir.filePath("a.png");
        QVERIFY(solid(10, 10, Qt::red).save(a));
        DecodedImageCache cache;
        cache.prefetch({a});
        QTRY_COMPARE(cache.decodeCount(), 1);
        // Noise compresses badly: the file size changes, so the stamp does even within one millisecond.
        QImage noise(64, 64, QImage::Format_RGB32);
        for (int y = 0; y < noise.height(); ++y) {
            for (int x = 0; x < noise.width(); ++x) {
                noise.setPixel(x, y,
                               qRgb((x * 37 + y * 91) % 256, (x * x + y * 13) % 256, (x * y * 7) % 256));
            }
        }
        QVERIFY(noise.save(a));
        const DecodedImage got = cache.waitForImage(a);
        QVERIFY(sameImage(got.image, noise));
        QCOMPARE(cache.decodeCount(), 2);
    }

    void droppedNeighboursAreForgotten() {
        QTemporaryDir dir;
        const QString a = dir.filePath("a.png");
        const QString b = dir.filePath("b.png");
        QVERIFY(solid(10, 10, Qt::red).save(a));
        QVERIFY(solid(10, 10, Qt::blue).save(b));
        DecodedImageCache cache;
        cache.prefetch({a});
        QTRY_COMPARE(cache.decodeCount(), 1);
        cache.prefetch({b});  // moved on: a is no longer a neighbour
        QTRY_COMPARE(cache.decodeCount(), 2);
        QVERIFY(sameImage(cache.waitForImage(a).image, solid(10, 10, Qt::red)));
        QCOMPARE(cache.decodeCount(), 3);
    }

    void unreadableFilesSayWhy() {
        QTemporaryDir dir;
        const QString bad = dir.filePath("bad.png");
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not a PNG");
        f.close();
        DecodedImageCache cache;
        cache.prefetch({bad, dir.filePath("missing.png")});
        const DecodedImage got = cache.waitForImage(bad);
        QVERIFY(got.image.isNull());
        QVERIFY(!got.error.isEmpty());
        const DecodedImage missing = cache.waitForImage(dir.filePath("missing.png"));
        QVERIFY(missing.image.isNull());
        QVERIFY(!missing.error.isEmpty());
    }

    void exifOrientationIsApplied() {
        QTemporaryDir dir;
        const QString path = dir.filePath("rotated.jpg");
        QByteArray jpeg;
        QBuffer buffer(&jpeg);
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QVERIFY(solid(40, 20, Qt::white).save(&buffer, "JPEG"));
        // An APP1 Exif segment right after SOI: little-endian TIFF, one IFD entry Orientation = 6 (90° cw).
        const char exif[] =
            "\xFF\xE1\x00\x22"
            "Exif\0\0"
            "II\x2A\x00\x08\x00\x00\x00"
            "\x01\x00"
            "\x12\x01\x03\x00\x01\x00\x00\x00\x06\x00\x00\x00"
            "\x00\x00\x00\x00";
        jpeg.insert(2, QByteArray(exif, sizeof(exif) - 1));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(jpeg);
        out.close();
        QImageReader raw(path);
        raw.setAutoTransform(false);
        QCOMPARE(raw.read().size(), QSize(40, 20));  // stored landscape, with an EXIF rotation
        DecodedImageCache cache;
        cache.prefetch({path});
        const DecodedImage got = cache.waitForImage(path);
        QVERIFY2(got.error.isEmpty(), qPrintable(got.error));
        QCOMPARE(got.image.size(), QSize(20, 40));
    }

    void destroyedWhileDecodingIsSafe() {
        QTemporaryDir dir;
        QStringList paths;
        for (int i = 0; i < 4; ++i) {
            paths << dir.filePath(QString("img%1.png").arg(i));
            QVERIFY(solid(800, 600, Qt::gray).save(paths.back()));
        }
        {
            DecodedImageCache cache;
            cache.prefetch(paths);
        }  // the destructor waits for the decode under way and drops the queued ones: no crash, no hang
    }

    // Asking for an image whose background decode is under way never waits for it on the GUI thread:
    // image() returns at once and the result arrives through the event loop, from that one decode.
    void decodeUnderWayIsDeliveredLaterWithoutWaiting() {
        QTemporaryDir dir;
        const QString a = dir.filePath("a.png");
        QVERIFY(solid(12, 9, Qt::blue).save(a));
        QSemaphore started;
        QSemaphore release;
        DecodedImageCache cache([&](const QString& path) {
            started.release();
            // Held until the test lets go; the bound only turns a blocking image() into a failure
            // below instead of a hang.
            release.tryAcquire(1, 30000);
            return DecodedImageCache::decode(path);
        });
        cache.prefetch({a});
        QVERIFY(started.tryAcquire(1, 10000));  // the background decode is under way

        QList<DecodedImage> delivered;
        QObject context;
        const std::optional<DecodedImage> now =
            cache.image(a, &context, [&](const DecodedImage& d) { delivered << d; });
        QVERIFY2(!now.has_value(), "image() waited for the decode under way");
        QVERIFY(delivered.isEmpty());
        release.release();
        QTRY_COMPARE(delivered.size(), 1);
        QVERIFY(sameImage(delivered[0].image, solid(12, 9, Qt::blue)));
        QCOMPARE(cache.decodeCount(), 1);
        // Once decoded, it is handed over at once.
        const std::optional<DecodedImage> again = cache.image(a, &context, [](const DecodedImage&) {});
        QVERIFY(again.has_value());
        QCOMPARE(cache.decodeCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDecodedImageCache)
#include "test_decoded_image_cache.moc"
