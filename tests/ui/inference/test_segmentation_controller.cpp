// The inference thread: responsiveness, priorities, superseding, failures. Uses the fake segmenter.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <opencv2/core.hpp>

#include "FakeSegmenter.h"
#include "TestData.h"
#include "inference/RequestQueue.h"
#include "inference/SegmentationController.h"

using namespace pm::ui;
using pm::ui::testing::FakeProbe;
using pm::ui::testing::FakeSegmenter;

namespace {
LabelDefinition textLabel(const QString& prompt) {
    LabelDefinition l;
    l.id = LabelDefinition::newId();
    l.name = prompt;
    return l;
}
}  // namespace

class TestSegmentationController : public QObject {
    Q_OBJECT
private slots:
    void init() {
        probe_ = std::make_shared<FakeProbe>();
        QVERIFY(dir_.isValid());
        images_ = pm::ui::testing::writeImages(dir_.path(), 4);
    }

    void queueRunsInteractiveBeforePrefetchAndFifoWithin() {
        RequestQueue queue;
        int id = 0;
        for (const JobPriority p : {JobPriority::Prefetch, JobPriority::Interactive, JobPriority::Prefetch,
                                    JobPriority::Interactive, JobPriority::Control}) {
            SegmentationJob job;
            job.id = static_cast<quint64>(++id);
            job.priority = p;
            queue.push(job);
        }
        QList<quint64> order;
        while (auto job = queue.pop()) {
            order << job->id;
        }
        QCOMPARE(order, (QList<quint64>{5, 2, 4, 1, 3}));
        QCOMPARE(queue.size(), size_t(0));
    }

    void eventLoopStaysResponsiveDuringSlowInference() {
        SegmentationController controller(FakeSegmenter::factory(probe_));
        QSignalSpy loaded(&controller, &SegmentationController::modelLoaded);
        controller.loadModel(QStringLiteral("fake-bundle"));
        QVERIFY(loaded.wait(5000));

        probe_->delayMs = 400;  // encode 400 ms + decode 400 ms
        QSignalSpy segmented(&controller, &SegmentationController::segmented);
        pm::ui::testing::EventLoopProbe loop;
        const quint64 id = controller.segment(images_[0], {textLabel("a glass")});
        QVERIFY(controller.isBusy());
        QVERIFY(segmented.wait(10000));
        const qint64 elapsed = loop.stop();
        QVERIFY2(elapsed >= 700, qPrintable(QString::number(elapsed)));
        // The GUI thread kept processing timer events the whole time.
        QVERIFY2(loop.keptRunning(), qPrintable(loop.describe()));
        const auto outcome = segmented.at(0).at(0).value<SegmentationOutcome>();
        QCOMPARE(outcome.requestId, id);
        QCOMPARE(outcome.probabilities.size(), size_t(1));
        QCOMPARE(outcome.imageSize, QSize(320, 240));
        QTRY_VERIFY(!controller.isBusy());
    }

    void newRequestSupersedesTheRunningOne() {
        SegmentationController controller(FakeSegmenter::factory(probe_));
        QSignalSpy loaded(&controller, &SegmentationController::modelLoaded);
        controller.loadModel(QStringLiteral("fake-bundle"));
        QVERIFY(loaded.wait(5000));
        QTRY_VERIFY(!controller.isBusy());  // the load job has ended
        probe_->delayMs = 300;
        QSignalSpy segmented(&controller, &SegmentationController::segmented);
        QSignalSpy busy(&controller, &SegmentationController::busyChanged);
        controller.segment(images_[0], {textLabel("a cat")});
        QTRY_COMPARE(probe_->segmentCalls.load(), 1);  // the first one is running
        const quint64 second = controller.segment(images_[1], {textLabel("a cat")});
        QTRY_COMPARE_WITH_TIMEOUT(segmented.size(), 1, 10000);
        QTRY_VERIFY(!controller.isBusy());
        QCOMPARE(segmented.at(0).at(0).value<SegmentationOutcome>().requestId, second);
        QVERIFY(probe_->cancelled.load() >= 1);
        QCOMPARE(busy.first().first().toBool(), true);
        QCOMPARE(busy.last().first().toBool(), false);
    }

    void sideRequestsNeitherSupersedeNorReachTheCanvas() {
        SegmentationController controller(FakeSegmenter::factory(probe_));
        QVERIFY(loadFakeModel(controller));
        probe_->delayMs = 100;
        QSignalSpy segmented(&controller, &SegmentationController::segmented);
        QSignalSpy side(&controller, &SegmentationController::sideSegmented);
        QSignalSpy ended(&controller, &SegmentationController::sideEnded);
        const quint64 lab = controller.submitSideRequest(images_[0], {textLabel("a cat")},
                                                         SegmentationController::SidePriority::Soon);
        const quint64 canvas = controller.segment(images_[1], {textLabel("a dog")});
        const quint64 batch = controller.submitSideRequest(images_[2], {textLabel("a cat")},
                                                           SegmentationController::SidePriority::Batch);
        // A new canvas request supersedes the canvas's own, never a side request.
        const quint64 canvas2 = controller.segment(images_[3], {textLabel("a dog")});
        QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(segmented.size(), 1, 10000);
        QCOMPARE(segmented.at(0).at(0).value<SegmentationOutcome>().requestId, canvas2);
        QCOMPARE(side.size(), 2);
        QList<quint64> sideIds = {side.at(0).at(0).value<SegmentationOutcome>().requestId,
                                  side.at(1).at(0).value<SegmentationOutcome>().requestId};
        QVERIFY(sideIds.contains(lab) && sideIds.contains(batch) && !sideIds.contains(canvas));
        // Batch work runs after everything else that was queued.
        QCOMPARE(sideIds.last(), batch);
        QCOMPARE(ended.last().at(0).value<quint64>(), batch);
    }

    void cancelledOrReloadedSideRequestsEndAlone() {
        SegmentationController controller(FakeSegmenter::factory(probe_));
        QVERIFY(loadFakeModel(controller));
        probe_->delayMs = 200;
        QSignalSpy side(&controller, &SegmentationController::sideSegmented);
        QSignalSpy failed(&controller, &SegmentationController::sideFailed);
        QSignalSpy ended(&controller, &SegmentationController::sideEnded);
        auto run = std::make_shared<pm::CancelToken>();
        const quint64 first = controller.submitSideRequest(images_[0], {textLabel("a cat")},
                                                           SegmentationController::SidePriority::Batch, run);
        const quint64 second = controller.submitSideRequest(images_[1], {textLabel("a cat")},
                                                            SegmentationController::SidePriority::Batch, run);
        const quint64 lab = controller.submitSideRequest(images_[2], {textLabel("a dog")},
                                                         SegmentationController::SidePriority::Idle);
        run->cancel();  // the run's token: both of its jobs go
        controller.cancelSideRequest(lab);
        QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 3, 10000);
        QCOMPARE(side.size(), 0);
        QCOMPARE(failed.size(), 0);  // a cancellation is not a failure
        QList<quint64> endedIds;
        for (const QList<QVariant>& e : ended) {
            endedIds << e.at(0).value<quint64>();
        }
        QVERIFY(endedIds.contains(first) && endedIds.contains(second) && endedIds.contains(lab));
        // Loading another model cancels what was asked of the old one.
        const quint64 stale = controller.submitSideRequest(images_[3], {textLabel("a cat")},
                                                           SegmentationController::SidePriority::Batch);
        controller.loadModel(QStringLiteral("fake-bundle"));
        QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 4, 10000);
        QCOMPARE(ended.last().at(0).value<quint64>(), stale);
        QCOMPARE(side.size(), 0);
    }

    void prefetchWaitsForInteractiveWorkAndWarmsTheCache() {
        SegmentationController controller(FakeSegmenter::factory(probe_));
        QSignalSpy loaded(&controller, &SegmentationController::modelLoaded);
        controller.loadModel(QStringLiteral("fake-bundle"));
        QVERIFY(loaded.wait(5000));
        probe_->delayMs = 100;
        QSignalSpy prefetched(&controller, &SegmentationController::prefetched);
        QSignalSpy segmented(&controller, &SegmentationController::segmented);
        controller.segment(images_[0], {textLabel("a dog")});  // starts at once, occupying the worker
        controller.segment(images_[3], {textLabel("a dog")});
        controller.prefetch({images_[1], images_[2]});  // queued after the request, runs after it
        QTRY_COMPARE_WITH_TIMEOUT(prefetched.size(), 2, 10000);
        const std::vector<std::string> log = probe_->logCopy();
        const auto pos = [&](const std::string& entry) {
            return std::find(log.begin(), log.end(), entry) - log.begin();
        };
        QVERIFY(pos("segment img4.png") < pos("encode img2.png"));
        QVERIFY(pos("segment img4.png") < pos("encode img3.png"));

        // The prefetched image is now a cache hit.
        const int encodes = probe_->encodeCalls.load();
        segmented.clear();
        controller.segment(images_[1], {textLabel("a dog")});
        QVERIFY(segmented.wait(5000));
        QVERIFY(segmented.at(0).at(0).value<SegmentationOutcome>().timings.imageCacheHit);
        QCOMPARE(probe_->encodeCalls.load(), encodes);
    }

    // Prefetch asked for before a new request answers an older state of the window: it never runs
    // behind the request (the window asks for the neighbours again once idle).
    void newRequestDropsThePendingPrefetch() {
        SegmentationController controller(FakeSegmenter::factory(probe_));
        QSignalSpy loaded(&controller, &SegmentationController::modelLoaded);
        controller.loadModel(QStringLiteral("fake-bundle"));
        QVERIFY(loaded.wait(5000));
        QTRY_VERIFY(!controller.isBusy());
        probe_->delayMs = 100;
        QSignalSpy segmented(&controller, &SegmentationController::segmented);
        QSignalSpy prefetched(&controller, &SegmentationController::prefetched);
        controller.segment(images_[0], {textLabel("a dog")});  // occupies the worker
        controller.prefetch({images_[1], images_[2]});
        const quint64 id = controller.segment(images_[3], {textLabel("a cat")});
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isBusy(), 10000);
        QTRY_VERIFY(!segmented.isEmpty());
        QCOMPARE(segmented.last().at(0).value<SegmentationOutcome>().requestId, id);
        // Let anything still queued run: nothing may be left but the two segment requests.
        controller.segment(images_[3], {textLabel("a cat")});
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isBusy(), 10000);
        const std::vector<std::string> log = probe_->logCopy();
        QVERIFY2(std::find(log.begin(), log.end(), "encode img2.png") == log.end(),
                 "a prefetch from before the request ran after it");
        QVERIFY(std::find(log.begin(), log.end(), "encode img3.png") == log.end());
        QCOMPARE(prefetched.size(), 0);
    }

    // A load superseded by another never reports, and while the latest runs the controller says it
    // is loading (the end of the earlier one says nothing about it).
    void supersededLoadIsNeverApplied() {
        auto controller = std::make_unique<SegmentationController>(FakeSegmenter::factory(probe_));
        QSignalSpy loaded(controller.get(), &SegmentationController::modelLoaded);
        QSignalSpy failed(controller.get(), &SegmentationController::modelFailed);
        probe_->loadDelayMs = 600'000;  // until cancelled
        controller->loadModel(QStringLiteral("bundles/first"));
        QTRY_COMPARE(probe_->loadsStarted.load(), 1);
        controller->loadModel(QStringLiteral("bundles/second"));
        QTRY_COMPARE(probe_->loadsStarted.load(), 2);  // the first ended (cancelled), the second runs
        QCOMPARE(probe_->loadsCancelled.load(), 1);
        QCoreApplication::processEvents();  // the first load's end reaches the controller
        QVERIFY(controller->isLoading());
        QVERIFY(!controller->hasModel());
        QCOMPARE(loaded.size(), 0);
        QCOMPARE(failed.size(), 0);  // cancelled is not failed
        // Closing during a load: the destructor cancels it, so it returns without waiting the load out
        // (a load that ignored its token would hold this test until CTest's timeout).
        controller.reset();
        QCOMPARE(probe_->loadsCancelled.load(), 2);
        QCOMPARE(probe_->loads.load(), 0);
    }

    void latestLoadIsTheOneReported() {
        SegmentationController controller(FakeSegmenter::factory(probe_));
        QSignalSpy loaded(&controller, &SegmentationController::modelLoaded);
        probe_->loadDelayMs = 200;
        controller.loadModel(QStringLiteral("bundles/first"));
        controller.loadModel(QStringLiteral("bundles/second"));
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isLoading(), 10000);
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(QString::fromStdString(loaded.at(0).at(0).value<pm::ModelInfo>().bundlePath),
                 QStringLiteral("bundles/second"));
        QVERIFY(controller.hasModel());
    }

    void brokenModelAndInferenceErrorsAreReported() {
        SegmentationController controller(FakeSegmenter::factory(probe_));
        QSignalSpy failed(&controller, &SegmentationController::modelFailed);
        controller.loadModel(QStringLiteral("/models/broken"));
        QVERIFY(failed.wait(5000));
        QVERIFY(failed.at(0).at(1).toString().contains(QLatin1String("manifest.json")));
        QVERIFY(!controller.hasModel());

        QSignalSpy loaded(&controller, &SegmentationController::modelLoaded);
        controller.loadModel(QStringLiteral("fake-bundle"));
        QVERIFY(loaded.wait(5000));
        QCOMPARE(QString::fromStdString(loaded.at(0).at(0).value<pm::ModelInfo>().name),
                 QString(FakeSegmenter::kModelName));

        QSignalSpy segmentFailed(&controller, &SegmentationController::segmentFailed);
        controller.segment(images_[0], {textLabel("fail")});
        QVERIFY(segmentFailed.wait(5000));
        QVERIFY(segmentFailed.at(0).at(2).toString().contains(QLatin1String("fail")));
        controller.segment(dir_.filePath(QStringLiteral("missing.png")), {textLabel("a cup")});
        QVERIFY(segmentFailed.wait(5000));
        QVERIFY(segmentFailed.at(1).at(2).toString().contains(QLatin1String("missing.png")));
        // Still working afterwards.
        QSignalSpy segmented(&controller, &SegmentationController::segmented);
        controller.segment(images_[0], {textLabel("a cup")});
        QVERIFY(segmented.wait(5000));
    }

    void labelsWithSeveralPromptsAreCombinedInOneBatch() {
        SegmentationController controller(FakeSegmenter::factory(probe_));
        QSignalSpy loaded(&controller, &SegmentationController::modelLoaded);
        controller.loadModel(QStringLiteral("fake-bundle"));
        QVERIFY(loaded.wait(5000));
        LabelDefinition both = textLabel("a glass");
        both.prompts = QStringList{QStringLiteral("a glass"), QStringLiteral("a cup")};
        QSignalSpy segmented(&controller, &SegmentationController::segmented);
        controller.segment(images_[0], {both, textLabel("a glass"), textLabel("a cup")});
        QVERIFY(segmented.wait(5000));
        QCOMPARE(probe_->segmentCalls.load(), 1);  // one call for all labels
        const auto out = segmented.at(0).at(0).value<SegmentationOutcome>();
        QCOMPARE(out.probabilities.size(), size_t(3));
        cv::Mat expected;
        cv::max(out.probabilities[1], out.probabilities[2], expected);
        QCOMPARE(cv::norm(out.probabilities[0], expected, cv::NORM_INF), 0.0);
    }

    void staleExemplarsAreLeftOutWithAWarning() {
        SegmentationController controller(FakeSegmenter::factory(probe_));
        QSignalSpy loaded(&controller, &SegmentationController::modelLoaded);
        controller.loadModel(QStringLiteral("fake-bundle"));
        QVERIFY(loaded.wait(5000));
        const auto exemplar = [](const QString& path, QRect box) {
            ExemplarDefinition e;
            e.imagePath = path;
            e.box = box;
            return e;
        };
        LabelDefinition mixed = textLabel("a glass");  // a text prompt and an exemplar whose image is gone
        mixed.prompts = QStringList{QStringLiteral("a glass")};
        mixed.exemplars = {exemplar(dir_.filePath(QStringLiteral("deleted.png")), QRect(10, 10, 40, 40))};
        LabelDefinition outside = textLabel("outside");  // only an exemplar, its box beyond the 320x240 image
        outside.prompts = QStringList{};
        outside.name = QStringLiteral("outside");
        outside.exemplars = {exemplar(images_[1], QRect(400, 300, 20, 20))};
        LabelDefinition good = textLabel("good");
        good.exemplars = {exemplar(images_[1], QRect(100, 80, 60, 50))};
        good.name = QStringLiteral("good");

        QSignalSpy segmented(&controller, &SegmentationController::segmented);
        QSignalSpy failed(&controller, &SegmentationController::segmentFailed);
        controller.segment(images_[0], {mixed, outside, good, textLabel("a glass")});
        QVERIFY(segmented.wait(5000));
        QCOMPARE(failed.size(), 0);
        const auto out = segmented.at(0).at(0).value<SegmentationOutcome>();
        QCOMPARE(out.probabilities.size(), size_t(4));
        // The mixed label keeps its text prompt: the same map as the plain "a glass" label.
        QCOMPARE(cv::norm(out.probabilities[0], out.probabilities[3], cv::NORM_INF), 0.0);
        // The label with nothing usable finds nothing; the good exemplar still finds something.
        QCOMPARE(out.probabilities[1].size(), out.probabilities[3].size());
        QCOMPARE(cv::countNonZero(out.probabilities[1]), 0);
        QVERIFY(cv::countNonZero(out.probabilities[2]) > 0);
        const QString warnings = out.warnings.join('\n');
        QCOMPARE(out.warnings.size(), 2);
        // One line per unusable exemplar, naming its file and carrying the segmenter's reason.
        QVERIFY2(warnings.contains(QStringLiteral("drawn on deleted.png was left out: ")) &&
                     warnings.contains(QStringLiteral("cannot read image")),
                 qPrintable(warnings));
        QVERIFY2(warnings.contains(QStringLiteral("outside the 320x240 image")), qPrintable(warnings));

        // Nothing usable at all: the request fails and says why.
        controller.segment(images_[0], {outside});
        QVERIFY(failed.wait(5000));
        QVERIFY2(failed.at(0).at(2).toString().contains(QStringLiteral("outside")),
                 qPrintable(failed.at(0).at(2).toString()));
    }

private:
    // Loads the fake model and waits until the load job has ended (the controller is idle).
    static bool loadFakeModel(SegmentationController& controller) {
        QSignalSpy loaded(&controller, &SegmentationController::modelLoaded);
        controller.loadModel(QStringLiteral("fake-bundle"));
        return loaded.wait(5000) && QTest::qWaitFor([&controller] { return !controller.isBusy(); }, 5000);
    }

    std::shared_ptr<FakeProbe> probe_;
    QTemporaryDir dir_;
    QStringList images_;
};

QTEST_GUILESS_MAIN(TestSegmentationController)
#include "test_segmentation_controller.moc"
