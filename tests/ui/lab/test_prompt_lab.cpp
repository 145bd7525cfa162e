// The Prompt lab: PromptLabModel (batching, live threshold, stale results), CandidatePromoter (one undo
// step per click) and the dock on the real inference thread with the fake segmenter.
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include "FakeSegmenter.h"
#include "TestData.h"
#include "commands/DocumentCommands.h"
#include "document/DatasetDocument.h"
#include "document/LabelListModel.h"
#include "inference/SegmentationController.h"
#include "lab/CandidatePromoter.h"
#include "lab/LabSweep.h"
#include "lab/LabTile.h"
#include "lab/PromptLabDock.h"
#include "lab/PromptLabModel.h"

using namespace pm::ui;
using pm::ui::testing::FakeProbe;
using pm::ui::testing::FakeSegmenter;

namespace {

// What the model asked of the inference thread.
struct Submitted {
    quint64 id;
    QString image;
    QStringList texts;
    QStringList ids;
};

struct Recorder {
    QVector<Submitted> calls;
    QVector<quint64> cancelled;
    quint64 next = 100;

    PromptLabModel::SubmitFn submit() {
        return [this](const QString& image, const QVector<LabelDefinition>& labels) {
            Submitted s{++next, image, {}, {}};
            for (const LabelDefinition& l : labels) {
                s.texts << l.prompts.join(QStringLiteral("; "));
                s.ids << l.id;
            }
            calls << s;
            return s.id;
        };
    }
    PromptLabModel::CancelFn cancel() {
        return [this](quint64 id) { cancelled << id; };
    }
};

// p = x / (width - 1): the share of pixels above t is known exactly.
cv::Mat ramp(int width = 100, int height = 10) {
    cv::Mat m(height, width, CV_32F);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            m.at<float>(y, x) = static_cast<float>(x) / static_cast<float>(width - 1);
        }
    }
    return m;
}

SegmentationOutcome outcomeFor(const Submitted& s, const cv::Mat& map) {
    SegmentationOutcome o;
    o.requestId = s.id;
    o.imagePath = s.image;
    o.imageSize = QSize(map.cols, map.rows);
    o.labelIds = s.ids;
    for (int i = 0; i < s.ids.size(); ++i) {
        o.probabilities.push_back(map);
    }
    o.timings.decodeMs = 12;
    return o;
}

}  // namespace

class TestPromptLab : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { pm::ui::testing::useTestSettings(QStringLiteral("test_prompt_lab")); }

    void allCandidatesInOneBatchThenOnlyTheNewOne() {
        Recorder r;
        PromptLabModel model(r.submit(), r.cancel());
        QCOMPARE(model.addCandidate(QStringLiteral("a cat")), 0);  // no image yet: nothing to decode
        QCOMPARE(model.addCandidate(QStringLiteral("  a   dog ")), 1);
        QCOMPARE(model.addCandidate(QStringLiteral("a dog")), -1);  // already a candidate
        QCOMPARE(model.addCandidate(QStringLiteral("   ")), -1);
        QVERIFY(r.calls.isEmpty());
        model.setImage(QStringLiteral("/data/one.png"));
        QCOMPARE(r.calls.size(), 1);
        QCOMPARE(r.calls[0].texts, (QStringList{QStringLiteral("a cat"), QStringLiteral("a dog")}));
        QCOMPARE(model.pendingCount(), 2);
        model.addCandidate(QStringLiteral("a bird; a plane"));
        QCOMPARE(r.calls.size(), 2);
        QCOMPARE(r.calls[1].texts, QStringList{QStringLiteral("a bird; a plane")});  // just the new one
        QCOMPARE(r.calls[1].image, QStringLiteral("/data/one.png"));

        // Leaving the image cancels both requests still under way, then asks again in one batch.
        model.setImage(QStringLiteral("/data/two.png"));
        QCOMPARE(r.cancelled, (QVector<quint64>{r.calls[0].id, r.calls[1].id}));
        QCOMPARE(r.calls.size(), 3);
        QCOMPARE(r.calls[2].texts.size(), 3);
    }

    void hiddenLabDecodesNothingUntilShown() {
        Recorder r;
        PromptLabModel model(r.submit(), r.cancel());
        model.setActive(false);
        model.addCandidate(QStringLiteral("a cat"));
        model.setImage(QStringLiteral("/data/one.png"));
        model.addCandidate(QStringLiteral("a dog"));
        QVERIFY(r.calls.isEmpty());
        model.setActive(true);
        QCOMPARE(r.calls.size(), 1);
        QCOMPARE(r.calls[0].texts.size(), 2);
    }

    void liveThresholdChangesTheAreaWithoutAModelCall() {
        Recorder r;
        PromptLabModel model(r.submit(), r.cancel());
        model.setImage(QStringLiteral("/data/one.png"));
        model.addCandidate(QStringLiteral("a cat"));
        model.applyOutcome(outcomeFor(r.calls[0], ramp()));
        const LabCandidate& c = model.candidates()[0];
        QVERIFY(c.hasResult());
        QCOMPARE(c.areaPercent, 50.0);  // x/99 > 0.5 for x = 50..99
        QCOMPARE(c.milliseconds, 12.0);
        QSignalSpy changed(&model, &PromptLabModel::candidateChanged);
        model.setThreshold(0.8);
        QCOMPARE(model.candidates()[0].areaPercent, 20.0);  // x = 80..99
        QCOMPARE(changed.size(), 1);
        model.setThreshold(0.0);
        QCOMPARE(model.candidates()[0].areaPercent, 99.0);  // p > 0 everywhere but x = 0
        QCOMPARE(r.calls.size(), 1);                        // still the one decode
    }

    void staleResultsAreDropped() {
        Recorder r;
        PromptLabModel model(r.submit(), r.cancel());
        model.setImage(QStringLiteral("/data/one.png"));
        model.addCandidate(QStringLiteral("a cat"));
        model.addCandidate(QStringLiteral("a dog"));
        const Submitted forOne = r.calls[1];
        model.setImage(QStringLiteral("/data/two.png"));
        // The answer for the image left behind arrives late: ignored.
        model.applyOutcome(outcomeFor(forOne, ramp()));
        QCOMPARE(model.resultCount(), 0);
        // An answer on the right image but to an older request: ignored too.
        Submitted old = r.calls.last();
        old.id = forOne.id;
        model.applyOutcome(outcomeFor(old, ramp()));
        QCOMPARE(model.resultCount(), 0);
        // A removed candidate's answer finds nothing; the other is taken.
        model.removeCandidate(0);
        model.applyOutcome(outcomeFor(r.calls.last(), ramp()));
        QCOMPARE(model.candidates().size(), 1);
        QCOMPARE(model.resultCount(), 1);
        QCOMPARE(model.candidates()[0].text, QStringLiteral("a dog"));
        // A failure names the candidates it hit.
        model.addCandidate(QStringLiteral("fail"));
        model.applyFailure(r.calls.last().id, QStringLiteral("fake failure"));
        QCOMPARE(model.candidates()[1].error, QStringLiteral("fake failure"));
        QCOMPARE(model.pendingCount(), 0);
    }

    void promotingIsOneUndoStepPerClick() {
        auto probe = std::make_shared<FakeProbe>();
        SegmentationController controller(FakeSegmenter::factory(probe));
        DatasetDocument document(&controller);
        LabelListModel& labels = *document.labelModel();
        QUndoStack& undo = *document.undoStack();
        DocumentCommands& commands = *document.commands();
        const auto apply = [&](const CandidatePromoter::Change& change) {
            QVERIFY(!change.isEmpty());
            commands.replaceLabels(change.labels, change.text);
        };
        const LabelDefinition named = labels.makeLabel(QStringLiteral("cup"));  // prompted by its name
        labels.setLabels({named});

        apply(CandidatePromoter::newLabel(labels, QStringLiteral("a red ellipse"), 0.35));
        QCOMPARE(labels.rowCount(), 2);
        QCOMPARE(labels.label(1).name, QStringLiteral("a red ellipse"));
        QCOMPARE(labels.label(1).prompts, QStringList{QStringLiteral("a red ellipse")});
        QCOMPARE(labels.label(1).threshold, 0.35);
        QVERIFY(labels.label(1).color != labels.label(0).color);

        const auto prompt = CandidatePromoter::Role::Prompt;
        apply(CandidatePromoter::addTo(labels, named.id, QStringLiteral("a mug"), prompt));
        apply(CandidatePromoter::addTo(labels, named.id, QStringLiteral("a glass"), prompt));
        QCOMPARE(labels.label(0).prompts,
                 (QStringList{QStringLiteral("cup"), QStringLiteral("a mug"), QStringLiteral("a glass")}));
        QVERIFY(CandidatePromoter::addTo(labels, named.id, QStringLiteral("a mug"), prompt).isEmpty());
        QVERIFY(
            CandidatePromoter::addTo(labels, QStringLiteral("gone"), QStringLiteral("x"), prompt).isEmpty());
        QCOMPARE(undo.count(), 3);

        undo.undo();  // one click back: "a glass" only, though both clicks edited the same field
        QCOMPARE(labels.label(0).prompts, (QStringList{QStringLiteral("cup"), QStringLiteral("a mug")}));
        undo.undo();
        QVERIFY(labels.label(0).prompts.isEmpty());  // prompted by its name again, as before
        undo.undo();
        QCOMPARE(labels.rowCount(), 1);
        undo.redo();
        QCOMPARE(labels.label(1).name, QStringLiteral("a red ellipse"));
        QCOMPARE(undo.index(), 1);

        // Into the ensemble: the label's texts become averaged members; as a negative: "not this".
        using Role = CandidatePromoter::Role;
        apply(CandidatePromoter::addTo(labels, named.id, QStringLiteral("a mug"), Role::Ensemble));
        QVERIFY(labels.label(0).ensemble);
        QCOMPARE(labels.label(0).prompts, (QStringList{QStringLiteral("cup"), QStringLiteral("a mug")}));
        apply(CandidatePromoter::addTo(labels, named.id, QStringLiteral("a plate"), Role::Negative));
        QCOMPARE(labels.label(0).negatives, QStringList{QStringLiteral("a plate")});
        QCOMPARE(labels.label(0).prompts.size(), 2);  // a negative is no prompt
        QVERIFY(
            CandidatePromoter::addTo(labels, named.id, QStringLiteral("a plate"), Role::Negative).isEmpty());
        undo.undo();
        QVERIFY(labels.label(0).negatives.isEmpty());
        QVERIFY(labels.label(0).ensemble);
        undo.undo();
        QVERIFY(!labels.label(0).ensemble);
        QVERIFY(labels.label(0).prompts.isEmpty());

        // "a|b" is an ensemble candidate, and the label it makes is one too.
        apply(CandidatePromoter::newLabel(labels, QStringLiteral("a glass | a cup"), 0.5));
        const LabelDefinition& made = labels.label(labels.rowCount() - 1);
        QVERIFY(made.ensemble);
        QCOMPARE(made.prompts, (QStringList{QStringLiteral("a glass"), QStringLiteral("a cup")}));
        QCOMPARE(made.toCombinedPrompts().size(), size_t(1));  // one averaged map, not two OR-ed
    }

    // The dock on the real inference thread: three candidates typed, three tiles with maps, one
    // image encoding for all of them, and none of it reaches the canvas' segmented() signal.
    void dockTypesThreeCandidatesIntoThreeTilesOnOneEncoding() {
        QTemporaryDir dir;
        const QStringList images = pm::ui::testing::writeImages(dir.path(), 4);
        auto probe = std::make_shared<FakeProbe>();
        SegmentationController controller(FakeSegmenter::factory(probe));
        QSignalSpy loaded(&controller, &SegmentationController::modelLoaded);
        controller.loadModel(QStringLiteral("fake-bundle"));
        QVERIFY(loaded.wait(5000));
        QSignalSpy canvasResults(&controller, &SegmentationController::segmented);
        DatasetDocument document(&controller);
        LabelListModel& labels = *document.labelModel();
        QUndoStack& undo = *document.undoStack();
        PromptLabDock dock(&labels, document.commands(), &controller);
        dock.setNextImages([&](int count) { return images.mid(1, count); });
        dock.resize(900, 400);
        dock.setImage(images[0]);
        dock.openLab();
        QVERIFY(dock.isVisible());
        for (const char* text : {"a red disk", "a dark square", "the background"}) {
            QTest::keyClicks(dock.promptEdit(), QString::fromLatin1(text));
            QTest::keyClick(dock.promptEdit(), Qt::Key_Return);
            QVERIFY(dock.promptEdit()->text().isEmpty());
        }
        QCOMPARE(dock.tiles().size(), 3);
        QTRY_COMPARE_WITH_TIMEOUT(dock.model()->resultCount(), 3, 10000);
        QCOMPARE(probe->encodeCalls.load(), 1);  // the later candidates reused the cached encoding
        QVERIFY(dock.statusText().contains(QStringLiteral("3 shown")));
        QVERIFY(canvasResults.isEmpty());
        for (const LabCandidate& c : dock.model()->candidates()) {
            QVERIFY2(c.areaPercent > 0 && c.areaPercent < 100, qPrintable(c.text));
        }

        // The threshold slider: areas change, no segment call.
        const int calls = probe->segmentCalls.load();
        const double before = dock.model()->candidates()[0].areaPercent;
        dock.thresholdSlider()->setValue(90);
        QVERIFY(dock.model()->candidates()[0].areaPercent < before);
        QCOMPARE(probe->segmentCalls.load(), calls);

        // Promote: one new label, one undo step.
        dock.promote(dock.model()->candidates()[1].id);
        QCOMPARE(labels.rowCount(), 1);
        QCOMPARE(labels.label(0).prompts, QStringList{QStringLiteral("a dark square")});
        QCOMPARE(labels.label(0).threshold, 0.9);
        undo.undo();
        QCOMPARE(labels.rowCount(), 0);

        // Across images: 3 candidates x 2 images, one background request per image.
        dock.countBox()->setValue(2);
        QSignalSpy finished(dock.sweep(), &LabSweep::finished);
        dock.runAcrossImages();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QCOMPARE(dock.matrix()->rowCount(), 3);
        QCOMPARE(dock.matrix()->columnCount(), 2);
        for (int row = 0; row < 3; ++row) {
            for (int column = 0; column < 2; ++column) {
                QVERIFY(dock.matrix()->item(row, column) != nullptr);
                QVERIFY(!dock.matrix()->item(row, column)->icon().isNull());
            }
        }
        QVERIFY(canvasResults.isEmpty());
        if (auto* tabs = dock.findChild<QTabWidget*>()) {
            tabs->setCurrentIndex(1);
            QVERIFY(dock.grab().save(
                QDir(pm::ui::testing::artifactsDir()).filePath("prompt_lab_across_offscreen.png")));
            tabs->setCurrentIndex(0);
        }

        // Keep a picture of the lab for people to look at.
        QVERIFY(dock.grab().save(QDir(pm::ui::testing::artifactsDir()).filePath("prompt_lab_offscreen.png")));
    }

    // The window destroys its controller before the dock: a run still under way must not reach it.
    void dockOutlivesTheController() {
        QTemporaryDir dir;
        const QStringList images = pm::ui::testing::writeImages(dir.path(), 4);
        auto probe = std::make_shared<FakeProbe>();
        auto controller = std::make_unique<SegmentationController>(FakeSegmenter::factory(probe));
        QSignalSpy loaded(controller.get(), &SegmentationController::modelLoaded);
        controller->loadModel(QStringLiteral("fake-bundle"));
        QVERIFY(loaded.wait(5000));
        probe->delayMs = 200;
        DatasetDocument document(controller.get());
        auto dock =
            std::make_unique<PromptLabDock>(document.labelModel(), document.commands(), controller.get());
        dock->setNextImages([&](int count) { return images.mid(1, count); });
        dock->setImage(images[0]);
        dock->openLab();
        dock->model()->addCandidate(QStringLiteral("a disk"));
        dock->runAcrossImages();
        QVERIFY(dock->sweep()->isRunning());
        controller.reset();
        dock->setImage(images[1]);  // would cancel and ask the gone controller
        QVERIFY(dock->sweep()->isRunning());
        dock.reset();  // cancels the run: nothing to reach
    }

    void acrossImagesIsCancellable() {
        QTemporaryDir dir;
        const QStringList images = pm::ui::testing::writeImages(dir.path(), 6);
        auto probe = std::make_shared<FakeProbe>();
        SegmentationController controller(FakeSegmenter::factory(probe));
        QSignalSpy loaded(&controller, &SegmentationController::modelLoaded);
        controller.loadModel(QStringLiteral("fake-bundle"));
        QVERIFY(loaded.wait(5000));
        probe->delayMs = 300;
        LabSweep sweep(
            [&](const QString& image, const QVector<LabelDefinition>& c) {
                return controller.submitSideRequest(image, c, SegmentationController::SidePriority::Idle);
            },
            [&](quint64 id) { controller.cancelSideRequest(id); });
        connect(&controller, &SegmentationController::sideSegmented, &sweep, &LabSweep::applyOutcome);
        QSignalSpy finished(&sweep, &LabSweep::finished);
        QVector<LabelDefinition> candidates{PromptLabModel::asLabel(
            LabCandidate{QStringLiteral("c1"), QStringLiteral("a disk"), {}, 0, 0, 0, {}, 0})};
        sweep.start(candidates, images, 0.5);
        QVERIFY(sweep.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(sweep.doneCount() >= 1, 10000);
        sweep.cancel();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        const int done = sweep.doneCount();
        QVERIFY2(done < images.size(), qPrintable(QString::number(done)));
        // The cancelled requests do not run. A marker queued behind them at the same priority (FIFO)
        // answers only after the worker has passed all of them.
        QSignalSpy probed(&controller, &SegmentationController::sideSegmented);
        const quint64 marker =
            controller.submitSideRequest(images[0], candidates, SegmentationController::SidePriority::Idle);
        QTRY_VERIFY_WITH_TIMEOUT(
            !probed.isEmpty() && probed.last().at(0).value<SegmentationOutcome>().requestId == marker, 10000);
        // At most the one under way when cancel() came ran, besides the marker.
        QVERIFY2(probe->segmentCalls.load() <= done + 2,
                 qPrintable(QString::number(probe->segmentCalls.load())));
        QCOMPARE(sweep.doneCount(), done);  // late answers are not taken
    }
};

QTEST_MAIN(TestPromptLab)
#include "test_prompt_lab.moc"
