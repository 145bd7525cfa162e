// File → Export Dataset: saved labelme files → COCO / PNG masks / labelme through pm_annotation, on the
// exporter's thread, with counts, per-file errors, cancellation, and the dialog's screenshot.
#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>
#include <opencv2/imgproc.hpp>

#include "FakeSegmenter.h"
#include "TestData.h"
#include "annotation/CocoFormat.h"
#include "annotation/LabelmeFormat.h"
#include "annotation/PngMasksFormat.h"
#include "document/AnnotationFile.h"
#include "document/DatasetDocument.h"
#include "document/ImageListModel.h"
#include "export/DatasetExporter.h"
#include "export/ExportDialog.h"
#include "inference/SegmentationController.h"
#include "shell/MainWindow.h"

using namespace pm::ui;
using pm::ui::testing::FakeProbe;
using pm::ui::testing::FakeSegmenter;

namespace {

// `count` instances (discs) of "cat" and one of "dog" on an image of `size`.
std::vector<pm::Instance> discs(QSize size, int count) {
    std::vector<pm::Instance> out;
    for (int i = 0; i <= count; ++i) {
        pm::Instance instance;
        instance.label = i < count ? "cat" : "dog";
        instance.mask = cv::Mat(size.height(), size.width(), CV_8UC1, cv::Scalar(0));
        const int r = std::min(size.width(), size.height()) / 10;
        cv::circle(instance.mask,
                   {r + i * (2 * r + 4) % (size.width() - 2 * r), size.height() / 2 + (i % 2) * r}, r,
                   cv::Scalar(255), cv::FILLED);
        instance.provenance = pm::Provenance{{instance.label}, 0.5, "000000000000", "fake"};
        out.push_back(std::move(instance));
    }
    return out;
}

}  // namespace

class TestDatasetExport : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        pm::ui::testing::useTestSettings(QStringLiteral("test_dataset_export"));
        QSettings().clear();
    }

    void init() {
        QVERIFY(dir_.isValid());
        QDir(dir_.path()).removeRecursively();
        QDir().mkpath(dir_.filePath("data"));
        data_ = dir_.filePath("data");
        images_ = pm::ui::testing::writeImages(data_, 3, QSize(160, 120));
        // img1 and img2 saved (2 + 1 and 1 + 1 instances), img3 not.
        AnnotationFile::save(images_[0], QSize(160, 120), discs(QSize(160, 120), 2));
        AnnotationFile::save(images_[1], QSize(160, 120), discs(QSize(160, 120), 1));
    }

    void exportsEveryFormat_data() {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("output");
        QTest::newRow("coco") << "coco"
                              << "out/coco.json";
        QTest::newRow("masks") << "masks"
                               << "out/masks";
        QTest::newRow("labelme") << "labelme"
                                 << "out/labelme";
    }

    void exportsEveryFormat() {
        QFETCH(QString, format);
        QFETCH(QString, output);
        ExportRequest request = requestFor(format, dir_.filePath(output));
        request.labelOrder = {"dog", "cat", "bird"};
        int lastDone = -1;
        int lastTotal = 0;
        pm::CancelToken cancel;
        const ExportSummary s = DatasetExporter::run(
            request,
            [&](int done, int total) {
                QVERIFY(done >= lastDone);
                lastDone = done;
                lastTotal = total;
            },
            cancel);
        QVERIFY2(s.ok(), qPrintable(s.fatal));
        QVERIFY2(s.errors.isEmpty(), qPrintable(s.errors.join('\n')));
        QCOMPARE(s.images, 2);
        QCOMPARE(s.annotations, 5);
        QCOMPARE(s.unsaved, 1);
        QCOMPARE(lastDone, lastTotal);

        // Read back with the library's own reader of that format.
        std::unique_ptr<pm::AnnotationFormat> reader = pm::AnnotationFormat::create(format.toStdString());
        pm::Dataset back;
        QVERIFY(reader->read(dir_.filePath(output).toStdString(), data_.toStdString(), back));
        QVERIFY(reader->fileErrors().empty());
        QCOMPARE(back.images.size(), size_t(2));
        if (format == "masks") {
            QCOMPARE(back.instanceCount(), size_t(4));  // semantic: one per label present in an image
        } else {
            QCOMPARE(back.instanceCount(), size_t(5));
        }
        if (format != "labelme") {  // COCO ids and PNG indices follow the label list
            QCOMPARE(back.labels, (std::vector<std::string>{"dog", "cat", "bird"}));
        }
    }

    void perFileErrorsAreListedAndTheRestIsExported() {
        QFile bad(dir_.filePath("data/img2.json"));
        QVERIFY(bad.open(QIODevice::WriteOnly | QIODevice::Truncate));
        bad.write("{not json");
        bad.close();
        pm::CancelToken cancel;
        const ExportSummary s = DatasetExporter::run(requestFor("coco", dir_.filePath("c.json")), {}, cancel);
        QVERIFY(s.ok());
        QCOMPARE(s.images, 1);
        QCOMPARE(s.annotations, 3);
        QCOMPARE(s.errors.size(), 1);
        QVERIFY2(s.errors[0].contains("img2.json") && s.errors[0].contains("not valid JSON"),
                 qPrintable(s.errors[0]));
    }

    void nothingSavedIsAClearFailure() {
        QFile::remove(dir_.filePath("data/img1.json"));
        QFile::remove(dir_.filePath("data/img2.json"));
        pm::CancelToken cancel;
        const ExportSummary s = DatasetExporter::run(requestFor("coco", dir_.filePath("c.json")), {}, cancel);
        QVERIFY(!s.ok());
        QVERIFY2(s.fatal.contains("Ctrl+S"), qPrintable(s.fatal));
        QVERIFY(!QFile::exists(dir_.filePath("c.json")));
    }

    void cancelledCocoWritesNoFile() {
        pm::CancelToken cancel;
        cancel.cancel();
        const ExportSummary s = DatasetExporter::run(requestFor("coco", dir_.filePath("c.json")), {}, cancel);
        QVERIFY(s.cancelled);
        QVERIFY(!QFile::exists(dir_.filePath("c.json")));
    }

    void windowExportRunsOffTheGuiThread() {
        // Enough saved images that the export takes a while; the event loop must keep turning.
        QTemporaryDir big;
        const QStringList many = pm::ui::testing::writeImages(big.path(), 60, QSize(800, 600));
        for (const QString& image : many) {
            AnnotationFile::save(image, QSize(800, 600), discs(QSize(800, 600), 4));
        }
        auto probe = std::make_shared<FakeProbe>();
        MainWindow window(FakeSegmenter::factory(probe));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openFolder(big.path());
        QCOMPARE(window.document()->imageModel()->countStatus(ImageStatus::Done), 60);

        ExportRequest request = requestFor("coco", dir_.filePath("big-coco.json"));
        request.datasetDir = big.path();
        request.images = window.document()->imageModel()->absolutePaths();
        request.options.segmentation = pm::SegmentationMode::Rle;
        QSignalSpy finished(&window, &MainWindow::exportFinished);
        pm::ui::testing::EventLoopProbe loop;
        QVERIFY(window.startExport(request));
        QVERIFY(window.exporter()->isRunning());  // returned at once; the work is elsewhere
        QVERIFY(!window.startExport(request));    // one at a time
        QVERIFY(finished.wait(60000));
        const qint64 elapsed = loop.stop();
        qInfo("export of 60 images (800x600, 5 instances each) to COCO RLE: %lld ms, %d timer ticks", elapsed,
              loop.ticks());
        QVERIFY2(elapsed >= 100, qPrintable(QString::number(elapsed)));  // else the measurement says nothing
        QVERIFY2(loop.keptRunning(), qPrintable(loop.describe()));

        const ExportSummary s = finished.at(0).at(0).value<ExportSummary>();
        QVERIFY(s.ok());
        QCOMPARE(s.images, 60);
        QCOMPARE(s.annotations, 300);
        pm::CocoFormat coco;
        pm::Dataset back;
        QVERIFY(coco.read(dir_.filePath("big-coco.json").toStdString(), big.path().toStdString(), back));
        QCOMPARE(back.images.size(), size_t(60));
        QCOMPARE(back.instanceCount(), size_t(300));

        // The summary is a message box that does not block, naming the counts.
        QTRY_VERIFY(window.exportSummaryBox() && window.exportSummaryBox()->isVisible());
        QVERIFY2(window.exportSummaryBox()->text().contains("60 images") &&
                     window.exportSummaryBox()->text().contains("300 annotations"),
                 qPrintable(window.exportSummaryBox()->text()));
        QTRY_VERIFY(!window.exportProgress());

        // Cancelling from the progress dialog: no COCO file.
        request.output = dir_.filePath("cancelled.json");
        QVERIFY(window.startExport(request));
        QVERIFY(window.exportProgress());
        QPushButton* cancel = window.exportProgress()->findChild<QPushButton*>();
        QVERIFY(cancel);
        cancel->click();  // as the user does (the dialog may still be waiting to show itself)
        QVERIFY(finished.wait(60000));
        QVERIFY(finished.at(1).at(0).value<ExportSummary>().cancelled);
        QVERIFY(!QFile::exists(request.output));
        QTRY_VERIFY(window.exportSummaryBox() && window.exportSummaryBox()->text().contains("cancelled"));
    }

    // The format and its options chosen last time are offered again (the destination follows the
    // dataset); the choice takes effect in the files.
    void windowRemembersTheLastExportChoices() {
        QSettings().clear();
        auto probe = std::make_shared<FakeProbe>();
        MainWindow window(FakeSegmenter::factory(probe));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openFolder(data_);
        const QString out = dir_.filePath("remembered");
        bool sawDialog = false;
        QTimer::singleShot(0, [&] {
            auto* dialog = qobject_cast<ExportDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            sawDialog = true;
            QCOMPARE(dialog->format(), QString("coco"));
            dialog->setFormat("labelme");
            dialog->findChild<QCheckBox*>("simplify")->setChecked(true);
            dialog->setOutputPath(out);
            dialog->exportButton()->click();
        });
        QSignalSpy finished(&window, &MainWindow::exportFinished);
        window.exportDataset();
        QVERIFY(sawDialog);
        QVERIFY(finished.wait(30000));
        QVERIFY(QFile::exists(QDir(out).filePath("img1.json")));

        sawDialog = false;
        QTimer::singleShot(0, [&] {
            auto* dialog = qobject_cast<ExportDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            sawDialog = true;
            QCOMPARE(dialog->format(), QString("labelme"));
            QVERIFY(dialog->findChild<QCheckBox*>("simplify")->isChecked());
            QCOMPARE(dialog->writeOptions().polygons.relativeTolerance, ExportDialog::kSimplifiedOutline);
            QCOMPARE(QDir::fromNativeSeparators(dialog->outputPath()), dir_.filePath("data-labelme"));
            dialog->reject();
        });
        window.exportDataset();
        QVERIFY(sawDialog);
        if (window.exportSummaryBox()) {
            window.exportSummaryBox()->close();
        }
    }

    void dialogDefaultsAndScreenshot() {
        ExportDialog dialog(data_, 2, 3);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.format(), QString("coco"));
        QCOMPARE(QDir::fromNativeSeparators(dialog.outputPath()), dir_.filePath("data-coco.json"));
        QVERIFY(dialog.exportButton()->isEnabled());
        dialog.setFormat("masks");
        QCOMPARE(QDir::fromNativeSeparators(dialog.outputPath()), dir_.filePath("data-masks"));
        QCOMPARE(dialog.writeOptions().embedImageData, false);
        // Outlines are exact unless asked; PNG masks have none to simplify.
        auto* simplify = dialog.findChild<QCheckBox*>("simplify");
        QVERIFY(simplify);
        QVERIFY(!simplify->isChecked());
        QVERIFY(!simplify->isEnabled());
        simplify->setChecked(true);
        QCOMPARE(dialog.writeOptions().polygons.relativeTolerance, 0.0);
        dialog.setFormat("labelme");
        QVERIFY(simplify->isEnabled());
        QCOMPARE(dialog.writeOptions().polygons.relativeTolerance, ExportDialog::kSimplifiedOutline);
        simplify->setChecked(false);
        QCOMPARE(dialog.writeOptions().polygons.relativeTolerance, 0.0);
        dialog.setFormat("masks");
        // Not inside the dataset: the PNGs would become images of it.
        dialog.setOutputPath(QDir(data_).filePath("export"));
        QVERIFY(!dialog.exportButton()->isEnabled());
        dialog.setOutputPath(dir_.filePath("elsewhere"));
        QVERIFY(dialog.exportButton()->isEnabled());
        dialog.setFormat("coco");
        const QImage shot = dialog.grab().toImage();
        const QString path = QDir(pm::ui::testing::artifactsDir()).filePath("export_dialog.png");
        QVERIFY(shot.save(path));
        qInfo("screenshot: %s", qPrintable(path));

        ExportDialog none(data_, 0, 3);
        QVERIFY(!none.exportButton()->isEnabled());
    }

private:
    ExportRequest requestFor(const QString& format, const QString& output) const {
        ExportRequest r;
        r.datasetDir = data_;
        r.images = images_;
        r.format = format;
        r.output = output;
        return r;
    }

    QTemporaryDir dir_;
    QString data_;
    QStringList images_;
};

QTEST_MAIN(TestDatasetExport)
#include "test_dataset_export.moc"
