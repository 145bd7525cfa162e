// LabelMasks against the per-pixel rule it replaced ("p > t && p > best", ties to the earlier label):
// the vectorised masks must be identical, pixel for pixel, on maps with ties, NaN, empty maps, per-label
// thresholds and sizes that are not a multiple of the block height.
#include <QtTest>
#include <cmath>
#include <limits>
#include <opencv2/core.hpp>

#include "image/LabelMasks.h"

namespace {

// The scalar rule, as the GUI ran it before (OverlayRenderer, exclusive mode).
std::vector<cv::Mat> reference(const std::vector<cv::Mat>& maps, const std::vector<float>& thresholds,
                               cv::Size size) {
    std::vector<cv::Mat> out;
    for (size_t i = 0; i < maps.size(); ++i) {
        out.emplace_back(size, CV_8UC1, cv::Scalar(0));
    }
    for (int y = 0; y < size.height; ++y) {
        for (int x = 0; x < size.width; ++x) {
            float best = 0;
            int owner = -1;
            for (size_t i = 0; i < maps.size(); ++i) {
                if (maps[i].empty()) {
                    continue;
                }
                const float p = maps[i].at<float>(y, x);
                if (p > thresholds[i] && p > best) {
                    best = p;
                    owner = int(i);
                }
            }
            if (owner >= 0) {
                out[size_t(owner)].at<uchar>(y, x) = 255;
            }
        }
    }
    return out;
}

// Values on a grid of 1/16, so that ties between labels and values equal to a threshold are common.
cv::Mat coarseMap(cv::RNG& rng, cv::Size size) {
    cv::Mat m(size, CV_32F);
    for (int y = 0; y < size.height; ++y) {
        for (int x = 0; x < size.width; ++x) {
            m.at<float>(y, x) = float(rng.uniform(0, 17)) / 16.0f;
        }
    }
    return m;
}

int differingPixels(const cv::Mat& a, const cv::Mat& b) {
    return a.size() == b.size() && a.type() == b.type() ? cv::countNonZero(a != b) : -1;
}

}  // namespace

class TestLabelMasks : public QObject {
    Q_OBJECT
private slots:
    void exclusiveEqualsTheScalarRule_data() {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("labels");
        QTest::addColumn<bool>("coarse");
        QTest::newRow("1x1, one label") << 1 << 1 << 1 << true;
        QTest::newRow("odd size, ties") << 37 << 41 << 5 << true;
        QTest::newRow("odd size, smooth") << 101 << 17 << 3 << false;
        QTest::newRow("full HD, 8 labels") << 1920 << 1080 << 8 << false;
        QTest::newRow("full HD, 8 labels, ties") << 1920 << 1080 << 8 << true;
    }
    void exclusiveEqualsTheScalarRule() {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, labels);
        QFETCH(bool, coarse);
        const cv::Size size(width, height);
        cv::RNG rng(uint64(width * 7919 + height * 31 + labels));
        std::vector<cv::Mat> maps;
        std::vector<float> thresholds;
        for (int i = 0; i < labels; ++i) {
            cv::Mat m(size, CV_32F);
            if (coarse) {
                m = coarseMap(rng, size);
            } else {
                rng.fill(m, cv::RNG::UNIFORM, 0.0f, 1.0f);
            }
            maps.push_back(m);
            thresholds.push_back(coarse ? float(rng.uniform(0, 17)) / 16.0f : float(rng.uniform(0.2, 0.8)));
        }
        const std::vector<cv::Mat> want = reference(maps, thresholds, size);
        const std::vector<cv::Mat> got = pm::LabelMasks::exclusive(maps, thresholds);
        QCOMPARE(got.size(), want.size());
        int covered = 0;
        for (size_t i = 0; i < got.size(); ++i) {
            QCOMPARE(differingPixels(got[i], want[i]), 0);
            covered += cv::countNonZero(got[i]);
        }
        if (width * height > 100) {
            QVERIFY(covered > 0);  // the comparison above is not between two empty sets
        }
    }

    // An empty map, a NaN, a zero threshold against zero probabilities and a negative threshold.
    void edgeValues() {
        const cv::Size size(19, 5);
        cv::Mat a(size, CV_32F, cv::Scalar(0.0f));
        cv::Mat c(size, CV_32F, cv::Scalar(0.6f));
        a.at<float>(0, 0) = std::numeric_limits<float>::quiet_NaN();
        a.at<float>(1, 1) = 0.9f;
        c.at<float>(2, 2) = std::numeric_limits<float>::quiet_NaN();
        const std::vector<cv::Mat> maps = {a, cv::Mat(), c};
        for (const std::vector<float>& t :
             {std::vector<float>{0.0f, 0.5f, 0.5f}, std::vector<float>{-1.0f, 0.0f, 0.7f}}) {
            const std::vector<cv::Mat> want = reference(maps, t, size);
            const std::vector<cv::Mat> got = pm::LabelMasks::exclusive(maps, t);
            QCOMPARE(got.size(), size_t(3));
            for (size_t i = 0; i < 3; ++i) {
                QCOMPARE(differingPixels(got[i], want[i]), 0);
            }
            QCOMPARE(cv::countNonZero(got[1]), 0);
        }
        QCOMPARE(pm::LabelMasks::exclusive(maps, {0.5f, 0.5f, 0.5f})[0].at<uchar>(1, 1), uchar(255));
        QCOMPARE(pm::LabelMasks::exclusive(maps, {0.5f, 0.5f, 0.5f})[2].at<uchar>(2, 2), uchar(0));
    }

    void mismatchedInputsAreRejected() {
        const cv::Mat a(4, 4, CV_32F, cv::Scalar(0.5f));
        const cv::Mat b(5, 4, CV_32F, cv::Scalar(0.5f));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, pm::LabelMasks::exclusive({a, b}, {0.1f, 0.1f}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, pm::LabelMasks::exclusive({a}, {0.1f, 0.1f}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 pm::LabelMasks::exclusive({cv::Mat(4, 4, CV_8U)}, {0.1f}));
    }

    void overlappingIsAPlainThreshold() {
        cv::RNG rng(7);
        const cv::Mat m = coarseMap(rng, {53, 29});
        for (float t : {0.0f, 0.5f, 0.9375f}) {
            cv::Mat want(m.size(), CV_8UC1);
            for (int y = 0; y < m.rows; ++y) {
                for (int x = 0; x < m.cols; ++x) {
                    want.at<uchar>(y, x) = m.at<float>(y, x) > t ? 255 : 0;
                }
            }
            QCOMPARE(differingPixels(pm::LabelMasks::overlapping(m, t), want), 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestLabelMasks)
#include "test_label_masks.moc"
