#include "image/ThresholdSuggester.h"

#include <algorithm>
#include <cmath>

#include "util/Error.h"

namespace pm {

double ThresholdSuggester::otsu(const cv::Mat& probabilities) {
    constexpr int kBins = 256;
    std::vector<double> hist(kBins, 0.0);
    for (int y = 0; y < probabilities.rows; ++y) {
        const float* p = probabilities.ptr<float>(y);
        for (int x = 0; x < probabilities.cols; ++x) {
            const float v = std::clamp(std::isfinite(p[x]) ? p[x] : 0.0f, 0.0f, 1.0f);
            hist[std::min(kBins - 1, int(v * kBins))] += 1.0;
        }
    }
    double total = 0;
    double sum = 0;
    for (int b = 0; b < kBins; ++b) {
        total += hist[b];
        sum += b * hist[b];
    }
    // Split after bin `best`: class 0 = bins 0..best, class 1 = the rest.
    double w0 = 0;
    double sum0 = 0;
    double bestVar = -1;
    int bestFirst = -1;
    int bestLast = -1;
    for (int b = 0; b < kBins - 1; ++b) {
        w0 += hist[b];
        sum0 += b * hist[b];
        const double w1 = total - w0;
        if (w0 == 0 || w1 == 0) {
            continue;
        }
        const double m0 = sum0 / w0;
        const double m1 = (sum - sum0) / w1;
        const double var = w0 * w1 * (m0 - m1) * (m0 - m1);
        if (var > bestVar * (1 + 1e-12)) {
            bestVar = var;
            bestFirst = bestLast = b;
        } else if (std::fabs(var - bestVar) <= bestVar * 1e-12) {
            bestLast = b;  // a plateau of empty bins between the classes: take its middle
        }
    }
    if (bestFirst < 0) {
        return 0.5;
    }
    return (0.5 * (bestFirst + bestLast) + 1.0) / kBins;
}

LearnedThreshold ThresholdSuggester::learn(const std::vector<cv::Mat>& probabilities,
                                           const std::vector<cv::Mat>& masks, double step) {
    if (probabilities.size() != masks.size()) {
        throw Error(ErrorKind::Input, "threshold learning: " + std::to_string(probabilities.size()) +
                                          " probability maps but " + std::to_string(masks.size()) + " masks");
    }
    if (!(step > 0 && step < 0.5)) {
        throw Error(ErrorKind::Usage, "threshold learning: step must lie in (0, 0.5)");
    }
    const int n = int(std::lround(1.0 / step));  // candidate t = k/n, k = 1..n-1
    std::vector<double> iouSum(size_t(n), 0.0);
    for (size_t i = 0; i < probabilities.size(); ++i) {
        const cv::Mat& p = probabilities[i];
        const cv::Mat& m = masks[i];
        if (p.size() != m.size() || p.type() != CV_32F || m.type() != CV_8U) {
            throw Error(ErrorKind::Input, "threshold learning: pair " + std::to_string(i) +
                                              ": the probability map (CV_32F) and the mask (CV_8U) "
                                              "differ in size or type");
        }
        // in[b] / out[b]: mask / non-mask pixels whose p lies in (b/n, (b+1)/n]; p > k/n <=> bin >= k.
        std::vector<double> in(size_t(n) + 1, 0.0), out(size_t(n) + 1, 0.0);
        double inTotal = 0;
        for (int y = 0; y < p.rows; ++y) {
            const float* pp = p.ptr<float>(y);
            const uchar* mm = m.ptr<uchar>(y);
            for (int x = 0; x < p.cols; ++x) {
                const double v = std::clamp(double(pp[x]), 0.0, 1.0);
                const int bin = std::clamp(int(std::ceil(v * n)) - 1, -1, n - 1) + 1;  // shifted by one
                (mm[x] ? in : out)[size_t(bin)] += 1.0;
                inTotal += mm[x] ? 1.0 : 0.0;
            }
        }
        // Suffix sums: above[k] = pixels with shifted bin >= k+1, i.e. p > k/n.
        double tp = 0;
        double fp = 0;
        for (int k = n - 1; k >= 1; --k) {
            tp += in[size_t(k) + 1];
            fp += out[size_t(k) + 1];
            const double uni = inTotal + fp;
            iouSum[size_t(k)] += uni > 0 ? tp / uni : 1.0;
        }
    }
    LearnedThreshold result;
    result.samples = probabilities.size();
    const double count = std::max<double>(1.0, double(probabilities.size()));
    int bestFirst = 1;
    int bestLast = 1;
    double best = -1;
    bool inRun = false;
    for (int k = 1; k < n; ++k) {
        const double mean = iouSum[size_t(k)] / count;
        result.curve.push_back({double(k) / n, mean});
        if (mean > best + 1e-12) {
            best = mean;
            bestFirst = bestLast = k;
            inRun = true;
        } else if (inRun && mean >= best - 1e-12) {
            bestLast = k;
        } else {
            inRun = false;
        }
    }
    result.threshold = 0.5 * (bestFirst + bestLast) / n;
    result.meanIoU = best;
    return result;
}

}  // namespace pm
