#pragma once

#include <QHash>
#include <QImage>
#include <QString>
#include <QVector>
#include <opencv2/core/mat.hpp>

#include "annotation/Dataset.h"
#include "document/LabelDefinition.h"
#include "document/MaskEdits.h"
#include "document/OverlayRenderer.h"
#include "inference/SegmentationOutcome.h"

namespace pm::ui {

// The image on the canvas and what the model said about it: one probability map per label, tagged
// with the label signature it was computed for. Thresholds, colours and the overlap mode act on these
// cached maps only, so changing them never calls the model.
//
// An image with a saved annotation shows that instead (showSaved()): its masks, by label name, as
// they were saved, whatever the thresholds say now, until clearSaved() (re-segment).
//
// Brush and eraser edits (MaskEdits) are kept per image path for the whole session, so moving to
// another image and back, or re-segmenting, never loses them; they apply on top of either source.
// GUI thread only.
class ImageSession {
public:
    void reset(const QString& path = {}, const QImage& image = {});

    const QString& path() const { return path_; }
    const QImage& image() const { return image_; }
    bool isOpen() const { return !image_.isNull(); }

    // Keeps the maps of `outcome` whose label still exists with the same signature. Returns how many.
    int store(const SegmentationOutcome& outcome, const QVector<LabelDefinition>& labels);

    // Visible labels with prompts whose map is missing or was computed for other prompts.
    QVector<LabelDefinition> stale(const QVector<LabelDefinition>& labels) const;
    bool hasMaps() const { return !maps_.isEmpty(); }

    cv::Mat probability(const LabelDefinition& label) const;  // empty when missing or stale
    float probabilityAt(const LabelDefinition& label, const QPoint& pixel) const;  // -1 when unknown

    QImage renderOverlay(const QVector<LabelDefinition>& labels, OverlapMode mode,
                         std::vector<qint64>* areas = nullptr) const;

    // What the canvas shows for each of `labels` (CV_8U 0/255; all zero when nothing is shown): the
    // thresholded maps honouring `mode`, or the saved masks. Hidden labels give all-zero masks.
    std::vector<cv::Mat> labelMasks(const QVector<LabelDefinition>& labels, OverlapMode mode) const;

    // Brush/eraser edits of the image at `path` (any image visited this session, not only this one).
    MaskEdits& edits(const QString& path) { return edits_[path]; }
    bool hasEdits(const QString& path) const;
    // Forgets the edits of `path` (after they were saved, or when the user discards them).
    void dropEdits(const QString& path) { edits_.remove(path); }
    // Paths whose edits are not empty.
    QStringList editedPaths() const;

    void showSaved(std::vector<pm::Instance> instances);
    void clearSaved();
    bool showingSaved() const { return showingSaved_; }
    const std::vector<pm::Instance>& savedInstances() const { return saved_; }
    // Saved instances whose label is none of `labels` (made elsewhere, or the label was renamed).
    QStringList unknownSavedLabels(const QVector<LabelDefinition>& labels) const;

private:
    struct LabelMap {
        QString signature;
        cv::Mat probability;
    };
    QString path_;
    QImage image_;
    std::vector<OverlayLayer> layers(const QVector<LabelDefinition>& labels) const;
    cv::Mat savedMask(const QString& labelName) const;

    QHash<QString, LabelMap> maps_;    // by label id
    QHash<QString, MaskEdits> edits_;  // by image path; kept across reset()
    std::vector<pm::Instance> saved_;
    bool showingSaved_ = false;
};

}  // namespace pm::ui
