// MainWindow's annotation files: open what was saved, save what is shown, autosave on leaving an image,
// export the dataset (the rest of the class is in MainWindow.cpp and MainWindowActions.cpp).
#include <QDir>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>
#include <QProgressDialog>

#include "autolabel/AutoLabelController.h"
#include "document/AnnotationBuilder.h"
#include "document/AnnotationFile.h"
#include "document/EditJournal.h"
#include "document/ImageListModel.h"
#include "document/LabelListModel.h"
#include "export/ExportDialog.h"
#include "inference/SegmentationController.h"
#include "shell/AppSettings.h"
#include "shell/MainWindow.h"
#include "shell/NoticeBar.h"
#include "shell/StatusBarWidget.h"
#include "util/Error.h"

namespace pm::ui {

namespace {

QString shownName(const QString& path) {
    return QDir::toNativeSeparators(QFileInfo(path).fileName());
}

}  // namespace

QProgressDialog* MainWindow::exportProgress() const {
    return exportProgress_;
}

QMessageBox* MainWindow::exportSummaryBox() const {
    return exportSummary_;
}

// Counted nouns, spelled out (no "(s)"): each form is its own translatable string.
QString MainWindow::imagesText(int n) {
    return n == 1 ? tr("1 image") : tr("%1 images").arg(n);
}

QString MainWindow::annotationsText(int n) {
    return n == 1 ? tr("1 annotation") : tr("%1 annotations").arg(n);
}

QString MainWindow::instancesText(int n) {
    return n == 1 ? tr("1 instance") : tr("%1 instances").arg(n);
}

bool MainWindow::autosave() const {
    return autosaveAction_ && autosaveAction_->isChecked();
}

void MainWindow::setAutosave(bool on) {
    autosaveAction_->setChecked(on);  // the action stores the setting
}

InstanceOptions MainWindow::instanceOptions() const {
    InstanceOptions options;
    options.instancePerLabel = settings_->instancePerLabel();
    options.minArea = settings_->minArea();
    return options;
}

void MainWindow::showSavedAnnotation(int row) {
    AnnotationFile::LoadResult saved = AnnotationFile::load(session_.path(), session_.image().size());
    switch (saved.state) {
        case AnnotationFile::State::Loaded: {
            const int count = static_cast<int>(saved.instances.size());
            session_.showSaved(std::move(saved.instances));
            savedOnDisk_ = true;
            images_->setStatus(
                row, autoLabel_->isAutoResult(session_.path()) ? ImageStatus::Auto : ImageStatus::Done);
            QString text = tr("Showing the saved annotation %1 (%2); press R to re-segment.")
                               .arg(shownName(saved.file), instancesText(count));
            if (!saved.warnings.isEmpty()) {
                text += QLatin1Char(' ') + tr("Skipped: %1").arg(saved.warnings.join(QStringLiteral("; ")));
            }
            const QStringList unknown = session_.unknownSavedLabels(labels_->labels());
            if (!unknown.isEmpty()) {
                text += QLatin1Char(' ') + tr("Labels not in the label list are shown in grey: %1.")
                                               .arg(unknown.join(QStringLiteral(", ")));
            }
            status_->showMessage(text, 10000);
            return;
        }
        case AnnotationFile::State::Unreadable:
            notice_->showNotice(
                NoticeBar::Kind::Warning,
                tr("%1 The image is segmented as if it had no annotation; saving it keeps the "
                   "old file as <b>%2.bak</b>.")
                    .arg(saved.message.toHtmlEscaped(), shownName(saved.file).toHtmlEscaped()),
                {}, NoticeBar::Topic::Annotation);
            break;
        case AnnotationFile::State::OtherImage:
            notice_->showNotice(NoticeBar::Kind::Warning, saved.message.toHtmlEscaped(), {},
                                NoticeBar::Topic::Annotation);
            break;
        case AnnotationFile::State::Missing:
            break;
    }
    if (images_->status(row) == ImageStatus::Done) {
        images_->setStatus(row, ImageStatus::New);  // listed as done, but nothing usable is saved
    }
}

bool MainWindow::saveAnnotation(bool automatic) {
    if (!session_.isOpen() || currentRow_ < 0) {
        status_->showMessage(tr("Nothing to save: no image is open."), 5000);
        return false;
    }
    const QString name = shownName(session_.path());
    const bool painted = session_.hasEdits(session_.path());
    if (session_.showingSaved() && (!painted || images_->status(currentRow_) != ImageStatus::Edited)) {
        markCurrent(static_cast<int>(ImageStatus::Done));
        status_->showMessage(tr("%1 is saved already (its saved annotation is shown).").arg(name), 5000);
        return true;
    }
    const QVector<LabelDefinition>& labels = labels_->labels();
    // A saved annotation with brush edits on top is complete as it is; model masks must be up to date.
    const QVector<LabelDefinition> pending =
        session_.showingSaved() ? QVector<LabelDefinition>{} : session_.stale(labels);
    if (!pending.isEmpty()) {
        QStringList names;
        for (const LabelDefinition& l : pending) {
            names << l.name;
        }
        status_->showMessage(
            (automatic ? tr("%1 was not saved automatically: %2 not segmented yet.")
                       : tr("%1 is not saved: %2 not segmented yet. Wait for the model, or hide the label."))
                .arg(name, names.join(QStringLiteral(", "))),
            10000);
        return false;
    }
    std::vector<pm::Instance> instances =
        AnnotationBuilder::build(labels, session_.labelMasks(labels, overlapMode_), instanceOptions(),
                                 controller_->modelInfo(), datasetDir_);
    if (session_.showingSaved()) {
        // Saved instances of labels that are not in the list cannot have been edited: keep them as saved.
        const QStringList unknown = session_.unknownSavedLabels(labels);
        for (const pm::Instance& instance : session_.savedInstances()) {
            if (unknown.contains(QString::fromStdString(instance.label))) {
                instances.push_back(instance);
            }
        }
    }
    try {
        const AnnotationFile::SaveResult result =
            AnnotationFile::save(session_.path(), session_.image().size(), instances);
        savedOnDisk_ = true;
        markCurrent(static_cast<int>(ImageStatus::Done));
        QString text = (automatic ? tr("Saved automatically: %1 (%2).") : tr("Saved %1 (%2)."))
                           .arg(shownName(result.file), instancesText(result.shapes));
        if (!result.backup.isEmpty()) {
            text += QLatin1Char(' ') +
                    tr("The old file could not be read and was kept as %1.").arg(shownName(result.backup));
        }
        status_->showMessage(text, 8000);
        notice_->dismiss(NoticeBar::Topic::Annotation);
        journal_->touch();  // the saved image leaves the journal
        emit annotationSaved(session_.path(), result.file);
        return true;
    } catch (const pm::Error& e) {
        // The edits stay in memory (the image stays Edited); the file on disk is still the old one.
        notice_->showNotice(NoticeBar::Kind::Error,
                            tr("%1 could not be saved: %2 Your edits are kept in this window; free some "
                               "space or fix the folder, then retry.")
                                .arg(name.toHtmlEscaped(), QString::fromStdString(e.what()).toHtmlEscaped()),
                            tr("Retry"), NoticeBar::Topic::Annotation);
        return false;
    }
}

void MainWindow::leaveCurrent() {
    if (currentRow_ < 0 || !session_.isOpen()) {
        return;
    }
    const ImageStatus status = images_->status(currentRow_);
    if (status == ImageStatus::Edited && autosave() && saveAnnotation(true)) {
        return;
    }
    // Not written now, but a file from before is what the image shows next time.
    if (savedOnDisk_ && status != ImageStatus::Done && status != ImageStatus::Error &&
        !(status == ImageStatus::Auto && autoLabel_->isAutoResult(session_.path()))) {
        markCurrent(static_cast<int>(ImageStatus::Done));
    }
}

void MainWindow::resegmentCurrent() {
    if (!session_.isOpen()) {
        return;
    }
    if (session_.showingSaved()) {
        session_.clearSaved();
        // Until saved, what is shown is the model's: the file stays as it is (R alone never replaces it).
        markCurrent(static_cast<int>(ImageStatus::New));
        status_->showMessage(
            tr("Re-segmenting: the saved file is kept until you save (Ctrl+S) or change something."), 8000);
        updateOverlay();
    }
    if (!controller_->hasModel()) {
        status_->showMessage(tr("No model loaded: open one with File → Open Model…"), 8000);
        return;
    }
    segmentCurrent();
}

void MainWindow::chooseMinArea() {
    bool ok = false;
    const int value = QInputDialog::getInt(
        this, tr("Minimum Area"),
        tr("Parts of a mask (and holes) smaller than this many pixels are left out of saved annotations:"),
        settings_->minArea(), 0, 1000000, 1, &ok);
    if (ok) {
        settings_->setMinArea(value);
    }
}

void MainWindow::exportDataset() {
    if (datasetDir_.isEmpty() || images_->rowCount() == 0) {
        status_->showMessage(tr("Open a folder first (Ctrl+Shift+O)."), 5000);
        return;
    }
    if (exporter_->isRunning()) {
        status_->showMessage(tr("An export is running already."), 5000);
        return;
    }
    // The image on screen counts as the user sees it: with autosave, unsaved changes are saved first.
    if (currentRow_ >= 0 && images_->status(currentRow_) == ImageStatus::Edited && autosave()) {
        saveAnnotation(true);
    }
    // Auto-label results are saved annotations too: they are exported.
    ExportDialog dialog(datasetDir_, images_->countStatus(ImageStatus::Done) + autoLabel_->savedAutoResults(),
                        images_->rowCount(), this);
    dialog.setChoices(settings_->exportChoices());
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    settings_->setExportChoices(dialog.choices());
    ExportRequest request;
    request.datasetDir = datasetDir_;
    request.images = images_->absolutePaths();
    for (const LabelDefinition& l : labels_->labels()) {
        request.labelOrder << l.name;
    }
    request.format = dialog.format();
    request.output = QDir::fromNativeSeparators(dialog.outputPath());
    request.options = dialog.writeOptions();
    startExport(request);
}

bool MainWindow::startExport(const ExportRequest& request) {
    if (!exporter_->start(request)) {
        return false;
    }
    // Not modal: the export runs on its own thread and the user may keep labelling (every file is
    // written atomically, so an image saved meanwhile is exported either before or after, never half).
    auto* progress =
        new QProgressDialog(tr("Exporting %1 as %2…").arg(QDir(request.datasetDir).dirName(), request.format),
                            tr("Cancel"), 0, std::max(1, 2 * static_cast<int>(request.images.size())), this);
    progress->setObjectName(QStringLiteral("exportProgress"));
    progress->setWindowTitle(tr("Export Dataset"));
    progress->setWindowModality(Qt::NonModal);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    progress->setMinimumDuration(400);  // quick exports finish without flashing a dialog
    progress->setValue(0);
    connect(progress, &QProgressDialog::canceled, exporter_, &DatasetExporter::cancel);
    exportProgress_ = progress;
    status_->showMessage(tr("Exporting…"));
    return true;
}

void MainWindow::onExportFinished(const ExportSummary& summary) {
    lastExport_ = summary;
    if (exportProgress_) {
        exportProgress_->disconnect(exporter_);
        exportProgress_->close();
        exportProgress_->deleteLater();
    }
    QString text;
    QMessageBox::Icon icon = QMessageBox::Information;
    if (summary.cancelled) {
        text =
            tr("The export was cancelled. Files written so far are complete (a COCO file is only "
               "written at the end).");
        icon = QMessageBox::Warning;
    } else if (!summary.fatal.isEmpty()) {
        text = tr("The export failed: %1").arg(summary.fatal);
        icon = QMessageBox::Critical;
    } else {
        text = tr("Exported %1 with %2 to %3.")
                   .arg(imagesText(summary.images), annotationsText(summary.annotations),
                        QDir::toNativeSeparators(summary.output));
        if (summary.unsaved > 0) {
            text +=
                QLatin1Char(' ') + tr("Left out (no saved annotation): %1.").arg(imagesText(summary.unsaved));
        }
        if (!summary.errors.isEmpty()) {
            text += QLatin1Char(' ') +
                    tr("Errors: %1 (see details); everything else was exported.").arg(summary.errors.size());
            icon = QMessageBox::Warning;
        }
        if (!summary.warnings.isEmpty()) {
            text += QLatin1Char(' ') + tr("Warnings: %1.").arg(summary.warnings.size());
        }
    }
    status_->showMessage(text, 15000);
    if (exportSummary_) {
        exportSummary_->close();
    }
    auto* box = new QMessageBox(icon, tr("Export Dataset"), text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("exportSummary"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QStringList details;
    for (const QString& e : summary.errors) {
        details << tr("Error: %1").arg(e);
    }
    for (const QString& w : summary.warnings) {
        details << tr("Warning: %1").arg(w);
    }
    if (!details.isEmpty()) {
        box->setDetailedText(details.join(QLatin1Char('\n')));
    }
    exportSummary_ = box;
    box->open();
    emit exportFinished(summary);
}

void MainWindow::offerRecovery() {
    const QStringList names = journal_->open(datasetDir_);
    if (names.isEmpty()) {
        return;
    }
    notice_->showNotice(NoticeBar::Kind::Warning,
                        tr("Unsaved brush edits from a session that did not end normally were found for "
                           "%n image(s): %1.",
                           nullptr, static_cast<int>(names.size()))
                            .arg(names.join(QStringLiteral(", ")).toHtmlEscaped()),
                        tr("&Restore"), NoticeBar::Topic::Recovery);
}

void MainWindow::restoreJournal() {
    const QStringList paths = journal_->restore();
    for (const QString& path : paths) {
        onEditsChanged(path);  // marks the image Edited and redraws it when it is on screen
    }
    notice_->dismiss(NoticeBar::Topic::Recovery);
    status_->showMessage(
        tr("Restored the unsaved brush edits of %n image(s).", nullptr, static_cast<int>(paths.size())),
        8000);
}

}  // namespace pm::ui
