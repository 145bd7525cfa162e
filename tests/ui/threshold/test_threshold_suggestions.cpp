// Threshold suggestions in the GUI: learned from the images the user saved (recovering the threshold
// they saved at), never applied by themselves, accepted as one undo step that one Ctrl+Z takes back.
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>
#include <opencv2/imgproc.hpp>

#include "TestData.h"
#include "WindowDriver.h"
#include "commands/DocumentCommands.h"
#include "document/DatasetDocument.h"
#include "document/LabelListModel.h"
#include "inference/SegmentationController.h"
#include "threshold/ThresholdAdvisor.h"
#include "threshold/ThresholdDialog.h"
#include "threshold/ThresholdEvidence.h"

using namespace pm::ui;

namespace {

// A cone of probability (1 at `centre`, 0 at distance r): masks at threshold t are disks of radius r(1−t).
cv::Mat cone(cv::Size size, cv::Point centre, double r) {
    cv::Mat p(size, CV_32F);
    for (int y = 0; y < size.height; ++y) {
        for (int x = 0; x < size.width; ++x) {
            p.at<float>(y, x) = float(std::max(0.0, 1.0 - std::hypot(x - centre.x, y - centre.y) / r));
        }
    }
    return p;
}

QAction* menuAction(QMainWindow& window, const QString& text) {
    for (QAction* menu : window.menuBar()->actions()) {
        for (QAction* a : menu->menu()->actions()) {
            if (a->text() == text) {
                return a;
            }
        }
    }
    return nullptr;
}

}  // namespace

class TestThresholdSuggestions : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { pm::ui::testing::useTestSettings(QStringLiteral("test_threshold_suggestions")); }

    void evidenceLearnsTheThresholdTheUserSavedAt() {
        LabelDefinition label;
        label.id = "l1";
        label.name = "disk";
        ThresholdEvidence evidence;
        const double savedAt = 0.35;
        for (int i = 0; i < 2; ++i) {
            const cv::Mat p = cone({300, 200}, {100 + 40 * i, 90}, 60 + 10 * i);
            evidence.record(QString("img%1.png").arg(i), label, p, p > savedAt);
        }
        QVERIFY(!evidence.learned(label));  // two saved images are not yet "a few"
        const cv::Mat p = cone({300, 200}, {180, 120}, 80);
        evidence.record("img2.png", label, p, p > savedAt);
        evidence.record("img3.png", label, p, cv::Mat::zeros(p.size(), CV_8U));  // saved without the label
        QCOMPARE(evidence.images(label), 4);
        QCOMPARE(evidence.imagesWithLabel(label), 3);
        evidence.record("img3.png", label, p, p > savedAt);  // saved again: replaces
        QCOMPARE(evidence.images(label), 4);
        const auto learned = evidence.learned(label);
        QVERIFY(learned);
        // Maps larger than 256 px are scaled down, so the recovered value is within a boundary pixel.
        QVERIFY2(std::abs(learned->threshold - savedAt) < 0.02,
                 qPrintable(QString::number(learned->threshold)));
        QVERIFY(learned->meanIoU > 0.97);
        // New prompts make new maps: the evidence of the old ones no longer counts.
        label.prompts = {"a plate"};
        QCOMPARE(evidence.images(label), 0);
        QVERIFY(!evidence.learned(label));
    }

    // Accepting is one step: after a slider drag (its own merged step), one Ctrl+Z restores the value the
    // label had right before the suggestion was used; a drag after it is its own step too.
    void acceptIsOneUndoStepThatNeverMergesWithADrag() {
        SegmentationController controller(
            pm::ui::testing::FakeSegmenter::factory(std::make_shared<pm::ui::testing::FakeProbe>()));
        DatasetDocument document(&controller);
        DocumentCommands& commands = *document.commands();
        const int row = commands.addLabel("cup");
        const auto threshold = [&] { return document.labelModel()->label(row).threshold; };
        QCOMPARE(threshold(), 0.5);
        for (double t : {0.55, 0.6}) {  // a drag: two merged steps
            commands.editLabel(row, EditLabelCommand::Field::Threshold,
                               [t](LabelDefinition& l) { l.threshold = t; });
        }
        QUndoStack* undo = document.undoStack();
        commands.acceptThreshold(row, 0.42);
        QCOMPARE(threshold(), 0.42);
        QVERIFY(undo->undoText().contains("0.420"));
        undo->undo();
        QCOMPARE(threshold(), 0.6);
        undo->redo();
        QCOMPARE(threshold(), 0.42);
        commands.editLabel(row, EditLabelCommand::Field::Threshold,
                           [](LabelDefinition& l) { l.threshold = 0.45; });
        undo->undo();
        QCOMPARE(threshold(), 0.42);
        const int steps = undo->count();
        commands.acceptThreshold(row, 0.42);  // no change: no step
        commands.acceptThreshold(-1, 0.3);    // no label (removed while the dialog was open): nothing
        QCOMPARE(undo->count(), steps);
    }

    // The whole loop in the real window (fake model): save three images at threshold 0.3, move the
    // threshold to 0.6, ask for a suggestion: nothing changes until "Use Learned Threshold"; that sets
    // ~0.3, and Ctrl+Z gives 0.6 back.
    void savedImagesTeachTheThresholdInTheWindow() {
        QTemporaryDir dir;
        pm::ui::testing::writeImages(dir.path(), 4);
        auto probe = std::make_shared<pm::ui::testing::FakeProbe>();
        auto window = pm::ui::testing::openWindowWithFakeModel(probe);
        QVERIFY(window);
        QVERIFY(window->openFolder(dir.path()));
        QVERIFY(pm::ui::testing::typePrompt(*window, "a glass"));
        DatasetDocument* document = window->document();
        const auto setThreshold = [&](double t) {  // as the slider does
            document->commands()->editLabel(0, EditLabelCommand::Field::Threshold,
                                            [t](LabelDefinition& l) { l.threshold = t; });
        };
        setThreshold(0.3);
        for (int i = 0; i < 3; ++i) {
            QTRY_VERIFY(pm::ui::testing::labelArea(*window, 0) > 0);
            QVERIFY(document->saveAnnotation());
            document->nextImage();
        }
        QTRY_VERIFY(pm::ui::testing::labelArea(*window, 0) > 0);
        setThreshold(0.6);

        QAction* suggest = menuAction(*window, QStringLiteral("Su&ggest Threshold…"));
        QVERIFY(suggest);
        suggest->trigger();
        auto* dialog = window->findChild<ThresholdDialog*>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QVERIFY(dialog->useOtsuButton()->isEnabled());  // this image has a map
        QVERIFY(dialog->useLearnedButton()->isEnabled());
        QCOMPARE(document->labelModel()->label(0).threshold, 0.6);  // shown, not applied
        dialog->grab().save(QDir(pm::ui::testing::artifactsDir()).filePath("threshold_dialog.png"));

        QTest::mouseClick(dialog->useLearnedButton(), Qt::LeftButton);
        const double learned = document->labelModel()->label(0).threshold;
        QVERIFY2(std::abs(learned - 0.3) < 0.02, qPrintable(QString::number(learned)));
        QTRY_VERIFY(!dialog->isVisible());
        QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(document->labelModel()->label(0).threshold, 0.6);
    }
};

QTEST_MAIN(TestThresholdSuggestions)
#include "test_threshold_suggestions.moc"
