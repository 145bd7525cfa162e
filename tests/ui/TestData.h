#pragma once

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTimer>

namespace pm::ui::testing {

// QSettings of this test executable only, under Qt's test locations: never the user's settings.
inline void useTestSettings(const QString& applicationName) {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("PromptMaskTests"));
    QCoreApplication::setApplicationName(applicationName);
}

// Writes `count` small PNG images (img1.png ... imgN.png) of `size` into `dir` and returns their paths.
inline QStringList writeImages(const QString& dir, int count, QSize size = QSize(320, 240),
                               const QString& prefix = QStringLiteral("img")) {
    QDir().mkpath(dir);
    QStringList paths;
    for (int i = 1; i <= count; ++i) {
        QImage image(size, QImage::Format_RGB32);
        image.fill(QColor::fromHsv((i * 47) % 360, 60, 200));
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        p.setBrush(QColor::fromHsv((i * 47 + 180) % 360, 200, 160));
        p.drawEllipse(QPoint(size.width() / 2, size.height() / 2), size.width() / 5, size.height() / 5);
        p.setBrush(QColor(40, 40, 40));
        p.drawRect(size.width() / 10, size.height() / 10, size.width() / 6, size.height() / 6);
        p.end();
        const QString path = QDir(dir).filePath(QStringLiteral("%1%2.png").arg(prefix).arg(i));
        image.save(path);
        paths << path;
    }
    return paths;
}

// Empties `dir` and writes `count` images into it (see writeImages); returns their paths.
inline QStringList refillWithImages(const QString& dir, int count, QSize size = QSize(320, 240)) {
    QDir(dir).removeRecursively();
    return writeImages(dir, count, size);
}

// Where tests leave files for people to look at: <build>/test-artifacts.
// A white JPEG stored `width`×`height` with an EXIF orientation of 6 (turn 90° clockwise to show):
// readers that honour EXIF see it `height`×`width`. False when it cannot be written.
inline bool writeExifRotatedJpeg(const QString& path, int width, int height) {
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::white);
    if (!buffer.open(QIODevice::WriteOnly) || !image.save(&buffer, "JPEG")) {
        return false;
    }
    // An APP1 Exif segment right after SOI: little-endian TIFF, one IFD entry Orientation = 6.
    const char exif[] =
        "\xFF\xE1\x00\x22"
        "Exif\0\0"
        "II\x2A\x00\x08\x00\x00\x00"
        "\x01\x00"
        "\x12\x01\x03\x00\x01\x00\x00\x00\x06\x00\x00\x00"
        "\x00\x00\x00\x00";
    jpeg.insert(2, QByteArray(exif, sizeof(exif) - 1));
    QFile out(path);
    return out.open(QIODevice::WriteOnly) && out.write(jpeg) == jpeg.size();
}

inline QString artifactsDir() {
    const QString binary = qEnvironmentVariable("PROMPTMASK_BINARY_DIR", QDir::currentPath());
    const QString dir = QDir(binary).filePath(QStringLiteral("test-artifacts"));
    QDir().mkpath(dir);
    return dir;
}

// Tells whether the GUI thread's event loop kept running: a 10 ms timer counts its ticks from
// construction until stop(). A blocked loop gets almost none.
class EventLoopProbe {
public:
    EventLoopProbe() {
        QObject::connect(&timer_, &QTimer::timeout, [this] { ++ticks_; });
        timer_.start(10);
        clock_.start();
    }

    // Ends the measurement; returns the elapsed milliseconds.
    qint64 stop() {
        elapsed_ = clock_.elapsed();
        timer_.stop();
        return elapsed_;
    }

    // At least one tick per 30 ms: a third of the timer's rate, slack for a loaded machine.
    bool keptRunning() const { return ticks_ >= elapsed_ / 30; }
    int ticks() const { return ticks_; }
    QString describe() const { return QStringLiteral("%1 ticks in %2 ms").arg(ticks_).arg(elapsed_); }

private:
    QTimer timer_;
    QElapsedTimer clock_;
    int ticks_ = 0;
    qint64 elapsed_ = 0;
};

}  // namespace pm::ui::testing
