// Overlays from cached probabilities: areas follow thresholds, overlap modes, speed on 1920x1080.
#include <QElapsedTimer>
#include <QtTest>
#include <opencv2/core.hpp>

#include "document/OverlayRenderer.h"

using namespace pm::ui;

namespace {

// A horizontal ramp: probability x / (width - 1), so the area above t is known exactly.
cv::Mat ramp(int w, int h, bool reversed = false) {
    cv::Mat m(h, w, CV_32F);
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            const float v = static_cast<float>(x) / static_cast<float>(w - 1);
            m.at<float>(y, x) = reversed ? 1.0f - v : v;
        }
    }
    return m;
}

}  // namespace

class TestOverlayRenderer : public QObject {
    Q_OBJECT
private slots:
    void areaFollowsThreshold_data() {
        QTest::addColumn<double>("threshold");
        QTest::addColumn<qint64>("area");
        // 101 columns x 10 rows, p = x/100; a pixel is in the mask when p > threshold.
        QTest::newRow("0.0") << 0.0 << qint64(100 * 10);
        QTest::newRow("0.25") << 0.25 << qint64(75 * 10);
        QTest::newRow("0.5") << 0.5 << qint64(50 * 10);
        QTest::newRow("0.9") << 0.9 << qint64(10 * 10);
        QTest::newRow("1.0") << 1.0 << qint64(0);
    }

    void areaFollowsThreshold() {
        QFETCH(double, threshold);
        QFETCH(qint64, area);
        std::vector<qint64> areas;
        for (const OverlapMode mode : {OverlapMode::Exclusive, OverlapMode::Overlapping}) {
            OverlayRenderer::render({OverlayLayer{ramp(101, 10), threshold + 1e-4, Qt::red, true}}, mode,
                                    QSize(101, 10), &areas);
            QCOMPARE(areas.at(0), area);
        }
    }

    void fillsAreTranslucentAndOutlinesOpaque() {
        const QImage out =
            OverlayRenderer::render({OverlayLayer{ramp(101, 10), 0.495, QColor(255, 0, 0), true}},
                                    OverlapMode::Exclusive, QSize(101, 10));
        QCOMPARE(out.format(), QImage::Format_ARGB32_Premultiplied);
        QCOMPARE(qAlpha(out.pixel(10, 5)), 0);    // below threshold: untouched
        QCOMPARE(qAlpha(out.pixel(50, 5)), 255);  // first column above: the outline
        QVERIFY(qAlpha(out.pixel(75, 5)) < 200);  // inside: translucent fill
        QVERIFY(qAlpha(out.pixel(75, 5)) > 50);
        QVERIFY(qRed(out.pixel(75, 5)) > qGreen(out.pixel(75, 5)));
    }

    void exclusiveGivesEachPixelToTheMostProbableLabel() {
        const std::vector<OverlayLayer> layers{OverlayLayer{ramp(101, 4), 0.105, Qt::red, true},
                                               OverlayLayer{ramp(101, 4, true), 0.105, Qt::blue, true}};
        std::vector<qint64> exclusive;
        std::vector<qint64> overlapping;
        OverlayRenderer::render(layers, OverlapMode::Exclusive, QSize(101, 4), &exclusive);
        OverlayRenderer::render(layers, OverlapMode::Overlapping, QSize(101, 4), &overlapping);
        // Overlapping: each label independently covers p > 0.105 (90 columns). Exclusive splits at the
        // middle; the tied centre column (0.5 = 0.5) stays with the first label.
        QCOMPARE(overlapping, (std::vector<qint64>{90 * 4, 90 * 4}));
        QCOMPARE(exclusive, (std::vector<qint64>{51 * 4, 50 * 4}));
        // Hidden labels and missing maps draw nothing.
        std::vector<qint64> hidden;
        OverlayRenderer::render({OverlayLayer{ramp(101, 4), 0.1, Qt::red, false}, OverlayLayer{}},
                                OverlapMode::Exclusive, QSize(101, 4), &hidden);
        QCOMPARE(hidden, (std::vector<qint64>{0, 0}));
    }

    void heatMapIsOrderedDarkToBright() {
        const QImage heat = OverlayRenderer::heatMap(ramp(101, 2), 255);
        QCOMPARE(heat.size(), QSize(101, 2));
        QVERIFY(qGray(heat.pixel(0, 0)) < qGray(heat.pixel(50, 0)));
        QVERIFY(qGray(heat.pixel(50, 0)) < qGray(heat.pixel(100, 0)));
    }

    void rendersFullHdQuickly() {
        const std::vector<OverlayLayer> layers{OverlayLayer{ramp(1920, 1080), 0.3, Qt::red, true},
                                               OverlayLayer{ramp(1920, 1080, true), 0.3, Qt::green, true},
                                               OverlayLayer{ramp(1920, 1080), 0.7, Qt::blue, true}};
        for (const OverlapMode mode : {OverlapMode::Exclusive, OverlapMode::Overlapping}) {
            OverlayRenderer::render(layers, mode, QSize(1920, 1080));  // warm-up
            QElapsedTimer clock;
            clock.start();
            constexpr int kRuns = 5;
            for (int i = 0; i < kRuns; ++i) {
                OverlayRenderer::render(layers, mode, QSize(1920, 1080));
            }
            const double ms = static_cast<double>(clock.nsecsElapsed()) / 1e6 / kRuns;
            qInfo("1920x1080, 3 labels, %s: %.1f ms per render",
                  mode == OverlapMode::Exclusive ? "exclusive" : "overlapping", ms);
            // "Immediate" for a slider: well under a frame budget of 100 ms even on a loaded 2-core machine.
            QVERIFY2(ms < 250.0, qPrintable(QString::number(ms)));
        }
    }
};

QTEST_GUILESS_MAIN(TestOverlayRenderer)
#include "test_overlay_renderer.moc"
