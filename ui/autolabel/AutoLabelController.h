#pragma once

#include <QAbstractItemView>
#include <QMessageBox>
#include <QObject>
#include <QPointer>
#include <QProgressDialog>
#include <functional>
#include <optional>

#include "autolabel/AutoLabelPlan.h"
#include "autolabel/AutoLabelRecord.h"
#include "autolabel/AutoLabelRun.h"

namespace pm::ui {

class ImageListModel;
class LabelListModel;
class SegmentationController;

// What the window lends an auto-label run: its models, its engine and how it saves masks.
struct AutoLabelContext {
    SegmentationController* controller = nullptr;
    ImageListModel* images = nullptr;
    LabelListModel* labels = nullptr;
    QAbstractItemView* imageView = nullptr;  // its selection is the "selected images" scope
    std::function<OverlapMode()> overlapMode;
    std::function<InstanceOptions()> instanceOptions;
};

// Image → Auto-Label Dataset…: the scope dialog, the question before auto results of other labels are
// replaced, the progress dialog (not modal: browsing and editing go on, and the window's own requests
// run before the run's) and the summary with the failures. Also keeps the dataset's AutoLabelRecord,
// so that reopening a dataset lists its auto results as auto, not done.
class AutoLabelController : public QObject {
    Q_OBJECT
public:
    AutoLabelController(AutoLabelContext context, QWidget* window);
    ~AutoLabelController() override;

    // The menu action: asks for the scope, then start().
    void chooseAndRun();
    // Plans `scope`, asks before replacing auto results of another label set (unless `replace` is
    // given), and starts the run. False (saying why in a message box) when nothing can run.
    bool start(AutoLabelScope scope, std::optional<bool> replace = std::nullopt);
    void cancel();

    // A dataset was opened: stops a run of the old one, reads the record, marks its auto results.
    void datasetOpened();
    // `imagePath` shows an auto result that nobody changed since the run wrote it.
    bool isAutoResult(const QString& imagePath) const;
    int savedAutoResults() const { return static_cast<int>(record().autoImages().size()); }
    QString labelsSignature() const;
    AutoLabelPlan plan(AutoLabelScope scope) const;

    AutoLabelRun* run() const { return run_; }
    QProgressDialog* progressDialog() const { return progress_; }
    QMessageBox* summaryBox() const { return summaryBox_; }
    const AutoLabelSummary& lastSummary() const { return last_; }
    static QString summaryText(const AutoLabelSummary& summary, const AutoLabelPlan& plan);

signals:
    void finished(const pm::ui::AutoLabelSummary& summary);

private:
    AutoLabelSettings settings() const;
    QList<int> selectedRows() const;
    AutoLabelRecord& record();
    const AutoLabelRecord& record() const;
    void onStatusChanged(const QModelIndex& first, const QModelIndex& last);
    void onProgress(int done, int total);
    void onFinished(const AutoLabelSummary& summary);
    void message(const QString& text);

    AutoLabelContext context_;
    QWidget* window_;
    AutoLabelRecord record_;
    QPointer<AutoLabelRun> run_;
    AutoLabelPlan plan_;
    QPointer<QProgressDialog> progress_;
    QPointer<QMessageBox> summaryBox_;
    AutoLabelSummary last_;
};

}  // namespace pm::ui
