// MainWindow's dataset export (dialog, progress, summary) and the saving options (the rest of the class
// is in MainWindow.cpp and MainWindowActions.cpp).
#include <QDir>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>
#include <QProgressDialog>
#include <algorithm>

#include "autolabel/AutoLabelController.h"
#include "document/DatasetDocument.h"
#include "document/ImageListModel.h"
#include "document/LabelListModel.h"
#include "export/ExportDialog.h"
#include "shell/AppSettings.h"
#include "shell/MainWindow.h"
#include "shell/StatusBarWidget.h"

namespace pm::ui {

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

void MainWindow::updateInstanceOptions() {
    InstanceOptions options;
    options.instancePerLabel = settings_->instancePerLabel();
    options.minArea = settings_->minArea();
    document_->setInstanceOptions(options);
}

void MainWindow::chooseMinArea() {
    bool ok = false;
    const int value = QInputDialog::getInt(
        this, tr("Minimum Area"),
        tr("Parts of a mask (and holes) smaller than this many pixels are left out of saved annotations:"),
        settings_->minArea(), 0, 1000000, 1, &ok);
    if (ok) {
        settings_->setMinArea(value);
        updateInstanceOptions();
    }
}

void MainWindow::exportDataset() {
    const ImageListModel* images = document_->imageModel();
    if (document_->datasetDir().isEmpty() || images->rowCount() == 0) {
        status_->showMessage(tr("Open a folder first (Ctrl+Shift+O)."), 5000);
        return;
    }
    if (exporter_->isRunning()) {
        status_->showMessage(tr("An export is running already."), 5000);
        return;
    }
    // The image on screen counts as the user sees it: with autosave, unsaved changes are saved first.
    if (document_->currentStatus() == ImageStatus::Edited && document_->autosave()) {
        document_->saveAnnotation(true);
    }
    // Auto-label results are saved annotations too: they are exported.
    ExportDialog dialog(document_->datasetDir(),
                        images->countStatus(ImageStatus::Done) + autoLabel_->savedAutoResults(),
                        images->rowCount(), this);
    dialog.setChoices(settings_->exportChoices());
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    settings_->setExportChoices(dialog.choices());
    ExportRequest request;
    request.datasetDir = document_->datasetDir();
    request.images = images->absolutePaths();
    for (const LabelDefinition& l : document_->labelModel()->labels()) {
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

}  // namespace pm::ui
