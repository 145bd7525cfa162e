#pragma once

#include <QObject>
#include <QString>
#include <QVector>
#include <functional>
#include <opencv2/core/mat.hpp>

#include "document/LabelDefinition.h"
#include "inference/SegmentationOutcome.h"

namespace pm::ui {

// One candidate prompt of the Prompt lab and what the model made of it on the current image.
struct LabCandidate {
    QString id;               // stable while the candidate lives; keys its requests
    QString text;             // as typed: "a; b" ORs prompts exactly as a label's prompt field does
    cv::Mat probability;      // CV_32F at the image size; empty until its result arrives
    double areaPercent = 0;   // of the image above the lab threshold
    double milliseconds = 0;  // of the request that produced the map (prompt encoding + decode)
    int batchSize = 0;        // how many candidates that request decoded together
    QString error;            // why the model could not segment it, else empty
    quint64 pending = 0;      // the request whose result is awaited, 0 when none

    bool hasResult() const { return !probability.empty(); }
};

// The Prompt lab's state without widgets: the candidates, their probability maps on the current image
// and one shared threshold. Decoding goes through `SubmitFn` (the app passes
// SegmentationController::probe, which runs on the inference thread; tests pass a recorder): all
// candidates in one request when the image changes, only the new one when a candidate is added, so it
// is decoded against the cached image encoding. A result is taken only if it answers the candidate's
// latest request on the current image: anything older is dropped. A threshold change only recounts
// the areas of the maps it has (no model call). GUI thread only.
class PromptLabModel : public QObject {
    Q_OBJECT
public:
    using SubmitFn =
        std::function<quint64(const QString& imagePath, const QVector<LabelDefinition>& candidates)>;

    using CancelFn = std::function<void(quint64 requestId)>;

    explicit PromptLabModel(SubmitFn submit, CancelFn cancel = {}, QObject* parent = nullptr);

    // Returns the new candidate's row, or -1 for blank text or a text already a candidate.
    int addCandidate(const QString& text);
    void removeCandidate(int row);
    void clear();

    // The image the tiles show. While inactive (the lab is hidden) nothing is decoded; becoming
    // active decodes whatever is missing.
    void setImage(const QString& imagePath);
    void setActive(bool active);
    void setThreshold(double threshold);
    // Decodes every candidate again (after a model change).
    void refresh();

    // The inference results: SegmentationController::sideSegmented / sideFailed.
    void applyOutcome(const SegmentationOutcome& outcome);
    void applyFailure(quint64 requestId, const QString& message);

    const QVector<LabCandidate>& candidates() const { return candidates_; }
    int rowOf(const QString& id) const;
    QString imagePath() const { return image_; }
    double threshold() const { return threshold_; }
    bool isActive() const { return active_; }
    int pendingCount() const;
    int resultCount() const;
    // The candidate as a label definition (how it was decoded; what promoting it creates).
    static LabelDefinition asLabel(const LabCandidate& candidate);
    // Percentage of pixels of `probability` above `threshold` (the overlay's rule: p > t).
    static double areaPercent(const cv::Mat& probability, double threshold);

signals:
    void candidateAdded(int row);
    void candidateRemoved(int row);
    void candidateChanged(int row);  // result, error or area
    void reset();                    // all candidates replaced or the image changed
    void thresholdChanged(double threshold);

private:
    void request(const QVector<int>& rows);
    void forgetResults();  // cancels what is under way and drops the maps

    SubmitFn submit_;
    CancelFn cancel_;
    QVector<LabCandidate> candidates_;
    QString image_;
    double threshold_ = 0.5;
    bool active_ = true;
};

}  // namespace pm::ui
