#include "autolabel/AutoLabelController.h"

#include <QAbstractProxyModel>
#include <QDir>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>

#include "autolabel/AutoLabelDialog.h"
#include "document/AnnotationFile.h"
#include "document/ImageListModel.h"
#include "document/LabelListModel.h"
#include "inference/SegmentationController.h"
#include "util/Error.h"

namespace pm::ui {

namespace {

QString imagesText(int n) {
    return n == 1 ? AutoLabelController::tr("1 image") : AutoLabelController::tr("%1 images").arg(n);
}

QString durationText(double seconds) {
    const int s = static_cast<int>(seconds + 0.5);
    return s < 120 ? AutoLabelController::tr("%1 s").arg(s)
                   : AutoLabelController::tr("%1 min").arg((s + 30) / 60);
}

}  // namespace

AutoLabelController::AutoLabelController(AutoLabelContext context, QWidget* window)
    : QObject(window), context_(std::move(context)), window_(window) {
    connect(context_.images, &ImageListModel::dataChanged, this, &AutoLabelController::onStatusChanged);
}

AutoLabelController::~AutoLabelController() {
    delete run_;  // cancels and waits for the file being written
}

AutoLabelSettings AutoLabelController::settings() const {
    AutoLabelSettings s;
    s.labels = context_.labels->labels();
    s.overlapMode = context_.overlapMode ? context_.overlapMode() : OverlapMode::Exclusive;
    s.instances = context_.instanceOptions ? context_.instanceOptions() : InstanceOptions{};
    s.model = context_.controller->modelInfo();
    s.datasetDir = context_.images->rootDir();
    return s;
}

QString AutoLabelController::labelsSignature() const {
    return settings().signature();
}

AutoLabelRecord& AutoLabelController::record() {
    return run_ && run_->isRunning() && run_->record().datasetDir() == record_.datasetDir() ? run_->record()
                                                                                            : record_;
}

const AutoLabelRecord& AutoLabelController::record() const {
    return const_cast<AutoLabelController*>(this)->record();
}

bool AutoLabelController::isAutoResult(const QString& imagePath) const {
    return record().isAuto(imagePath);
}

QList<int> AutoLabelController::selectedRows() const {
    QList<int> rows;
    if (!context_.imageView || !context_.imageView->selectionModel()) {
        return rows;
    }
    for (QModelIndex index : context_.imageView->selectionModel()->selectedIndexes()) {
        // The dock shows a filter over the image list: map back to image rows.
        while (const auto* proxy = qobject_cast<const QAbstractProxyModel*>(index.model())) {
            index = proxy->mapToSource(index);
        }
        if (index.isValid() && index.model() == context_.images) {
            rows << index.row();
        }
    }
    return rows;
}

AutoLabelPlan AutoLabelController::plan(AutoLabelScope scope) const {
    return AutoLabelPlan::make(*context_.images, record(), scope, selectedRows(), labelsSignature());
}

void AutoLabelController::message(const QString& text) {
    QMessageBox::information(window_, tr("Auto-Label Dataset"), text);
}

void AutoLabelController::chooseAndRun() {
    if (run_ && run_->isRunning()) {
        if (progress_) {
            progress_->show();
            progress_->raise();
        }
        return;
    }
    if (context_.images->rowCount() == 0) {
        message(tr("Open a folder of images first (Ctrl+Shift+O)."));
        return;
    }
    if (!context_.controller->hasModel()) {
        message(tr("No model is loaded: open one with File → Open Model…"));
        return;
    }
    int labels = 0;
    for (const LabelDefinition& l : context_.labels->labels()) {
        labels += l.toPrompts().empty() ? 0 : 1;
    }
    if (labels == 0) {
        message(tr("No label has a prompt yet: add a label and type what it should find."));
        return;
    }
    int unannotated = 0;
    for (int row = 0; row < context_.images->rowCount(); ++row) {
        unannotated += AnnotationFile::exists(context_.images->absolutePath(row)) ? 0 : 1;
    }
    AutoLabelDialog dialog(context_.images->rowCount(), static_cast<int>(selectedRows().size()), unannotated,
                           labels, window_);
    if (dialog.exec() == QDialog::Accepted) {
        start(dialog.scope());
    }
}

bool AutoLabelController::start(AutoLabelScope scope, std::optional<bool> replace) {
    if (run_ && run_->isRunning()) {
        return false;
    }
    plan_ = plan(scope);
    if (!plan_.replacing.isEmpty()) {
        if (!replace) {
            QMessageBox box(QMessageBox::Question, tr("Auto-Label Dataset"),
                            tr("%1 already have auto annotations made with other labels, thresholds or "
                               "another model. Replace them with new results?")
                                .arg(imagesText(static_cast<int>(plan_.replacing.size()))),
                            QMessageBox::Cancel, window_);
            box.setObjectName(QStringLiteral("autoLabelReplaceQuestion"));
            QPushButton* replaceButton = box.addButton(tr("Replace"), QMessageBox::AcceptRole);
            QPushButton* keepButton = box.addButton(tr("Keep Them"), QMessageBox::RejectRole);
            box.setDefaultButton(keepButton);
            box.exec();
            if (box.clickedButton() != replaceButton && box.clickedButton() != keepButton) {
                return false;
            }
            replace = box.clickedButton() == replaceButton;
        }
        if (!*replace) {
            plan_.keepReplacing();
        }
    }
    if (plan_.targets.isEmpty()) {
        message(tr("Nothing to label: %1").arg(summaryText(AutoLabelSummary{}, plan_)));
        return false;
    }
    run_ = new AutoLabelRun(context_.controller, context_.images, settings(), plan_.targets, this);
    connect(run_, &AutoLabelRun::progress, this, &AutoLabelController::onProgress);
    connect(run_, &AutoLabelRun::finished, this, &AutoLabelController::onFinished);

    auto* progress = new QProgressDialog(tr("Auto-labelling %1…").arg(imagesText(run_->total())),
                                         tr("Cancel"), 0, run_->total(), window_);
    progress->setObjectName(QStringLiteral("autoLabelProgress"));
    progress->setWindowTitle(tr("Auto-Label Dataset"));
    progress->setWindowModality(Qt::NonModal);  // the user keeps browsing and editing meanwhile
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    progress->setMinimumDuration(0);
    progress->setValue(0);
    connect(progress, &QProgressDialog::canceled, this, &AutoLabelController::cancel);
    progress_ = progress;
    run_->start();
    return true;
}

void AutoLabelController::cancel() {
    if (run_) {
        run_->cancel();
    }
}

void AutoLabelController::onProgress(int done, int total) {
    if (!progress_ || !run_) {
        return;
    }
    progress_->setValue(done);
    const double rate = run_->imagesPerSecond();
    QString text = tr("Auto-labelled %1 of %2 images").arg(done).arg(total);
    if (rate > 0 && done < total) {
        text += QLatin1Char('\n') + tr("%1 images/s, about %2 left")
                                        .arg(rate, 0, 'f', rate < 10 ? 1 : 0)
                                        .arg(durationText((total - done) / rate));
    }
    progress_->setLabelText(text);
}

QString AutoLabelController::summaryText(const AutoLabelSummary& summary, const AutoLabelPlan& plan) {
    QStringList parts;
    if (summary.total > 0) {
        parts << tr("%1 labelled (%2 shapes) in %3.")
                     .arg(imagesText(summary.labelled))
                     .arg(summary.instances)
                     .arg(durationText(summary.seconds));
    }
    if (plan.done > 0) {
        parts << tr("Left alone, marked done or saved by you: %1.").arg(imagesText(plan.done));
    }
    if (plan.edited + summary.skipped > 0) {
        parts << tr("Left alone, with your changes: %1.").arg(imagesText(plan.edited + summary.skipped));
    }
    if (plan.upToDate > 0) {
        parts << tr("Already auto-labelled with these labels: %1.").arg(imagesText(plan.upToDate));
    }
    if (!summary.failures.isEmpty()) {
        parts << tr("Failed: %1 (see details).").arg(imagesText(static_cast<int>(summary.failures.size())));
    }
    return parts.join(QLatin1Char(' '));
}

void AutoLabelController::onFinished(const AutoLabelSummary& summary) {
    last_ = summary;
    if (progress_) {
        progress_->disconnect(this);
        progress_->close();
        progress_->deleteLater();
    }
    if (run_ && run_->record().datasetDir() == record_.datasetDir()) {
        record_ = run_->record();
    }
    if (run_) {
        run_->deleteLater();
    }
    QString text;
    if (summary.cancelled) {
        text = tr("The run was cancelled; the files written so far are kept.") + QLatin1Char(' ');
    } else if (!summary.stopReason.isEmpty()) {
        text = tr("The run stopped: %1.").arg(summary.stopReason) + QLatin1Char(' ');
    }
    text += summaryText(summary, plan_);
    auto* box = new QMessageBox(summary.failures.isEmpty() ? QMessageBox::Information : QMessageBox::Warning,
                                tr("Auto-Label Dataset"), text, QMessageBox::Ok, window_);
    box->setObjectName(QStringLiteral("autoLabelSummary"));
    const QStringList details = summary.failures + summary.warnings;
    if (!details.isEmpty()) {
        box->setDetailedText(details.join(QLatin1Char('\n')));
    }
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::NonModal);
    box->show();
    summaryBox_ = box;
    emit finished(summary);
}

void AutoLabelController::datasetOpened() {
    if (run_) {
        // The run belongs to the old dataset: it stops, keeps what it wrote and notes it there.
        AutoLabelRun* old = run_;
        old->disconnect(this);
        connect(old, &AutoLabelRun::finished, old, &QObject::deleteLater);
        old->cancel();
        run_ = nullptr;
        if (!old->isRunning()) {
            old->deleteLater();
        }
    }
    if (progress_) {
        progress_->disconnect(this);
        progress_->close();
        progress_->deleteLater();
    }
    record_.load(context_.images->rootDir());
    for (const QString& path : record_.autoImages()) {
        const int row = context_.images->rowOf(path);
        if (row >= 0 && context_.images->status(row) == ImageStatus::Done) {
            context_.images->setStatus(row, ImageStatus::Auto);
        }
    }
}

void AutoLabelController::onStatusChanged(const QModelIndex& first, const QModelIndex& last) {
    // An auto result the user marks done is theirs from now on: it is never replaced by a run and
    // opens as done next time.
    bool changed = false;
    for (int row = first.row(); row <= last.row(); ++row) {
        if (context_.images->status(row) == ImageStatus::Done) {
            changed = record().remove(context_.images->absolutePath(row)) || changed;
        }
    }
    if (changed && !(run_ && run_->isRunning())) {
        try {
            record_.save();
        } catch (const pm::Error&) {
            // Not saved: the file then still opens as auto next time; nothing of the user's is lost.
        }
    }
}

}  // namespace pm::ui
