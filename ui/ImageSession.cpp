#include "ImageSession.h"

namespace pm::ui {

void ImageSession::reset(const QString& path, const QImage& image) {
    path_ = path;
    image_ = image;
    maps_.clear();
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
        if (!l.visible || l.toPrompts().empty()) {
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

QImage ImageSession::renderOverlay(const QVector<LabelDefinition>& labels, OverlapMode mode,
                                   std::vector<qint64>* areas) const {
    std::vector<OverlayLayer> layers;
    layers.reserve(static_cast<size_t>(labels.size()));
    for (const LabelDefinition& l : labels) {
        layers.push_back(OverlayLayer{probability(l), l.threshold, l.color, l.visible});
    }
    return OverlayRenderer::render(layers, mode, image_.size(), areas);
}

}  // namespace pm::ui
