// The dataset document without a window (no QApplication, so no widget can exist): a fake model on the real
// inference thread, edits through the command facade, statuses as the image list shows them, files re-read
// from disk.
#include <QFile>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>
#include <opencv2/core.hpp>

#include "FakeSegmenter.h"
#include "TestData.h"
#include "commands/DocumentCommands.h"
#include "document/AnnotationFile.h"
#include "document/DatasetDocument.h"
#include "document/ImageListModel.h"
#include "document/LabelListModel.h"
#include "document/MaskEdits.h"
#include "document/ProjectStore.h"
#include "inference/SegmentationController.h"

using namespace pm::ui;
using pm::ui::testing::FakeProbe;
using pm::ui::testing::FakeSegmenter;

class TestDatasetDocument : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { pm::ui::testing::useTestSettings(QStringLiteral("test_dataset_document")); }

    void init() {
        dir_ = std::make_unique<QTemporaryDir>();
        QVERIFY(dir_->isValid());
        images_ = pm::ui::testing::writeImages(dir_->path(), 3);
        probe_ = std::make_shared<FakeProbe>();
        controller_ = std::make_unique<SegmentationController>(FakeSegmenter::factory(probe_));
        doc_ = std::make_unique<DatasetDocument>(controller_.get());
        // The wiring MainWindow does, and nothing else.
        connect(controller_.get(), &SegmentationController::segmented, doc_.get(),
                &DatasetDocument::onSegmented);
        connect(controller_.get(), &SegmentationController::segmentFailed, doc_.get(),
                &DatasetDocument::onSegmentFailed);
        connect(controller_.get(), &SegmentationController::modelLoaded, doc_.get(),
                &DatasetDocument::onModelLoaded);
        QSignalSpy loaded(controller_.get(), &SegmentationController::modelLoaded);
        controller_->loadModel(QStringLiteral("bundles/fake"));
        QVERIFY(loaded.wait(5000));
    }

    void cleanup() {
        doc_.reset();
        controller_.reset();
        dir_.reset();
    }

    void opensTheFolderAndShowsTheFirstImage() {
        QSignalSpy shown(doc_.get(), &DatasetDocument::imageShown);
        QVERIFY(doc_->openFolder(dir_->path(), false));
        QCOMPARE(doc_->imageModel()->rowCount(), 3);
        QTRY_COMPARE(shown.count(), 1);
        QCOMPARE(shown.at(0).at(0).toString(), images_[0]);
        QCOMPARE(doc_->currentRow(), 0);
        QCOMPARE(doc_->session().image().size(), QSize(320, 240));
        QCOMPARE(doc_->currentStatus(), ImageStatus::New);

        QSignalSpy notice(doc_.get(), &DatasetDocument::notice);
        const QString missing = dir_->filePath(QStringLiteral("nowhere"));
        QVERIFY(!doc_->openFolder(missing, false));
        QCOMPARE(notice.count(), 1);
        QVERIFY(notice.at(0).at(1).toString().contains(missing));
        QCOMPARE(doc_->imageModel()->rowCount(), 3);  // the open dataset stays
    }

    void statusesFollowTheModelEditsAndSaves() {
        // An unreadable image is an error, named, and never a crash.
        QFile bad(images_[1]);
        QVERIFY(bad.open(QIODevice::WriteOnly | QIODevice::Truncate));
        bad.write("not a png");
        bad.close();
        openAndSegment();
        QCOMPARE(doc_->currentStatus(), ImageStatus::Auto);
        doc_->commands()->editLabel(0, EditLabelCommand::Field::Threshold,
                                    [](LabelDefinition& l) { l.threshold = 0.8; });
        QCOMPARE(doc_->currentStatus(), ImageStatus::Edited);
        QVERIFY(doc_->saveAnnotation());
        QCOMPARE(doc_->currentStatus(), ImageStatus::Done);
        QSignalSpy notice(doc_.get(), &DatasetDocument::notice);
        doc_->nextImage();
        QTRY_COMPARE(doc_->imageModel()->status(1), ImageStatus::Error);
        QVERIFY(!notice.isEmpty());
        QVERIFY(notice.last().at(1).toString().contains(QStringLiteral("img2.png")));
        QVERIFY(!doc_->saveAnnotation());  // nothing shown, nothing written
        QVERIFY(!QFile::exists(AnnotationFile::pathFor(images_[1])));
    }

    void undoAndRedoLabelEdits() {
        openAndSegment();
        QUndoStack* undo = doc_->undoStack();
        const int steps = undo->count();
        const qint64 area = doc_->labelAreas().at(0);
        doc_->commands()->editLabel(0, EditLabelCommand::Field::Threshold,
                                    [](LabelDefinition& l) { l.threshold = 0.9; });
        QCOMPARE(undo->count(), steps + 1);
        QVERIFY(doc_->labelAreas().at(0) < area);
        undo->undo();
        QCOMPARE(doc_->labelModel()->label(0).threshold, 0.5);
        QCOMPARE(doc_->labelAreas().at(0), area);
        undo->redo();
        QCOMPARE(doc_->labelModel()->label(0).threshold, 0.9);
        // Removing a label and undoing it brings back the same label (id, prompts).
        const LabelDefinition label = doc_->labelModel()->label(0);
        doc_->commands()->removeLabel(0);
        QCOMPARE(doc_->labelModel()->rowCount(), 0);
        undo->undo();
        QCOMPARE(doc_->labelModel()->rowCount(), 1);
        QCOMPARE(doc_->labelModel()->label(0).id, label.id);
        QCOMPARE(doc_->labelModel()->label(0).prompts, label.prompts);
    }

    void savesWhatIsShownAndTheLabels() {
        openAndSegment();
        const qint64 area = doc_->labelAreas().at(0);
        QVERIFY(area > 0);
        QSignalSpy saved(doc_.get(), &DatasetDocument::annotationSaved);
        QVERIFY(doc_->saveAnnotation());
        QCOMPARE(saved.count(), 1);
        const QString file = saved.at(0).at(1).toString();
        QCOMPARE(file, AnnotationFile::pathFor(images_[0]));
        // Re-read from disk: one label, the mask as it was shown (polygons: within a few pixels).
        const AnnotationFile::LoadResult back = AnnotationFile::load(images_[0], QSize(320, 240));
        QCOMPARE(back.state, AnnotationFile::State::Loaded);
        QVERIFY(!back.instances.empty());
        qint64 savedArea = 0;
        for (const pm::Instance& instance : back.instances) {
            QCOMPARE(QString::fromStdString(instance.label), QStringLiteral("a glass"));
            savedArea += cv::countNonZero(instance.mask);
        }
        QVERIFY2(std::abs(savedArea - area) <= area / 20,
                 qPrintable(QStringLiteral("%1 vs %2").arg(savedArea).arg(area)));

        doc_->saveLabels();
        const ProjectData project = ProjectStore::load(dir_->path());
        QCOMPARE(project.labels.size(), 1);
        QCOMPARE(project.labels[0].prompts, QStringList{QStringLiteral("a glass")});
    }

    void autosaveWritesAnEditedImageWhenLeavingIt() {
        doc_->setAutosave(true);
        openAndSegment();
        doc_->commands()->editLabel(0, EditLabelCommand::Field::Threshold,
                                    [](LabelDefinition& l) { l.threshold = 0.7; });
        QVERIFY(!QFile::exists(AnnotationFile::pathFor(images_[0])));
        doc_->nextImage();
        QVERIFY(QFile::exists(AnnotationFile::pathFor(images_[0])));
        QCOMPARE(doc_->imageModel()->status(0), ImageStatus::Done);
        // Without autosave, leaving keeps the edits in memory only.
        doc_->setAutosave(false);
        QTRY_COMPARE(doc_->imageModel()->status(1), ImageStatus::Auto);
        doc_->commands()->editLabel(0, EditLabelCommand::Field::Threshold,
                                    [](LabelDefinition& l) { l.threshold = 0.6; });
        QCOMPARE(doc_->imageModel()->status(1), ImageStatus::Edited);
        doc_->nextImage();
        QVERIFY(!QFile::exists(AnnotationFile::pathFor(images_[1])));
        QCOMPARE(doc_->imageModel()->status(1), ImageStatus::Edited);
    }

    void aNewLabelAndItsFirstStrokeAreOneUndoStep() {
        open();
        QCOMPARE(doc_->labelModel()->rowCount(), 0);
        QUndoStack* undo = doc_->undoStack();
        const int steps = undo->count();
        const QString path = images_[0];
        // The label is added by the first part of the step: the stroke is not in the session yet then,
        // so it is drawn by the command's redo(), not before the push.
        int labelsAtAdd = -1;
        bool editsAtAdd = true;
        const auto watch = connect(doc_->labelModel(), &LabelListModel::labelsChanged, this, [&] {
            labelsAtAdd = doc_->labelModel()->rowCount();
            editsAtAdd = doc_->session().hasEdits(path);
        });
        const int row = doc_->commands()->paintStroke(-1, {QPoint(10, 10), QPoint(60, 10)}, 3, false);
        disconnect(watch);
        QCOMPARE(row, 0);
        QCOMPARE(labelsAtAdd, 1);
        QVERIFY(!editsAtAdd);
        QCOMPARE(undo->count(), steps + 1);
        QCOMPARE(doc_->labelModel()->rowCount(), 1);
        QVERIFY(doc_->session().hasEdits(path));
        MaskEdits reference;  // the same stroke drawn directly
        reference.stroke(QStringLiteral("x"), cv::Size(320, 240), {{10, 10}, {60, 10}}, 3, MaskEdits::kPaint);
        const cv::Mat drawn = reference.region(QStringLiteral("x"), cv::Rect(0, 0, 320, 240));
        QCOMPARE(doc_->labelAreas().at(0), qint64(cv::countNonZero(drawn)));
        QCOMPARE(doc_->currentStatus(), ImageStatus::Edited);

        undo->undo();  // one Ctrl+Z: label and stroke go together
        QCOMPARE(doc_->labelModel()->rowCount(), 0);
        QVERIFY(!doc_->session().hasEdits(path));
        undo->redo();
        QCOMPARE(doc_->labelModel()->rowCount(), 1);
        QVERIFY(doc_->session().hasEdits(path));

        // With the label there, the next stroke is a step of its own.
        doc_->commands()->paintStroke(0, {QPoint(10, 100), QPoint(60, 100)}, 3, false);
        QCOMPARE(undo->count(), steps + 2);
        undo->undo();
        QCOMPARE(doc_->labelModel()->rowCount(), 1);
        QVERIFY(doc_->session().hasEdits(path));
    }

    void strokesChangeMasksInRedoOnly() {
        open();
        doc_->commands()->addLabel(QStringLiteral("cup"));
        QUndoStack* undo = doc_->undoStack();
        const QString path = images_[0];
        doc_->commands()->paintPolygon(
            0, {QPoint(100, 100), QPoint(140, 100), QPoint(140, 140), QPoint(100, 140)}, false);
        const qint64 painted = doc_->labelAreas().at(0);
        QCOMPARE(painted, qint64(41 * 41));
        // The command on the stack carries the whole change: undoing it by hand clears the session and
        // redoing it draws it again, with no drawing done outside the command.
        const QUndoCommand* command = undo->command(undo->count() - 1);
        const_cast<QUndoCommand*>(command)->undo();
        QVERIFY(!doc_->session().hasEdits(path));
        QCOMPARE(doc_->labelAreas().at(0), qint64(0));
        const_cast<QUndoCommand*>(command)->redo();
        QCOMPARE(doc_->labelAreas().at(0), painted);

        // Drawn outside the image or on a hidden label: nothing is pushed, the reason is a message.
        QSignalSpy message(doc_.get(), &DatasetDocument::message);
        const int steps = undo->count();
        doc_->commands()->editLabel(0, EditLabelCommand::Field::Visible,
                                    [](LabelDefinition& l) { l.visible = false; });
        QCOMPARE(doc_->commands()->paintStroke(0, {QPoint(5, 5)}, 2, false), -1);
        QCOMPARE(undo->count(), steps + 1);  // the visibility edit only
        QVERIFY(message.last().at(0).toString().contains(QStringLiteral("cup is hidden")));
    }

    void overlapModeIsAnUndoableCommand() {
        open();
        doc_->commands()->addLabel(QStringLiteral("cup"));  // with no label, labels.json is not written
        QUndoStack* undo = doc_->undoStack();
        const int steps = undo->count();
        QSignalSpy changed(doc_.get(), &DatasetDocument::overlapModeChanged);
        doc_->commands()->setOverlapMode(OverlapMode::Overlapping);
        QCOMPARE(doc_->overlapMode(), OverlapMode::Overlapping);
        QCOMPARE(undo->count(), steps + 1);
        doc_->commands()->setOverlapMode(OverlapMode::Overlapping);  // no change, no step
        QCOMPARE(undo->count(), steps + 1);
        doc_->saveLabels();
        QCOMPARE(ProjectStore::load(dir_->path()).overlapMode, OverlapMode::Overlapping);
        undo->undo();
        QCOMPARE(doc_->overlapMode(), OverlapMode::Exclusive);
        QCOMPARE(changed.count(), 2);
        doc_->saveLabels();
        QCOMPARE(ProjectStore::load(dir_->path()).overlapMode, OverlapMode::Exclusive);
    }

private:
    void open() {
        QSignalSpy shown(doc_.get(), &DatasetDocument::imageShown);
        QVERIFY(doc_->openFolder(dir_->path(), false));
        QTRY_COMPARE(shown.count(), 1);
        QVERIFY(doc_->session().isOpen());
    }

    // Opens the folder, adds the label "a glass" and waits for the fake model's mask.
    void openAndSegment() {
        open();
        const int row = doc_->commands()->addLabel();
        QCOMPARE(row, 0);
        doc_->commands()->editLabel(row, EditLabelCommand::Field::Prompts, [](LabelDefinition& l) {
            l.prompts = QStringList{QStringLiteral("a glass")};
            l.name = QStringLiteral("a glass");
        });
        QTRY_VERIFY(!doc_->labelAreas().empty() && doc_->labelAreas()[0] > 0);
        QTRY_VERIFY(!controller_->isBusy());
    }

    std::unique_ptr<QTemporaryDir> dir_;
    QStringList images_;
    std::shared_ptr<FakeProbe> probe_;
    std::unique_ptr<SegmentationController> controller_;
    std::unique_ptr<DatasetDocument> doc_;
};

// QGuiApplication, not QApplication: the list models draw icons, but no widget can be made here.
int main(int argc, char** argv) {
    QGuiApplication app(argc, argv);
    TestDatasetDocument test;
    return QTest::qExec(&test, argc, argv);
}
#include "test_dataset_document.moc"
