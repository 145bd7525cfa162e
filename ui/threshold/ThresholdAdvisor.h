#pragma once

#include <QObject>
#include <QPointer>
#include <vector>

#include "annotation/Dataset.h"
#include "threshold/ThresholdEvidence.h"

class QWidget;

namespace pm::ui {

class DatasetDocument;
class ImageSession;
class ThresholdDialog;

// Threshold suggestions in the GUI: collects evidence each time the document saves an image (the saved
// file read back against the maps shown), opens the suggestion dialog for a label, and accepts the
// user's choice through DocumentCommands::acceptThreshold (one undo step, never merged with a drag).
class ThresholdAdvisor : public QObject {
    Q_OBJECT
public:
    ThresholdAdvisor(DatasetDocument* document, QWidget* window);

    // `session`'s image was saved with `saved` instances: each label's map against its saved mask.
    void recordSaved(const ImageSession& session, const std::vector<pm::Instance>& saved);

    // Opens the dialog for the label in `row` (Otsu on the current image's map for it); null for a bad row.
    ThresholdDialog* suggest(int row);

    const ThresholdEvidence& evidence() const { return evidence_; }

private:
    void onAnnotationSaved(const QString& imagePath);

    DatasetDocument* document_;
    QWidget* window_;
    ThresholdEvidence evidence_;
    QPointer<ThresholdDialog> dialog_;
};

}  // namespace pm::ui
