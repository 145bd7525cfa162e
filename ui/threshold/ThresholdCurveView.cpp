#include "threshold/ThresholdCurveView.h"

#include <QPainter>
#include <QPainterPath>

namespace pm::ui {

ThresholdCurveView::ThresholdCurveView(QWidget* parent) : QWidget(parent) {
    setMinimumSize(240, 140);
}

void ThresholdCurveView::setCurve(std::optional<pm::LearnedThreshold> learned, double current, double otsu) {
    learned_ = std::move(learned);
    current_ = current;
    otsu_ = otsu;
    update();
}

void ThresholdCurveView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    const QRectF plot = QRectF(rect()).adjusted(34, 10, -10, -24);
    const auto at = [&](double t, double iou) {
        return QPointF(plot.left() + t * plot.width(), plot.bottom() - iou * plot.height());
    };
    p.setPen(palette().color(QPalette::Mid));
    p.drawRect(plot);
    p.setPen(palette().color(QPalette::Text));
    p.drawText(QRectF(plot.left(), plot.bottom() + 2, plot.width(), 20), Qt::AlignLeft, QStringLiteral("0"));
    p.drawText(QRectF(plot.left(), plot.bottom() + 2, plot.width(), 20), Qt::AlignRight, QStringLiteral("1"));
    p.drawText(QRectF(0, plot.top() - 6, 30, 16), Qt::AlignRight, QStringLiteral("1"));
    p.drawText(QRectF(0, plot.bottom() - 10, 30, 16), Qt::AlignRight, QStringLiteral("0"));
    const auto marker = [&](double t, const QColor& color, Qt::PenStyle style) {
        p.setPen(QPen(color, 1.5, style));
        p.drawLine(at(t, 0), at(t, 1));
    };
    marker(current_, palette().color(QPalette::Text), Qt::DashLine);
    marker(otsu_, QColor(0x56, 0xb4, 0xe9), Qt::DotLine);
    if (learned_ && !learned_->curve.empty()) {
        QPainterPath path(at(learned_->curve.front().threshold, learned_->curve.front().meanIoU));
        for (const pm::ThresholdCurvePoint& c : learned_->curve) {
            path.lineTo(at(c.threshold, c.meanIoU));
        }
        p.setPen(QPen(QColor(0xd5, 0x5e, 0x00), 2));
        p.drawPath(path);
        p.setBrush(QColor(0xd5, 0x5e, 0x00));
        p.drawEllipse(at(learned_->threshold, learned_->meanIoU), 4, 4);
    }
}

}  // namespace pm::ui
