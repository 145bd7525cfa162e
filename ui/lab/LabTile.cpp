#include "lab/LabTile.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QToolButton>
#include <QVBoxLayout>
#include <opencv2/imgproc.hpp>

#include "document/OverlayRenderer.h"

namespace pm::ui {

LabTile::LabTile(QWidget* parent)
    : QFrame(parent),
      image_(new QLabel),
      text_(new QLabel),
      figures_(new QLabel),
      promote_(new QToolButton),
      addTo_(new QToolButton),
      remove_(new QToolButton) {
    setObjectName(QStringLiteral("labTile"));
    image_->setFixedSize(kImageSide, kImageSide);
    image_->setAlignment(Qt::AlignCenter);
    text_->setWordWrap(true);
    text_->setAlignment(Qt::AlignHCenter);
    QFont bold = text_->font();
    bold.setBold(true);
    text_->setFont(bold);
    figures_->setAlignment(Qt::AlignHCenter);
    promote_->setText(tr("New label"));
    promote_->setToolTip(tr("Make this candidate a new label (Ctrl+Z takes it back)"));
    addTo_->setText(tr("Add to…"));
    addTo_->setToolTip(tr("Add this candidate to an existing label"));
    remove_->setText(QStringLiteral("×"));
    remove_->setToolTip(tr("Remove this candidate"));
    for (QToolButton* b : {promote_, addTo_, remove_}) {
        b->setFocusPolicy(Qt::NoFocus);  // clicks must not take the keyboard from the canvas
        b->setAutoRaise(true);
    }
    connect(promote_, &QToolButton::clicked, this, [this] { emit promoteClicked(id_); });
    connect(addTo_, &QToolButton::clicked, this, [this] { emit addToClicked(id_); });
    connect(remove_, &QToolButton::clicked, this, [this] { emit removeClicked(id_); });

    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(2);
    buttons->addWidget(promote_);
    buttons->addWidget(addTo_);
    buttons->addStretch(1);
    buttons->addWidget(remove_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 4);
    layout->setSpacing(2);
    layout->addWidget(image_, 0, Qt::AlignHCenter);
    layout->addWidget(text_);
    layout->addWidget(figures_);
    layout->addLayout(buttons);
    setFixedWidth(kTileWidth);
}

void LabTile::setCandidate(const LabCandidate& candidate, const QImage& base) {
    id_ = candidate.id;
    text_->setText(candidate.text);
    const QRgb frame = !candidate.error.isEmpty() ? kFailedFrameColor
                       : candidate.hasResult()    ? kFrameColor
                                                  : kPendingFrameColor;
    if (frame != frame_) {
        frame_ = frame;
        update();
    }
    if (!candidate.error.isEmpty()) {
        figures_->setText(tr("failed"));
        figures_->setToolTip(candidate.error);
    } else if (!candidate.hasResult()) {
        figures_->setText(tr("decoding…"));
        figures_->setToolTip({});
    } else {
        figures_->setText(
            tr("%1 % · %2 ms").arg(candidate.areaPercent, 0, 'f', 1).arg(candidate.milliseconds, 0, 'f', 0));
        figures_->setToolTip(tr("Mask area at the lab threshold · time of the prompt encoding and decode"));
    }
    // The picture depends on the map and the image only: a threshold drag changes the figures alone.
    if (candidate.probability.data == shownMap_.data && base.cacheKey() == shownBase_.cacheKey() &&
        !image_->pixmap().isNull()) {
        return;
    }
    shownMap_ = candidate.probability;
    shownBase_ = base;
    const QImage picture =
        heatPicture(base, candidate.probability, base.isNull() ? QSize(kImageSide, kImageSide) : base.size());
    image_->setPixmap(QPixmap::fromImage(picture));
}

QImage LabTile::heatPicture(const QImage& base, const cv::Mat& probability, QSize size) {
    QImage picture = base.isNull() ? QImage(size, QImage::Format_RGB32) : base.scaled(size);
    if (base.isNull()) {
        picture.fill(QColor(0x30, 0x30, 0x33));
    }
    if (!probability.empty()) {
        cv::Mat small;
        cv::resize(probability, small, cv::Size(picture.width(), picture.height()), 0, 0, cv::INTER_AREA);
        QPainter p(&picture);
        p.drawImage(0, 0, OverlayRenderer::heatMap(small, 170));  // the image still shows through
    }
    return picture;
}

void LabTile::paintEvent(QPaintEvent* event) {
    QFrame::paintEvent(event);
    QPainter p(this);
    p.setPen(QPen(QColor::fromRgb(frame_), 3));
    p.setBrush(Qt::NoBrush);
    p.drawRect(rect().adjusted(1, 1, -2, -2));
}

}  // namespace pm::ui
