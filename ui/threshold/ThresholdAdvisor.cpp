#include "threshold/ThresholdAdvisor.h"

#include <opencv2/core.hpp>

#include "commands/DocumentCommands.h"
#include "document/AnnotationFile.h"
#include "document/DatasetDocument.h"
#include "document/ImageSession.h"
#include "document/LabelListModel.h"
#include "threshold/ThresholdDialog.h"

namespace pm::ui {

ThresholdAdvisor::ThresholdAdvisor(DatasetDocument* document, QWidget* window)
    : QObject(window), document_(document), window_(window) {
    connect(document_, &DatasetDocument::annotationSaved, this,
            [this](const QString& imagePath, const QString&) { onAnnotationSaved(imagePath); });
}

void ThresholdAdvisor::onAnnotationSaved(const QString& imagePath) {
    const ImageSession& session = document_->session();
    if (session.path() != imagePath) {
        return;
    }
    // What the user saved, as any reader of the file sees it.
    const AnnotationFile::LoadResult saved = AnnotationFile::load(imagePath, session.image().size());
    if (saved.state == AnnotationFile::State::Loaded) {
        recordSaved(session, saved.instances);
    }
}

void ThresholdAdvisor::recordSaved(const ImageSession& session, const std::vector<pm::Instance>& saved) {
    const cv::Size size(session.image().width(), session.image().height());
    for (const LabelDefinition& label : document_->labelModel()->labels()) {
        const cv::Mat probability = session.probability(label);
        if (probability.empty()) {
            continue;  // hidden or not segmented: this save says nothing about its threshold
        }
        cv::Mat mask = cv::Mat::zeros(size, CV_8U);
        for (const pm::Instance& instance : saved) {
            if (QString::fromStdString(instance.label) == label.name && instance.mask.size() == size) {
                mask |= instance.mask != 0;
            }
        }
        evidence_.record(session.path(), label, probability, mask);
    }
}

ThresholdDialog* ThresholdAdvisor::suggest(int row) {
    const LabelListModel* labels = document_->labelModel();
    if (row < 0 || row >= labels->rowCount()) {
        return nullptr;
    }
    const LabelDefinition& label = labels->label(row);
    ThresholdDialog::Suggestion s;
    s.label = label.name;
    s.current = label.threshold;
    const cv::Mat map = document_->session().probability(label);
    if (!map.empty()) {
        s.otsu = pm::ThresholdSuggester::otsu(map);
    }
    s.learned = evidence_.learned(label);
    s.imagesWithLabel = evidence_.imagesWithLabel(label);
    s.minImages = ThresholdEvidence::kMinImages;
    if (dialog_) {
        dialog_->close();
    }
    dialog_ = new ThresholdDialog(s, window_);
    dialog_->setAttribute(Qt::WA_DeleteOnClose);
    const QString id = label.id;
    connect(dialog_, &ThresholdDialog::thresholdChosen, this, [this, id](double t) {
        // By id: the label may have moved while the dialog was open (or be gone: then nothing happens).
        document_->commands()->acceptThreshold(document_->labelModel()->rowOfId(id), t);
    });
    dialog_->open();
    return dialog_;
}

}  // namespace pm::ui
