#pragma once

// Helpers shared by the core/image tests (header-only; Qt Test executables).

#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QString>
#include <cstring>
#include <opencv2/core/mat.hpp>
#include <vector>

namespace pm::test {

inline QString sharedDir() {
    return qEnvironmentVariable("PROMPTMASK_SHARED_DIR");
}

inline QString goldenDir() {
    return sharedDir() + "/golden";
}

inline bool haveGolden() {
    return QFile::exists(goldenDir() + "/cases/_inputs");
}

inline QString python() {
    const QString configured = qEnvironmentVariable("PROMPTMASK_PYTHON");
    return configured.isEmpty() ? QStringLiteral("/usr/bin/python3") : configured;
}

// Runs python with a script and arguments; false (reason in `why`) when it cannot run or fails.
inline bool runPython(const QString& script, const QStringList& args, QString& why) {
    QProcess process;
    process.start(python(), QStringList{"-c", script} + args);
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        why = "python failed: " + process.errorString() + "\n" +
              QString::fromUtf8(process.readAllStandardError());
        return false;
    }
    return true;
}

inline QByteArray readBytes(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline void writeBytes(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(bytes);
    }
}

inline std::vector<float> readF32(const QString& path) {
    const QByteArray bytes = readBytes(path);
    std::vector<float> values(static_cast<size_t>(bytes.size()) / sizeof(float));
    std::memcpy(values.data(), bytes.constData(), values.size() * sizeof(float));
    return values;
}

inline QJsonDocument readJson(const QString& path) {
    return QJsonDocument::fromJson(readBytes(path));
}

// Largest |a - b| over two same-sized 8-bit images (-1 when the sizes or types differ).
inline int maxAbsDiff(const cv::Mat& a, const cv::Mat& b) {
    if (a.size() != b.size() || a.type() != b.type()) {
        return -1;
    }
    int worst = 0;
    for (int y = 0; y < a.rows; ++y) {
        const uchar* pa = a.ptr<uchar>(y);
        const uchar* pb = b.ptr<uchar>(y);
        for (int i = 0; i < a.cols * a.channels(); ++i) {
            worst = std::max(worst, std::abs(int(pa[i]) - int(pb[i])));
        }
    }
    return worst;
}

}  // namespace pm::test
