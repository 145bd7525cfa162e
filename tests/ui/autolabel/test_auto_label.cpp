// Image → Auto-Label Dataset…: scopes, done and edited images left byte-identical, cancel keeps what
// was written and nothing half-written, the question before replacing auto results of other labels,
// failures in the summary, auto results listed as auto after reopening and included in the export.
// Offscreen, with the fake segmenter on the real inference thread.
#include <QAbstractButton>
#include <QApplication>
#include <QDirIterator>
#include <QFile>
#include <QItemSelectionModel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>
#include <functional>
#include <opencv2/imgproc.hpp>

#include "FakeSegmenter.h"
#include "TestData.h"
#include "WindowDriver.h"
#include "autolabel/AutoLabelController.h"
#include "autolabel/AutoLabelDialog.h"
#include "autolabel/AutoLabelRecord.h"
#include "docks/ImageDock.h"
#include "document/AnnotationFile.h"
#include "document/DatasetDocument.h"
#include "document/ImageListModel.h"
#include "document/LabelListModel.h"
#include "export/DatasetExporter.h"
#include "shell/ShortcutsDialog.h"

using namespace pm::ui;
using pm::ui::testing::FakeProbe;

namespace {

QByteArray bytes(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// One disc of "mine" on an image of `size`: what a user saved by hand.
std::vector<pm::Instance> userAnnotation(QSize size) {
    pm::Instance instance;
    instance.label = "mine";
    instance.mask = cv::Mat(size.height(), size.width(), CV_8UC1, cv::Scalar(0));
    cv::circle(instance.mask, {size.width() / 3, size.height() / 3}, size.height() / 6, cv::Scalar(255),
               cv::FILLED);
    return {instance};
}

// Answers the next modal dialog(s) with `answer` as soon as they are shown (QMessageBox::exec and
// QDialog::exec block the test otherwise).
void answerModal(const std::function<void(QWidget*)>& answer, int count = 1) {
    auto remaining = std::make_shared<int>(count);
    auto* timer = new QTimer(qApp);
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, answer, remaining] {
        if (QWidget* modal = QApplication::activeModalWidget()) {
            answer(modal);
            if (--*remaining == 0) {
                timer->deleteLater();
            }
        }
    });
    timer->start();
}

void clickButton(QWidget* box, const QString& text) {
    for (QAbstractButton* b : box->findChildren<QAbstractButton*>()) {
        if (b->text().remove(QLatin1Char('&')) == text) {
            b->click();
            return;
        }
    }
    QFAIL(qPrintable(QStringLiteral("no button %1 in %2").arg(text, box->objectName())));
}

// Files a killed or cancelled writer could leave: AtomicFile's temporaries.
QStringList leftovers(const QString& dir) {
    QStringList found;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString name = QFileInfo(it.next()).fileName();
        if (name.contains(QLatin1String(".tmp-"))) {
            found << name;
        }
    }
    return found;
}

}  // namespace

class TestAutoLabel : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        pm::ui::testing::useTestSettings(QStringLiteral("test_auto_label"));
        QSettings().clear();
    }

    void init() {
        QVERIFY(tmp_.isValid());
        data_ = tmp_.filePath("data");
        QDir(data_).removeRecursively();
        images_ = pm::ui::testing::writeImages(data_, 6, QSize(160, 120));
        probe_ = std::make_shared<FakeProbe>();
        window_ = pm::ui::testing::openWindowWithFakeModel(probe_);
        QVERIFY(window_);
    }

    void cleanup() { window_.reset(); }

    void scopesPickTheRightImages() {
        // img1: saved by the user; img3: a labelme file from another tool; img2: the user's changes.
        AnnotationFile::save(images_[0], QSize(160, 120), userAnnotation(QSize(160, 120)));
        AnnotationFile::save(images_[2], QSize(160, 120), userAnnotation(QSize(160, 120)));
        openWithLabels();
        window_->document()->imageModel()->setStatus(1, ImageStatus::Edited);
        auto* controller = window_->autoLabel();

        AutoLabelPlan all = controller->plan(AutoLabelScope::All);
        QCOMPARE(all.targets, (QStringList{images_[3], images_[4], images_[5]}));
        QCOMPARE(all.done, 2);
        QCOMPARE(all.edited, 1);

        AutoLabelPlan unannotated = controller->plan(AutoLabelScope::Unannotated);
        QCOMPARE(unannotated.targets, (QStringList{images_[3], images_[4], images_[5]}));
        QCOMPARE(unannotated.done, 0);  // images with a file are not in this scope at all
        QCOMPARE(unannotated.edited, 1);

        // Click img1, Ctrl+click img5, as a person selects two images in the Images dock.
        QListView* view = window_->imageDock()->view();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          view->visualRect(view->model()->index(0, 0)).center());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ControlModifier,
                          view->visualRect(view->model()->index(4, 0)).center());
        QCOMPARE(view->selectionModel()->selectedIndexes().size(), 2);
        AutoLabelPlan selected = controller->plan(AutoLabelScope::Selected);
        QCOMPARE(selected.targets, (QStringList{images_[4]}));
        QCOMPARE(selected.done, 1);
    }

    void runWritesAutoAnnotationsAndLeavesDoneImagesAlone() {
        AnnotationFile::save(images_[0], QSize(160, 120), userAnnotation(QSize(160, 120)));
        const QByteArray userFile = bytes(AnnotationFile::pathFor(images_[0]));
        openWithLabels();
        window_->document()->imageModel()->setStatus(1, ImageStatus::Edited);

        const pm::ui::AutoLabelSummary summary = runToEnd(AutoLabelScope::All);
        QCOMPARE(summary.total, 4);
        QCOMPARE(summary.labelled, 4);
        QVERIFY(summary.failures.isEmpty());
        QCOMPARE(bytes(AnnotationFile::pathFor(images_[0])), userFile);  // done: byte-identical
        QVERIFY(!AnnotationFile::exists(images_[1]));                    // edited: not written
        for (int i = 2; i < 6; ++i) {
            const AnnotationFile::LoadResult saved = AnnotationFile::load(images_[i], QSize(160, 120));
            QCOMPARE(saved.state, AnnotationFile::State::Loaded);
            QVERIFY(!saved.instances.empty());
            QCOMPARE(saved.instances.front().label, std::string("disc"));
            QVERIFY(saved.instances.front().provenance.has_value());
            QCOMPARE(saved.instances.front().provenance->prompts, std::vector<std::string>{"disc"});
            QCOMPARE(window_->document()->imageModel()->status(i), ImageStatus::Auto);
        }
        // One segment() per image: one encoding, both labels decoded in one batch.
        const std::vector<std::string> log = probe_->logCopy();
        for (int i = 2; i < 6; ++i) {
            const std::string call = "segment " + QFileInfo(images_[i]).fileName().toStdString();
            QCOMPARE(std::count(log.begin(), log.end(), call), 1L);
        }
        // The summary box lists the counts.
        QVERIFY(window_->autoLabel()->summaryBox());
        QVERIFY(window_->autoLabel()->summaryBox()->text().contains(QLatin1String("4 images labelled")));
        grabArtifact(window_->autoLabel()->summaryBox(), "auto_label_summary.png");

        // Reopened, the auto results are listed as auto (not done) and the user's file as done.
        QVERIFY(window_->openFolder(data_));
        QCOMPARE(window_->document()->imageModel()->status(0), ImageStatus::Done);
        for (int i = 2; i < 6; ++i) {
            QCOMPARE(window_->document()->imageModel()->status(i), ImageStatus::Auto);
        }
        QCOMPARE(window_->autoLabel()->savedAutoResults(), 4);
        // Opening an auto result shows its file and keeps it auto; leaving it unchanged too.
        QSignalSpy shown(window_->document(), &DatasetDocument::imageShown);
        window_->document()->goToImage(2);
        QVERIFY(shown.count() > 0 || shown.wait(5000));
        shown.clear();
        QVERIFY(window_->document()->session().showingSaved());
        QCOMPARE(window_->document()->imageModel()->status(2), ImageStatus::Auto);
        window_->document()->goToImage(3);
        QVERIFY(shown.count() > 0 || shown.wait(5000));
        QCOMPARE(window_->document()->imageModel()->status(2), ImageStatus::Auto);

        // Export includes them: the user's image and the four auto results.
        ExportRequest request;
        request.datasetDir = data_;
        request.images = window_->document()->imageModel()->absolutePaths();
        request.format = QStringLiteral("coco");
        request.output = tmp_.filePath("out/coco.json");
        const ExportSummary exported = DatasetExporter::run(request, {}, pm::CancelToken());
        QVERIFY2(exported.ok(), qPrintable(exported.fatal));
        QCOMPARE(exported.images, 5);
        QCOMPARE(exported.unsaved, 1);
    }

    void cancelKeepsFinishedImagesAndNothingHalfWritten() {
        images_ = pm::ui::testing::refillWithImages(data_, 10, QSize(160, 120));
        openWithLabels();
        probe_->delayMs = 60;
        auto* controller = window_->autoLabel();
        QVERIFY(controller->start(AutoLabelScope::All));
        QSignalSpy labelled(controller->run(), &AutoLabelRun::imageLabelled);
        QSignalSpy finished(controller, &AutoLabelController::finished);
        QVERIFY(labelled.wait(10000));
        QVERIFY(controller->progressDialog());
        grabArtifact(controller->progressDialog(), "auto_label_progress.png");
        clickButton(controller->progressDialog(), QStringLiteral("Cancel"));
        QVERIFY(finished.count() == 1 || finished.wait(10000));
        const auto summary = finished.front().front().value<pm::ui::AutoLabelSummary>();
        QVERIFY(summary.cancelled);
        QVERIFY(summary.labelled >= 1);
        QVERIFY(summary.labelled < 10);
        int written = 0;
        for (int i = 0; i < 10; ++i) {
            if (AnnotationFile::exists(images_[i])) {
                ++written;
                QCOMPARE(AnnotationFile::load(images_[i], QSize(160, 120)).state,
                         AnnotationFile::State::Loaded);
                QCOMPARE(window_->document()->imageModel()->status(i), ImageStatus::Auto);
            } else {
                QVERIFY(window_->document()->imageModel()->status(i) != ImageStatus::Auto);
            }
        }
        QCOMPARE(written, summary.labelled);
        QCOMPARE(leftovers(data_), QStringList());
        // Running again goes on where it stopped: the finished images are up to date.
        probe_->delayMs = 0;
        const AutoLabelPlan rest = controller->plan(AutoLabelScope::All);
        QCOMPARE(rest.upToDate, written);
        QCOMPARE(rest.targets.size(), 10 - written);
    }

    void rerunAsksBeforeReplacingAutoResults() {
        openWithLabels();
        QCOMPARE(runToEnd(AutoLabelScope::All).labelled, 6);
        const QByteArray first = bytes(AnnotationFile::pathFor(images_[2]));
        // Same labels: nothing to do (a message says so).
        answerModal([](QWidget* box) { clickButton(box, QStringLiteral("OK")); });
        QVERIFY(!window_->autoLabel()->start(AutoLabelScope::All));

        LabelDefinition disc = window_->document()->labelModel()->label(0);
        disc.threshold = 0.6;
        window_->document()->labelModel()->setLabel(0, disc);
        // Keep Them: nothing is replaced, and so there is nothing to label.
        QString asked;
        answerModal(
            [&asked](QWidget* box) {
                if (box->objectName() == QLatin1String("autoLabelReplaceQuestion")) {
                    asked = static_cast<QMessageBox*>(box)->text();
                    clickButton(box, QStringLiteral("Keep Them"));
                } else {
                    clickButton(box, QStringLiteral("OK"));
                }
            },
            2);
        QVERIFY(!window_->autoLabel()->start(AutoLabelScope::All));
        QVERIFY2(asked.contains(QLatin1String("6 images")), qPrintable(asked));
        QCOMPARE(bytes(AnnotationFile::pathFor(images_[2])), first);
        // Replace: the auto results are made again with the new threshold (smaller discs).
        answerModal([](QWidget* box) { clickButton(box, QStringLiteral("Replace")); });
        QSignalSpy finished(window_->autoLabel(), &AutoLabelController::finished);
        QVERIFY(window_->autoLabel()->start(AutoLabelScope::All));
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.front().front().value<pm::ui::AutoLabelSummary>().labelled, 6);
        QVERIFY(bytes(AnnotationFile::pathFor(images_[2])) != first);
        QVERIFY(window_->autoLabel()->isAutoResult(images_[2]));
    }

    void aFileTheUserSavedAfterTheRunIsNeverReplaced() {
        openWithLabels();
        QCOMPARE(runToEnd(AutoLabelScope::All).labelled, 6);
        // labelme (or the user) saves img4 again: it is theirs now.
        AnnotationFile::save(images_[3], QSize(160, 120), userAnnotation(QSize(160, 120)));
        const QByteArray theirs = bytes(AnnotationFile::pathFor(images_[3]));
        QVERIFY(!window_->autoLabel()->isAutoResult(images_[3]));
        LabelDefinition disc = window_->document()->labelModel()->label(0);
        disc.threshold = 0.6;
        window_->document()->labelModel()->setLabel(0, disc);
        const AutoLabelPlan plan = window_->autoLabel()->plan(AutoLabelScope::All);
        QCOMPARE(plan.replacing.size(), 5);
        QCOMPARE(plan.done, 1);
        QCOMPARE(runToEnd(AutoLabelScope::All, true).labelled, 5);
        QCOMPARE(bytes(AnnotationFile::pathFor(images_[3])), theirs);
    }

    void failuresAreListedInTheSummary() {
        QFile broken(QDir(data_).filePath("img7.png"));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("not a png at all");
        broken.close();
        openWithLabels();
        const pm::ui::AutoLabelSummary summary = runToEnd(AutoLabelScope::All);
        QCOMPARE(summary.labelled, 6);
        QCOMPARE(summary.failures.size(), 1);
        QVERIFY2(summary.failures.front().contains(QLatin1String("img7.png")),
                 qPrintable(summary.failures.front()));
        QVERIFY(!AnnotationFile::exists(QDir(data_).filePath("img7.png")));
        QCOMPARE(window_->document()->imageModel()->status(6), ImageStatus::Error);
        QMessageBox* box = window_->autoLabel()->summaryBox();
        QVERIFY(box);
        QVERIFY(box->text().contains(QLatin1String("Failed: 1 image")));
        QVERIFY(box->detailedText().contains(QLatin1String("img7.png")));
    }

    void interactiveRequestsGoFirst() {
        openWithLabels();
        probe_->delayMs = 40;
        QVERIFY(window_->autoLabel()->start(AutoLabelScope::All));
        // The user opens the last image while the run is under way: it is segmented before the run
        // gets to most of its images, not after all of them.
        int doneWhenShown = -1;
        const QMetaObject::Connection watch =
            connect(window_->controller(), &SegmentationController::segmented, this,
                    [this, &doneWhenShown](const SegmentationOutcome& outcome) {
                        AutoLabelRun* run = window_->autoLabel()->run();
                        if (outcome.imagePath == images_[5] && doneWhenShown < 0) {
                            doneWhenShown = run ? run->done() : 6;
                        }
                    });
        window_->document()->goToImage(5);
        QTRY_VERIFY_WITH_TIMEOUT(doneWhenShown >= 0, 10000);
        disconnect(watch);
        QVERIFY2(doneWhenShown <= 2, qPrintable(QString::number(doneWhenShown)));
        QTRY_VERIFY_WITH_TIMEOUT(!window_->autoLabel()->run() || !window_->autoLabel()->run()->isRunning(),
                                 20000);
    }

    void closingTheWindowDuringARunLeavesCompleteFiles() {
        images_ = pm::ui::testing::refillWithImages(data_, 10, QSize(160, 120));
        openWithLabels();
        probe_->delayMs = 60;
        QVERIFY(window_->autoLabel()->start(AutoLabelScope::All));
        QSignalSpy labelled(window_->autoLabel()->run(), &AutoLabelRun::imageLabelled);
        QVERIFY(labelled.wait(10000));
        window_.reset();  // the run is cancelled; the file being written is finished first
        int written = 0;
        for (const QString& image : std::as_const(images_)) {
            if (AnnotationFile::exists(image)) {
                ++written;
                QCOMPARE(AnnotationFile::load(image, QSize(160, 120)).state, AnnotationFile::State::Loaded);
            }
        }
        QVERIFY(written >= 1 && written < 10);
        QCOMPARE(leftovers(data_), QStringList());
        // The record was written on the way out: those files are auto results, the others are new.
        AutoLabelRecord record;
        record.load(data_);
        QCOMPARE(record.autoImages().size(), written);
    }

    void dialogChoosesTheScope() {
        AnnotationFile::save(images_[0], QSize(160, 120), userAnnotation(QSize(160, 120)));
        openWithLabels();
        QSignalSpy finished(window_->autoLabel(), &AutoLabelController::finished);
        answerModal([this](QWidget* dialog) {
            QCOMPARE(dialog->objectName(), QStringLiteral("autoLabelDialog"));
            dialog->findChild<QRadioButton*>("scopeUnannotated")->click();
            grabArtifact(dialog, "auto_label_dialog.png");
            clickButton(dialog, QStringLiteral("Start"));
        });
        // Through the menu action and its shortcut, as a person starts it.
        QAction* action = window_->findChild<QAction*>("autoLabelAction");
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+A")));
        // Help → Keyboard Shortcuts lists it.
        const ShortcutsDialog shortcuts(window_->menuBar());
        bool listed = false;
        for (const auto& row : shortcuts.rows()) {
            listed = listed || (row.first.contains(QLatin1String("Ctrl+Shift+A")) &&
                                row.second.contains(QLatin1String("Auto-Label Dataset")));
        }
        QVERIFY(listed);
        action->trigger();
        QVERIFY(finished.count() == 1 || finished.wait(10000));
        QCOMPARE(finished.front().front().value<pm::ui::AutoLabelSummary>().labelled, 5);
    }

private:
    // Opens the dataset with two labels ("disc" finds something, "ring" too) and the fake model.
    void openWithLabels() {
        QVERIFY(window_->openFolder(data_));
        LabelDefinition disc = window_->document()->labelModel()->makeLabel(QStringLiteral("disc"));
        disc.threshold = 0.3;
        LabelDefinition ring = window_->document()->labelModel()->makeLabel(QStringLiteral("ring"));
        ring.threshold = 0.5;
        window_->document()->labelModel()->setLabels({disc, ring});
    }

    pm::ui::AutoLabelSummary runToEnd(AutoLabelScope scope, std::optional<bool> replace = std::nullopt) {
        QSignalSpy finished(window_->autoLabel(), &AutoLabelController::finished);
        if (!window_->autoLabel()->start(scope, replace) || !finished.wait(20000)) {
            return {};
        }
        return finished.front().front().value<pm::ui::AutoLabelSummary>();
    }

    static void grabArtifact(QWidget* widget, const char* name) {
        widget->grab().save(QDir(pm::ui::testing::artifactsDir()).filePath(QString::fromLatin1(name)));
    }

    QTemporaryDir tmp_;
    QString data_;
    QStringList images_;
    std::shared_ptr<FakeProbe> probe_;
    std::unique_ptr<MainWindow> window_;
};

QTEST_MAIN(TestAutoLabel)
#include "test_auto_label.moc"
