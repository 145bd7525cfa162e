#pragma once

#include <QColor>
#include <QFrame>
#include <QImage>

#include "lab/PromptLabModel.h"

class QLabel;
class QToolButton;

namespace pm::ui {

// One candidate of the Prompt lab: its heat map over the current image, its text, the mask area at
// the lab's threshold and the time its decode took, with the promote buttons. The frame says the
// state at a glance: grey while decoding, teal with a map, red on failure; the teal is a colour nothing
// else in the window uses, so that a screenshot can count the finished tiles.
class LabTile : public QFrame {
    Q_OBJECT
public:
    static constexpr QRgb kFrameColor = 0x1FA3A3;
    static constexpr QRgb kPendingFrameColor = 0x7F7F86;
    static constexpr QRgb kFailedFrameColor = 0xC0392B;
    static constexpr int kImageSide = 148;
    static constexpr int kTileWidth = kImageSide + 28;  // room for the three buttons under the picture

    explicit LabTile(QWidget* parent = nullptr);

    // `base`: the current image scaled to fit kImageSide (may be null while it loads).
    void setCandidate(const LabCandidate& candidate, const QImage& base);
    QString candidateId() const { return id_; }
    // `base` (or a dark square when null) at `size` with the heat map of `probability` over it.
    static QImage heatPicture(const QImage& base, const cv::Mat& probability, QSize size);
    QToolButton* addToButton() const { return addTo_; }

signals:
    void promoteClicked(const QString& candidateId);
    void addToClicked(const QString& candidateId);  // the dock opens the label menu
    void removeClicked(const QString& candidateId);

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QString id_;
    QRgb frame_ = kPendingFrameColor;
    QLabel* image_;
    QLabel* text_;
    QLabel* figures_;
    QToolButton* promote_;
    QToolButton* addTo_;
    QToolButton* remove_;
    cv::Mat shownMap_;  // the map the picture was made from: a threshold change keeps the picture
    QImage shownBase_;
};

}  // namespace pm::ui
