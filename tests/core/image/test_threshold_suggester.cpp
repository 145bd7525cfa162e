// Threshold suggestions: Otsu on bimodal maps, and the learned threshold recovering the threshold that
// made synthetic "saved" masks from smooth random probability maps.
#include <QtTest>
#include <opencv2/imgproc.hpp>

#include "image/ThresholdSuggester.h"
#include "util/Error.h"

namespace {

// A smooth random probability map in [0,1] (blurred noise, stretched), like a model's heat map.
cv::Mat smoothMap(int seed, cv::Size size = {160, 120}) {
    cv::RNG rng{uint64(seed)};
    cv::Mat noise(size, CV_32F);
    rng.fill(noise, cv::RNG::UNIFORM, 0.0f, 1.0f);
    cv::GaussianBlur(noise, noise, cv::Size(0, 0), 6.0);
    double lo = 0, hi = 0;
    cv::minMaxLoc(noise, &lo, &hi);
    return (noise - lo) / (hi - lo);
}

// The mask a user would have saved if they had thresholded at t, with a fraction of pixels flipped.
cv::Mat maskAt(const cv::Mat& p, double t, double flip, int seed) {
    cv::Mat mask = p > t;
    cv::RNG rng{uint64(seed) + 1000};
    for (int y = 0; y < mask.rows; ++y) {
        for (int x = 0; x < mask.cols; ++x) {
            if (rng.uniform(0.0, 1.0) < flip) {
                mask.at<uchar>(y, x) = 255 - mask.at<uchar>(y, x);
            }
        }
    }
    return mask;
}

}  // namespace

class TestThresholdSuggester : public QObject {
    Q_OBJECT
private slots:
    void learnedThresholdRecoversTheKnownThreshold_data() {
        QTest::addColumn<double>("known");
        QTest::addColumn<double>("flip");
        QTest::addColumn<double>("tolerance");
        QTest::newRow("0.37 exact") << 0.37 << 0.0 << 0.005;
        QTest::newRow("0.62 exact") << 0.62 << 0.0 << 0.005;
        QTest::newRow("0.4437 between grid points") << 0.4437 << 0.0 << 0.005;
        QTest::newRow("0.25 with 2% flipped pixels") << 0.25 << 0.02 << 0.02;
        QTest::newRow("0.8 with 2% flipped pixels") << 0.8 << 0.02 << 0.02;
    }

    void learnedThresholdRecoversTheKnownThreshold() {
        QFETCH(double, known);
        QFETCH(double, flip);
        QFETCH(double, tolerance);
        std::vector<cv::Mat> maps, masks;
        for (int i = 0; i < 6; ++i) {
            maps.push_back(smoothMap(i));
            masks.push_back(maskAt(maps.back(), known, flip, i));
        }
        const pm::LearnedThreshold t = pm::ThresholdSuggester::learn(maps, masks);
        qInfo("known %.3f learned %.4f, mean IoU %.4f", known, t.threshold, t.meanIoU);
        QVERIFY2(std::fabs(t.threshold - known) <= tolerance, qPrintable(QString::number(t.threshold)));
        QCOMPARE(t.samples, size_t(6));
        QCOMPARE(t.curve.size(), size_t(199));
        if (flip == 0.0) {
            QVERIFY(t.meanIoU > 0.99);  // below 1 only when the known threshold lies between grid points
        }
        // The curve is the mean IoU at each threshold, and its maximum is the reported one.
        double best = 0;
        for (const pm::ThresholdCurvePoint& pt : t.curve) {
            best = std::max(best, pt.meanIoU);
            QVERIFY(pt.meanIoU >= 0 && pt.meanIoU <= 1);
        }
        QCOMPARE(best, t.meanIoU);
        QVERIFY(t.curve.front().meanIoU < t.meanIoU - 0.05);  // far thresholds are clearly worse
        QVERIFY(t.curve.back().meanIoU < t.meanIoU - 0.05);
    }

    void emptyMasksOnBothSidesCountAsPerfect() {
        const cv::Mat p(10, 10, CV_32F, cv::Scalar(0.3));
        const cv::Mat m = cv::Mat::zeros(10, 10, CV_8U);
        const pm::LearnedThreshold t = pm::ThresholdSuggester::learn({p}, {m});
        QCOMPARE(t.meanIoU, 1.0);
        QVERIFY(t.threshold >= 0.3);  // every t >= 0.3 leaves the mask empty
    }

    void mismatchedPairsAreAnError() {
        const cv::Mat p(10, 10, CV_32F, cv::Scalar(0.3));
        const cv::Mat m = cv::Mat::zeros(11, 10, CV_8U);
        QVERIFY_THROWS_EXCEPTION(pm::Error, pm::ThresholdSuggester::learn({p}, {m}));
        QVERIFY_THROWS_EXCEPTION(pm::Error, pm::ThresholdSuggester::learn({p}, {}));
    }

    void otsuSplitsABimodalMap() {
        cv::Mat p(100, 100, CV_32F, cv::Scalar(0.15));
        p(cv::Rect(0, 0, 100, 30)) = cv::Scalar(0.85);
        const double t = pm::ThresholdSuggester::otsu(p);
        QVERIFY2(t > 0.15 && t < 0.85, qPrintable(QString::number(t)));
        QVERIFY(std::fabs(t - 0.5) < 0.02);  // the middle of the empty gap
        // Two noisy modes around 0.2 and 0.7: the split falls between them.
        cv::Mat noisy(200, 200, CV_32F);
        cv::RNG rng(7);
        rng.fill(noisy, cv::RNG::NORMAL, 0.2, 0.05);
        cv::Mat upper = noisy(cv::Rect(0, 0, 200, 80));
        rng.fill(upper, cv::RNG::NORMAL, 0.7, 0.05);
        const double t2 = pm::ThresholdSuggester::otsu(noisy);
        QVERIFY2(t2 > 0.35 && t2 < 0.55, qPrintable(QString::number(t2)));
        QCOMPARE(pm::ThresholdSuggester::otsu(cv::Mat(5, 5, CV_32F, cv::Scalar(0.4))), 0.5);
    }
};

QTEST_GUILESS_MAIN(TestThresholdSuggester)
#include "test_threshold_suggester.moc"
