#include "document/ImageSession.h"

#include <algorithm>

namespace pm::ui {

void ImageSession::reset(const QString& path, const QImage& image) {
    if (const auto left = edits_.find(path_); left != edits_.end() && path != path_) {
        left->pack();  // kept, small, until that image is shown or undone again
    }
    path_ = path;
    image_ = image;
    maps_.clear();
    saved_.clear();
    showingSaved_ = false;
}

int ImageSession::store(const SegmentationOutcome& outcome, const QVector<LabelDefinition>& labels) {
    if (outcome.imagePath != path_) {
        return 0;
    }
    int stored = 0;
    for (int i = 0; i < outcome.labelIds.size() && i < static_cast<int>(outcome.probabilities.size()); ++i) {
        for (const LabelDefinition& l : labels) {
            const cv::Mat& p = outcome.probabilities[static_cast<size_t>(i)];
            if (l.id == outcome.labelIds[i] && l.signature() == outcome.signatures[i] && !p.empty() &&
                p.cols == image_.width() && p.rows == image_.height()) {
                maps_.insert(l.id, LabelMap{outcome.signatures[i], p});
                ++stored;
            }
        }
    }
    return stored;
}

QVector<LabelDefinition> ImageSession::stale(const QVector<LabelDefinition>& labels) const {
    QVector<LabelDefinition> result;
    for (const LabelDefinition& l : labels) {
        if (!l.visible || l.toCombinedPrompts().empty()) {
            continue;
        }
        const auto it = maps_.constFind(l.id);
        if (it == maps_.cend() || it->signature != l.signature()) {
            result.push_back(l);
        }
    }
    return result;
}

cv::Mat ImageSession::probability(const LabelDefinition& label) const {
    const auto it = maps_.constFind(label.id);
    if (it == maps_.cend() || it->signature != label.signature()) {
        return {};
    }
    return it->probability;
}

float ImageSession::probabilityAt(const LabelDefinition& label, const QPoint& pixel) const {
    const cv::Mat p = probability(label);
    if (p.empty() || pixel.x() < 0 || pixel.y() < 0 || pixel.x() >= p.cols || pixel.y() >= p.rows) {
        return -1.0f;
    }
    return p.at<float>(pixel.y(), pixel.x());
}

void ImageSession::showSaved(std::vector<pm::Instance> instances) {
    saved_ = std::move(instances);
    showingSaved_ = true;
}

void ImageSession::clearSaved() {
    saved_.clear();
    showingSaved_ = false;
}

cv::Mat ImageSession::savedMask(const QString& labelName) const {
    cv::Mat mask(image_.height(), image_.width(), CV_8UC1, cv::Scalar(0));
    const std::string name = labelName.toStdString();
    for (const pm::Instance& instance : saved_) {
        if (instance.label == name && instance.mask.size() == mask.size()) {
            mask.setTo(255, instance.mask);
        }
    }
    return mask;
}

QStringList ImageSession::unknownSavedLabels(const QVector<LabelDefinition>& labels) const {
    QStringList unknown;
    for (const pm::Instance& instance : saved_) {
        const QString name = QString::fromStdString(instance.label);
        const bool known = std::any_of(labels.begin(), labels.end(),
                                       [&](const LabelDefinition& l) { return l.name == name; });
        if (!known && !unknown.contains(name)) {
            unknown << name;
        }
    }
    return unknown;
}

bool ImageSession::hasEdits(const QString& path) const {
    const auto it = edits_.constFind(path);
    return it != edits_.cend() && !it->isEmpty();
}

QStringList ImageSession::editedPaths() const {
    QStringList paths;
    for (auto it = edits_.cbegin(); it != edits_.cend(); ++it) {
        if (!it->isEmpty()) {
            paths << it.key();
        }
    }
    return paths;
}

std::vector<OverlayLayer> ImageSession::layers(const QVector<LabelDefinition>& labels) const {
    std::vector<OverlayLayer> result;
    result.reserve(static_cast<size_t>(labels.size()));
    const MaskEdits none;
    const auto found = edits_.constFind(path_);
    const MaskEdits& edits = found == edits_.cend() ? none : *found;
    const cv::Size size(image_.width(), image_.height());
    if (!showingSaved_) {
        for (const LabelDefinition& l : labels) {
            // Painted pixels become 1 and erased ones 0, so they win over any threshold.
            result.push_back(
                OverlayLayer{edits.apply(l.id, probability(l), size), l.threshold, l.color, l.visible});
        }
        return result;
    }
    // Saved masks as 0/1 maps with threshold 0.5: the renderer needs no special case.
    for (const LabelDefinition& l : labels) {
        cv::Mat p;
        savedMask(l.name).convertTo(p, CV_32F, 1.0 / 255.0);
        result.push_back(OverlayLayer{edits.apply(l.id, p, size), 0.5, l.color, l.visible});
    }
    for (const QString& name : unknownSavedLabels(labels)) {
        cv::Mat p;
        savedMask(name).convertTo(p, CV_32F, 1.0 / 255.0);
        result.push_back(OverlayLayer{p, 0.5, QColor(0x80, 0x80, 0x80), true});
    }
    return result;
}

QImage ImageSession::renderOverlay(const QVector<LabelDefinition>& labels, OverlapMode mode,
                                   std::vector<qint64>* areas) const {
    // Saved masks are shown as saved: they may overlap, whatever the mode is now.
    const OverlapMode shown = showingSaved_ ? OverlapMode::Overlapping : mode;
    QImage overlay = OverlayRenderer::render(layers(labels), shown, image_.size(), areas);
    if (areas) {
        areas->resize(static_cast<size_t>(labels.size()));  // per label; unknown saved labels are extra
    }
    return overlay;
}

std::vector<cv::Mat> ImageSession::labelMasks(const QVector<LabelDefinition>& labels,
                                              OverlapMode mode) const {
    const OverlapMode shown = showingSaved_ ? OverlapMode::Overlapping : mode;
    std::vector<cv::Mat> masks = OverlayRenderer::masks(layers(labels), shown, image_.size());
    masks.resize(static_cast<size_t>(labels.size()));
    return masks;
}

}  // namespace pm::ui
