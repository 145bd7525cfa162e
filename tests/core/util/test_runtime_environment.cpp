// The runtime settings every PromptMask process starts with (util/RuntimeEnvironment.h): this test binary
// carries the same .preinit_array hook as the shipped ones, so what it sees is what they see. And the
// OpenBLAS kernel choice (util/BlasCore.h) from CPU features, checked against the kernel's own view of
// the CPU (/proc/cpuinfo).
#include <QFile>
#include <QSet>
#include <QtTest>
#include <cstdlib>

#include "util/BlasCore.h"

using pm::BlasCore;
using pm::CpuVectorFeatures;

namespace {

QSet<QByteArray> cpuinfoFlags() {
    QFile file(QStringLiteral("/proc/cpuinfo"));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (line.startsWith("flags")) {
            const QList<QByteArray> words = line.mid(line.indexOf(':') + 1).simplified().split(' ');
            return QSet<QByteArray>(words.begin(), words.end());
        }
    }
    return {};
}

CpuVectorFeatures features(bool avx2, bool fma, bool avx512, bool bf16, bool osAvx) {
    CpuVectorFeatures f;
    f.avx2 = avx2;
    f.fma = fma;
    f.avx512 = avx512;
    f.avx512bf16 = bf16;
    f.osAvx = osAvx;
    return f;
}

}  // namespace

class TestRuntimeEnvironment : public QObject {
    Q_OBJECT
private slots:
    void coreForFeatures() {
        QCOMPARE(QString(BlasCore::forFeatures(features(true, true, true, true, true))),
                 QString("Cooperlake"));
        QCOMPARE(QString(BlasCore::forFeatures(features(true, true, true, false, true))),
                 QString("SkylakeX"));
        QCOMPARE(QString(BlasCore::forFeatures(features(true, true, false, false, true))),
                 QString("Haswell"));
        // AVX2 without FMA, or with the OS not saving the YMM state: OpenBLAS keeps its own choice.
        QCOMPARE(QString(BlasCore::forFeatures(features(true, false, false, false, true))), QString());
        QCOMPARE(QString(BlasCore::forFeatures(features(true, true, false, false, false))), QString());
        QCOMPARE(QString(BlasCore::forFeatures(CpuVectorFeatures())), QString());
    }

    void detectAgreesWithTheKernel() {
        const QSet<QByteArray> flags = cpuinfoFlags();
        if (flags.isEmpty()) {
            QSKIP("no /proc/cpuinfo flags line on this machine");
        }
        const CpuVectorFeatures f = CpuVectorFeatures::detect();
        QCOMPARE(f.avx2, flags.contains("avx2"));
        QCOMPARE(f.fma, flags.contains("fma"));
        QCOMPARE(f.avx512, flags.contains("avx512f") && flags.contains("avx512dq") &&
                               flags.contains("avx512bw") && flags.contains("avx512vl"));
        QCOMPARE(f.avx512bf16, f.avx512 && flags.contains("avx512_bf16"));
    }

    void variablesSetBeforeMain() {
        // The hook re-executed this binary with both variables unless CTest or the user set them.
        const char* policy = std::getenv("OMP_WAIT_POLICY");
        QVERIFY(policy != nullptr);
        const char* core = std::getenv("OPENBLAS_CORETYPE");
        const char* chosen = BlasCore::forFeatures(CpuVectorFeatures::detect());
        if (*chosen == '\0') {
            QSKIP("no AVX2 + FMA: OpenBLAS keeps its own kernel choice");
        }
        QVERIFY2(core != nullptr, "OPENBLAS_CORETYPE is not set although the CPU has AVX2 + FMA");
    }
};

QTEST_APPLESS_MAIN(TestRuntimeEnvironment)
#include "test_runtime_environment.moc"
