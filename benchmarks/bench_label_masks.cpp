// The threshold step's masks (exclusive labels, 1920x1080, N labels): LabelMasks against the per-pixel
// loop it replaced and against itself on one thread, in one run. Not a test: prints medians in ms and the
// ratio; the masks must be equal (test_label_masks checks that on many inputs; here it is checked once more
// on the timed data).
//
//   bench_label_masks [labels] [repeats]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <vector>

#include "MedianTime.h"
#include "image/LabelMasks.h"

namespace {

using pm::bench::medianMs;

// The loop the GUI ran before LabelMasks (OverlayRenderer::masks, exclusive mode).
std::vector<cv::Mat> scalarMasks(const std::vector<cv::Mat>& maps, const std::vector<float>& thresholds) {
    const int w = maps[0].cols;
    const int h = maps[0].rows;
    std::vector<cv::Mat> out;
    for (size_t i = 0; i < maps.size(); ++i) {
        out.emplace_back(h, w, CV_8UC1, cv::Scalar(0));
    }
    std::vector<float> best(size_t(w) * h, 0.0f);
    std::vector<int> owner(best.size(), -1);
    for (size_t i = 0; i < maps.size(); ++i) {
        for (int y = 0; y < h; ++y) {
            const float* p = maps[i].ptr<float>(y);
            const size_t base = size_t(y) * w;
            for (int x = 0; x < w; ++x) {
                if (p[x] > thresholds[i] && p[x] > best[base + x]) {
                    best[base + x] = p[x];
                    owner[base + x] = int(i);
                }
            }
        }
    }
    for (int y = 0; y < h; ++y) {
        const int* o = owner.data() + size_t(y) * w;
        for (int x = 0; x < w; ++x) {
            if (o[x] >= 0) {
                out[size_t(o[x])].at<uchar>(y, x) = 255;
            }
        }
    }
    return out;
}

// The loop `promptmask-cli bench` timed before (one row at a time, labels innermost), one threshold.
std::vector<cv::Mat> rowMasks(const std::vector<cv::Mat>& maps, float threshold) {
    const int w = maps[0].cols;
    const int h = maps[0].rows;
    std::vector<cv::Mat> out(maps.size());
    for (cv::Mat& m : out) {
        m.create(h, w, CV_8UC1);
    }
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            int owner = -1;
            float best = threshold;
            for (size_t i = 0; i < maps.size(); ++i) {
                const float p = maps[i].ptr<float>(y)[x];
                if (p > best) {
                    owner = int(i);
                    best = p;
                }
            }
            for (size_t i = 0; i < maps.size(); ++i) {
                out[i].ptr<uchar>(y)[x] = int(i) == owner ? 255 : 0;
            }
        }
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    const int labels = argc > 1 ? std::max(1, std::atoi(argv[1])) : 8;
    const int repeats = argc > 2 ? std::max(1, std::atoi(argv[2])) : 15;
    // Smooth maps like a model's, upsampled from 352x352 as the app does.
    cv::RNG rng(1);
    std::vector<cv::Mat> maps;
    for (int i = 0; i < labels; ++i) {
        cv::Mat small(352, 352, CV_32F);
        rng.fill(small, cv::RNG::UNIFORM, 0.0f, 1.0f);
        cv::GaussianBlur(small, small, cv::Size(0, 0), 8.0);
        cv::normalize(small, small, 0.0, 1.0, cv::NORM_MINMAX);
        cv::Mat hd;
        cv::resize(small, hd, cv::Size(1920, 1080), 0, 0, cv::INTER_LINEAR);
        maps.push_back(hd);
    }
    std::vector<cv::Mat> a, b;
    auto thresholds = [&](int i) { return std::vector<float>(size_t(labels), 0.3f + 0.05f * float(i % 8)); };
    const double before = medianMs(repeats, [&](int i) { a = scalarMasks(maps, thresholds(i)); });
    const double rows = medianMs(repeats, [&](int i) { a = rowMasks(maps, thresholds(i)[0]); });
    const double after =
        medianMs(repeats, [&](int i) { b = pm::LabelMasks::exclusive(maps, thresholds(i)); });
    // The same code on one thread: what sharing the row blocks among OpenCV's threads gives.
    const int threads = cv::getNumThreads();
    cv::setNumThreads(1);
    const double single =
        medianMs(repeats, [&](int i) { b = pm::LabelMasks::exclusive(maps, thresholds(i)); });
    cv::setNumThreads(threads);
    a = scalarMasks(maps, thresholds(0));
    b = pm::LabelMasks::exclusive(maps, thresholds(0));
    for (int i = 0; i < labels; ++i) {
        if (cv::countNonZero(a[size_t(i)] != b[size_t(i)]) != 0) {
            std::fprintf(stderr, "bench_label_masks: the masks differ for label %d\n", i);
            return 1;
        }
    }
    std::printf("exclusive masks, %d labels at 1920x1080, median of %d\n", labels, repeats);
    std::printf("  per-pixel loop (the GUI before)  %8.2f ms  ratio %5.2fx\n", before, before / after);
    std::printf("  row loop (the bench before)      %8.2f ms  ratio %5.2fx\n", rows, rows / after);
    std::printf("  LabelMasks on one thread         %8.2f ms  ratio %5.2fx\n", single, single / after);
    std::printf("  LabelMasks (%d threads)           %8.2f ms\n", threads, after);
    return 0;
}
