#include "autolabel/AutoLabelPlan.h"

#include <algorithm>

#include "autolabel/AutoLabelRecord.h"
#include "document/AnnotationFile.h"
#include "document/ImageListModel.h"

namespace pm::ui {

void AutoLabelPlan::keepReplacing() {
    for (const QString& path : std::as_const(replacing)) {
        targets.removeOne(path);
    }
    upToDate += static_cast<int>(replacing.size());
    replacing.clear();
}

AutoLabelPlan AutoLabelPlan::make(const ImageListModel& images, const AutoLabelRecord& record,
                                  AutoLabelScope scope, const QList<int>& selectedRows,
                                  const QString& labelsSignature) {
    AutoLabelPlan plan;
    QList<int> rows;
    if (scope == AutoLabelScope::Selected) {
        rows = selectedRows;
        std::sort(rows.begin(), rows.end());
        rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    } else {
        for (int row = 0; row < images.rowCount(); ++row) {
            rows << row;
        }
    }
    for (const int row : std::as_const(rows)) {
        if (row < 0 || row >= images.rowCount()) {
            continue;
        }
        const QString path = images.absolutePath(row);
        const bool hasFile = AnnotationFile::exists(path);
        if (scope == AutoLabelScope::Unannotated && hasFile) {
            continue;
        }
        const ImageStatus status = images.status(row);
        if (status == ImageStatus::Done) {
            ++plan.done;
        } else if (status == ImageStatus::Edited) {
            ++plan.edited;
        } else if (!hasFile) {
            plan.targets << path;
        } else if (!record.isAuto(path)) {
            ++plan.done;  // saved by the user (or by labelme) in another session
        } else if (record.labelsOf(path) == labelsSignature) {
            ++plan.upToDate;
        } else {
            plan.targets << path;
            plan.replacing << path;
        }
    }
    return plan;
}

}  // namespace pm::ui
