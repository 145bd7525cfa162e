// A threshold step in the window (re-render the overlay from cached probabilities and hand it to the
// canvas) against showing the image itself (what every step through a folder costs), both on the same
// Full HD image in one run. Not a test: prints milliseconds and the ratio. Moved here from
// test_gui_workflow, where a wall-clock bound made the test depend on the machine.
//
//   bench_threshold [width height] [repeats]
#include <QApplication>
#include <QImage>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <vector>

#include "MedianTime.h"
#include "canvas/CanvasView.h"
#include "document/ImageSession.h"
#include "document/LabelDefinition.h"

namespace {

using pm::bench::medianMs;

// A smooth probability map: a cone over the middle of the image, so every threshold changes the mask.
cv::Mat cone(int width, int height) {
    cv::Mat p(height, width, CV_32F);
    const double cx = width / 2.0, cy = height / 2.0, r = std::min(width, height) / 2.0;
    for (int y = 0; y < height; ++y) {
        auto* row = p.ptr<float>(y);
        for (int x = 0; x < width; ++x) {
            row[x] = static_cast<float>(std::max(0.0, 1.0 - std::hypot(x - cx, y - cy) / r));
        }
    }
    return p;
}

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    const int width = argc > 2 ? std::atoi(argv[1]) : 1920;
    const int height = argc > 2 ? std::atoi(argv[2]) : 1080;
    const int repeats = argc > 3 ? std::atoi(argv[3]) : (argc == 2 ? std::atoi(argv[1]) : 15);

    QImage image(width, height, QImage::Format_RGB32);
    image.fill(QColor(90, 120, 150));
    pm::ui::LabelDefinition label;
    label.id = pm::ui::LabelDefinition::newId();
    label.name = QStringLiteral("a glass");
    label.prompts = QStringList{QStringLiteral("a glass")};

    pm::ui::ImageSession session;
    session.reset(QStringLiteral("bench.png"), image);
    pm::ui::SegmentationOutcome outcome;
    outcome.imagePath = QStringLiteral("bench.png");
    outcome.imageSize = image.size();
    outcome.labelIds << label.id;
    outcome.signatures << label.signature();
    outcome.probabilities.push_back(cone(width, height));
    if (session.store(outcome, {label}) != 1) {
        std::fprintf(stderr, "bench_threshold: the probability map was not stored\n");
        return 1;
    }

    pm::ui::CanvasView canvas;
    canvas.resize(1200, 800);
    canvas.show();
    const double showImage = medianMs(repeats, [&](int) {
        canvas.setImage(image);
        QApplication::processEvents();
    });
    const double thresholdStep = medianMs(repeats, [&](int i) {
        label.threshold = 0.3 + 0.4 * (i % 10) / 10.0;
        canvas.setOverlay(session.renderOverlay({label}, pm::ui::OverlapMode::Exclusive));
        QApplication::processEvents();
    });
    std::printf("image %dx%d, %d repeats (median)\n", width, height, repeats);
    std::printf("  show the image (baseline)      %8.2f ms\n", showImage);
    std::printf("  threshold step (render+canvas) %8.2f ms  = %.2fx the baseline\n", thresholdStep,
                thresholdStep / showImage);
    return 0;
}
