#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace pm::ui {

class AutoLabelRecord;
class ImageListModel;

enum class AutoLabelScope {
    All,          // every image of the dataset
    Selected,     // the images selected in the Images dock
    Unannotated,  // the images without a saved annotation file
};

// Which images of a scope an auto-label run writes, and which it leaves alone and why. The rule: a run
// only ever writes an image that has no annotation file, or whose file is an untouched auto result
// (AutoLabelRecord). Images marked done, images with the user's changes (status edited, saved or not)
// and files saved by the user or another tool are never replaced. Auto results of the same label set
// are up to date and skipped, so re-running after a cancel goes on where it stopped.
struct AutoLabelPlan {
    QStringList targets;    // absolute image paths to label, in dataset order
    QStringList replacing;  // the targets holding auto results of another label set: ask first
    int done = 0;           // skipped: marked done, or a file the user saved
    int edited = 0;         // skipped: the user's unsaved or saved changes
    int upToDate = 0;       // skipped: auto results of this very label set

    int skipped() const { return done + edited + upToDate; }
    // The user chose to keep the auto results of other label sets: they are skipped too.
    void keepReplacing();

    static AutoLabelPlan make(const ImageListModel& images, const AutoLabelRecord& record,
                              AutoLabelScope scope, const QList<int>& selectedRows,
                              const QString& labelsSignature);
};

}  // namespace pm::ui
