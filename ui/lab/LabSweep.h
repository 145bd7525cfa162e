#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVector>
#include <functional>
#include <opencv2/core/mat.hpp>

#include "document/LabelDefinition.h"
#include "inference/SegmentationOutcome.h"

namespace pm::ui {

// The Prompt lab's run "across images": the same candidates over the next K images of the folder, as a
// small matrix (rows candidates, columns images). One background request per image (all candidates in
// one batch), queued behind the user's interactive work; cancel() drops whatever has not run. Each cell
// keeps a small copy of its map (kThumbSide pixels at most), which is all a thumbnail needs, so a long
// run does not hold full-size maps. Widget-free; GUI thread only.
class LabSweep : public QObject {
    Q_OBJECT
public:
    using SubmitFn =
        std::function<quint64(const QString& imagePath, const QVector<LabelDefinition>& candidates)>;
    using CancelFn = std::function<void(quint64 requestId)>;

    struct Cell {
        cv::Mat thumbnail;       // CV_32F probability, at most kThumbSide on its longer side
        double areaPercent = 0;  // above the sweep's threshold, from the full-size map
        QString error;
        bool done = false;
    };

    static constexpr int kThumbSide = 96;

    LabSweep(SubmitFn submit, CancelFn cancel, QObject* parent = nullptr);

    void start(const QVector<LabelDefinition>& candidates, const QStringList& images, double threshold);
    void cancel();
    void setThreshold(double threshold);  // recounts areas from the thumbnails; no model call

    void applyOutcome(const SegmentationOutcome& outcome);
    void applyFailure(quint64 requestId, const QString& message);

    bool isRunning() const { return !pending_.isEmpty(); }
    const QStringList& images() const { return images_; }
    const QVector<LabelDefinition>& candidates() const { return candidates_; }
    const Cell& cell(int candidate, int image) const { return cells_[candidate][image]; }
    int doneCount() const { return done_; }
    int total() const { return static_cast<int>(images_.size()); }

signals:
    void started();
    void columnReady(int image);
    void finished(bool cancelled);

private:
    void end(bool cancelled);

    SubmitFn submit_;
    CancelFn cancel_;
    QVector<LabelDefinition> candidates_;
    QStringList images_;
    QVector<QVector<Cell>> cells_;  // [candidate][image]
    QHash<quint64, int> pending_;   // request id -> image column
    double threshold_ = 0.5;
    int done_ = 0;
};

}  // namespace pm::ui
