// Saving what the canvas shows as labelme JSON beside the image, opening it again without the model,
// autosave on leaving an image, and unreadable files (reported, backed up before they are replaced).
#include <QFile>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <opencv2/core.hpp>

#include "FakeSegmenter.h"
#include "TestData.h"
#include "WindowDriver.h"
#include "annotation/LabelmeFormat.h"
#include "annotation/MaskPolygons.h"
#include "canvas/CanvasView.h"
#include "commands/DocumentCommands.h"
#include "docks/LabelsDock.h"
#include "document/AnnotationFile.h"
#include "document/DatasetDocument.h"
#include "document/ImageListModel.h"
#include "document/LabelListModel.h"
#include "inference/SegmentationController.h"
#include "shell/MainWindow.h"
#include "shell/NoticeBar.h"
#include "shell/StatusBarWidget.h"

using namespace pm::ui;
using pm::ui::testing::FakeProbe;
using pm::ui::testing::FakeSegmenter;

namespace {

// The union of the instances of `label` in `instances`, 0/255.
cv::Mat unionOf(const std::vector<pm::Instance>& instances, const std::string& label, cv::Size size) {
    cv::Mat mask(size, CV_8UC1, cv::Scalar(0));
    for (const pm::Instance& i : instances) {
        if (i.label == label) {
            mask.setTo(255, i.mask);
        }
    }
    return mask;
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace

class TestAnnotationFiles : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { pm::ui::testing::useTestSettings(QStringLiteral("test_annotation_files")); }

    void init() {
        QSettings().clear();
        QVERIFY(dir_.isValid());
        images_ = pm::ui::testing::refillWithImages(dir_.path(), 3);
        probe_ = std::make_shared<FakeProbe>();
        window_ = makeWindow();
        QVERIFY(window_);
    }

    void cleanup() { window_.reset(); }

    void savedFileHoldsTheDisplayedMasks_data() {
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("perLabel");
        QTest::newRow("exclusive, per component") << int(OverlapMode::Exclusive) << false;
        QTest::newRow("overlapping, per component") << int(OverlapMode::Overlapping) << false;
        QTest::newRow("exclusive, per label") << int(OverlapMode::Exclusive) << true;
    }

    void savedFileHoldsTheDisplayedMasks() {
        QFETCH(int, mode);
        QFETCH(bool, perLabel);
        QSettings().setValue("annotations/instancePerLabel", perLabel);
        window_->openFolder(dir_.path());
        typePrompt("a glass");
        window_->labelsDock()->addLabel("a plate");
        window_->labelsDock()->setThreshold(0, 0.2);
        window_->labelsDock()->setThreshold(1, 0.3);
        window_->document()->commands()->setOverlapMode(static_cast<OverlapMode>(mode));
        QTRY_VERIFY(area(0) > 0 && area(1) > 0);
        QTRY_VERIFY(!window_->controller()->isBusy());

        const auto& labels = window_->document()->labelModel()->labels();
        const std::vector<cv::Mat> shown =
            window_->document()->session().labelMasks(labels, static_cast<OverlapMode>(mode));
        QCOMPARE(shown.size(), size_t(2));
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(qint64(cv::countNonZero(shown[size_t(i)])),
                     area(i));  // what is painted is what is saved
        }

        QSignalSpy saved(window_->document(), &DatasetDocument::annotationSaved);
        QTest::keyClick(window_->canvas(), Qt::Key_S, Qt::ControlModifier);
        QCOMPARE(saved.count(), 1);
        const QString file = dir_.filePath("img1.json");
        QCOMPARE(saved.at(0).at(1).toString(), file);
        QVERIFY(QFile::exists(file));
        QCOMPARE(window_->document()->imageModel()->status(0), ImageStatus::Done);
        QVERIFY(window_->statusBarWidget()->currentMessage().contains("img1.json"));

        // Read back with the annotation library, as any other tool would.
        pm::LabelmeFormat reader;
        pm::Dataset dataset;
        QVERIFY(reader.read(file.toStdString(), dir_.path().toStdString(), dataset));
        QCOMPARE(reader.fileErrors().size(), size_t(0));
        QCOMPARE(dataset.images.size(), size_t(1));
        const pm::ImageAnnotation& image = dataset.images[0];
        QCOMPARE(QString::fromStdString(image.imagePath), QString("img1.png"));
        QCOMPARE(image.size, cv::Size(320, 240));
        const char* names[] = {"a glass", "a plate"};
        const double thresholds[] = {0.2, 0.3};
        for (int i = 0; i < 2; ++i) {
            const cv::Mat back = unionOf(image.instances, names[i], image.size);
            const double iou = pm::MaskPolygons::iou(back, shown[size_t(i)]);
            QVERIFY2(iou >= 0.98, qPrintable(QStringLiteral("%1: IoU %2").arg(names[i]).arg(iou)));
        }
        for (const pm::Instance& instance : image.instances) {
            QVERIFY(instance.provenance.has_value());
            const int i = instance.label == names[0] ? 0 : 1;
            QCOMPARE(instance.provenance->prompts, std::vector<std::string>{names[i]});
            QCOMPARE(instance.provenance->threshold, thresholds[i]);
            QCOMPARE(QString::fromStdString(instance.provenance->modelName),
                     QString(FakeSegmenter::kModelName));
            QCOMPARE(QString::fromStdString(instance.provenance->modelId), QString("000000000000"));
        }
        if (perLabel) {
            QCOMPARE(image.instances.size(), size_t(2));
        }
    }

    void reopeningShowsTheSavedAnnotationWithoutTheModel() {
        window_->openFolder(dir_.path());
        typePrompt("a glass");
        QTRY_VERIFY(area(0) > 0);
        QTRY_VERIFY(!window_->controller()->isBusy());
        QVERIFY(window_->document()->saveAnnotation());
        const qint64 savedArea = area(0);
        QTest::keyClick(window_->canvas(), Qt::Key_D);
        QTRY_VERIFY(area(0) > 0);
        QTRY_VERIFY(!window_->controller()->isBusy());
        const int calls = probe_->segmentCalls.load();

        QTest::keyClick(window_->canvas(), Qt::Key_A);
        QCOMPARE(window_->document()->currentRow(), 0);
        QVERIFY(window_->document()->session().showingSaved());
        QCOMPARE(window_->document()->imageModel()->status(0), ImageStatus::Done);
        QVERIFY(std::abs(area(0) - savedArea) <= savedArea / 50);
        // Threshold edits do not change a saved annotation on screen, and call no model.
        window_->labelsDock()->setThreshold(0, 0.9);
        QCOMPARE(window_->document()->imageModel()->status(0), ImageStatus::Done);
        QTest::qWait(150);
        QCOMPARE(probe_->segmentCalls.load(), calls);
        QVERIFY(std::abs(area(0) - savedArea) <= savedArea / 50);

        // R runs the model anyway; the file stays until the user saves.
        const QByteArray before = readAll(dir_.filePath("img1.json"));
        QTest::keyClick(window_->canvas(), Qt::Key_R);
        QTRY_COMPARE(probe_->segmentCalls.load(), calls + 1);
        QVERIFY(!window_->document()->session().showingSaved());
        QTRY_VERIFY(area(0) > 0 && area(0) < savedArea);  // threshold 0.9 now applies
        QCOMPARE(window_->document()->imageModel()->status(0), ImageStatus::Auto);
        QTest::keyClick(window_->canvas(), Qt::Key_D);
        QCOMPARE(readAll(dir_.filePath("img1.json")), before);
        QCOMPARE(window_->document()->imageModel()->status(0), ImageStatus::Done);
    }

    void aFreshWindowListsSavedImagesAsDoneAndDoesNotSegmentThem() {
        window_->openFolder(dir_.path());
        typePrompt("a glass");
        QTRY_VERIFY(area(0) > 0);
        QTRY_VERIFY(!window_->controller()->isBusy());
        QVERIFY(window_->document()->saveAnnotation());
        window_.reset();

        probe_ = std::make_shared<FakeProbe>();
        window_ = makeWindow();
        QVERIFY(window_);
        window_->openFolder(dir_.path());
        QCOMPARE(window_->document()->imageModel()->status(0), ImageStatus::Done);
        QCOMPARE(window_->document()->imageModel()->status(1), ImageStatus::New);
        QVERIFY(window_->document()->session().showingSaved());
        QVERIFY(area(0) > 0);
        QTest::qWait(200);
        QCOMPARE(probe_->segmentCalls.load(), 0);  // the neighbours are prefetched, nothing is segmented
    }

    void autosaveOnLeavingAnEditedImage_data() {
        QTest::addColumn<bool>("autosave");
        QTest::newRow("autosave on (default)") << true;
        QTest::newRow("autosave off") << false;
    }

    void autosaveOnLeavingAnEditedImage() {
        QFETCH(bool, autosave);
        window_->document()->setAutosave(autosave);
        window_->openFolder(dir_.path());
        typePrompt("a glass");
        QTRY_VERIFY(area(0) > 0);
        QTRY_VERIFY(!window_->controller()->isBusy());
        // Only looked at (auto): leaving writes nothing.
        QTest::keyClick(window_->canvas(), Qt::Key_D);
        QTRY_VERIFY(area(0) > 0);
        QTRY_VERIFY(!window_->controller()->isBusy());
        QVERIFY(!QFile::exists(dir_.filePath("img1.json")));
        QCOMPARE(window_->document()->imageModel()->status(0), ImageStatus::Auto);
        // Changed (edited): leaving saves when autosave is on.
        window_->labelsDock()->setThreshold(0, 0.3);
        QCOMPARE(window_->document()->imageModel()->status(1), ImageStatus::Edited);
        QTest::keyClick(window_->canvas(), Qt::Key_D);
        QCOMPARE(QFile::exists(dir_.filePath("img2.json")), autosave);
        QCOMPARE(window_->document()->imageModel()->status(1),
                 autosave ? ImageStatus::Done : ImageStatus::Edited);
    }

    void ctrlEnterSavesAndGoesOn() {
        window_->openFolder(dir_.path());
        typePrompt("a glass");
        QTRY_VERIFY(area(0) > 0);
        QTRY_VERIFY(!window_->controller()->isBusy());
        QTest::keyClick(window_->canvas(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(QFile::exists(dir_.filePath("img1.json")));
        QCOMPARE(window_->document()->imageModel()->status(0), ImageStatus::Done);
        QCOMPARE(window_->document()->currentRow(), 1);
    }

    void notSegmentedYetIsNotSaved() {
        window_->openFolder(dir_.path());
        probe_->delayMs = 300;
        typePrompt("a glass");
        QVERIFY(window_->controller()->isBusy());
        QVERIFY(!window_->document()->saveAnnotation());
        QVERIFY(!QFile::exists(dir_.filePath("img1.json")));
        QVERIFY2(window_->statusBarWidget()->currentMessage().contains("not segmented yet"),
                 qPrintable(window_->statusBarWidget()->currentMessage()));
        QTRY_VERIFY_WITH_TIMEOUT(area(0) > 0, 5000);
        QVERIFY(window_->document()->saveAnnotation());
    }

    void unreadableFileIsReportedAndKeptOnSave_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("problem");
        QTest::newRow("not JSON") << QByteArray("{\"shapes\": [oops") << "not valid JSON";
        QTest::newRow("JSON, not labelme") << QByteArray("{\"images\": []}") << "imagePath";
        QTest::newRow("another size")
            << QByteArray(
                   "{\"version\": \"5.1.1\", \"flags\": {}, \"shapes\": [], \"imagePath\": \"img1.png\", "
                   "\"imageData\": null, \"imageHeight\": 10, \"imageWidth\": 10}")
            << "10×10";
    }

    void unreadableFileIsReportedAndKeptOnSave() {
        QFETCH(QByteArray, content);
        QFETCH(QString, problem);
        const QString file = dir_.filePath("img1.json");
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
        }
        window_->openFolder(dir_.path());
        QVERIFY(window_->noticeBar()->isVisible());
        const QString notice = window_->noticeBar()->text();
        QVERIFY2(notice.contains("img1.json") && notice.contains(problem) && notice.contains(".bak"),
                 qPrintable(notice));
        QVERIFY(!window_->document()->session().showingSaved());
        QCOMPARE(window_->document()->imageModel()->status(0),
                 ImageStatus::New);  // listed as done until opened

        typePrompt("a glass");  // the image is still usable
        QTRY_VERIFY(area(0) > 0);
        QTRY_VERIFY(!window_->controller()->isBusy());
        QVERIFY(window_->document()->saveAnnotation());
        QCOMPARE(readAll(file + ".bak"), content);
        QVERIFY(window_->statusBarWidget()->currentMessage().contains("img1.json.bak"));
        const AnnotationFile::LoadResult back = AnnotationFile::load(images_[0], QSize(320, 240));
        QCOMPARE(int(back.state), int(AnnotationFile::State::Loaded));
        QVERIFY(!back.instances.empty());
        QVERIFY(!window_->noticeBar()->isVisible());
    }

    void aFileOfAnotherImageWithTheSameStemIsNeverReplaced() {
        // cat.png's annotation is cat.json; cat.jpg shares the name and must not overwrite it.
        QTemporaryDir twins;
        const QStringList png = pm::ui::testing::writeImages(twins.path(), 1, QSize(200, 150), "cat");
        QImage(200, 150, QImage::Format_RGB32).save(twins.filePath("cat1.jpg"));
        AnnotationFile::save(png[0], QSize(200, 150), {});
        const QByteArray before = readAll(twins.filePath("cat1.json"));
        window_->openImage(twins.filePath("cat1.jpg"));
        QVERIFY(window_->noticeBar()->text().contains("belongs to cat1.png"));
        typePrompt("a glass");
        QTRY_VERIFY(area(0) > 0);
        QTRY_VERIFY(!window_->controller()->isBusy());
        QVERIFY(!window_->document()->saveAnnotation());
        QCOMPARE(readAll(twins.filePath("cat1.json")), before);
    }

private:
    std::unique_ptr<MainWindow> makeWindow() { return pm::ui::testing::openWindowWithFakeModel(probe_); }

    // As a person would: T, type, Enter.
    void typePrompt(const QString& text) { QVERIFY(pm::ui::testing::typePrompt(*window_, text)); }

    qint64 area(int label) const { return pm::ui::testing::labelArea(*window_, label); }

    QTemporaryDir dir_;
    QStringList images_;
    std::shared_ptr<FakeProbe> probe_;
    std::unique_ptr<MainWindow> window_;
};

QTEST_MAIN(TestAnnotationFiles)
#include "test_annotation_files.moc"
