#include "shell/StatusBarWidget.h"

#include <QLabel>
#include <QProgressBar>

namespace pm::ui {

namespace {
QString megabytes(size_t bytes) {
    return QString::number(static_cast<double>(bytes) / (1024.0 * 1024.0), 'f', 0);
}
}  // namespace

StatusBarWidget::StatusBarWidget(QWidget* parent)
    : QStatusBar(parent),
      cursor_(new QLabel),
      progress_(new QProgressBar),
      timings_(new QLabel),
      cache_(new QLabel),
      threads_(new QLabel),
      model_(new QLabel) {
    setObjectName(QStringLiteral("statusBar"));
    progress_->setRange(0, 0);  // busy indicator: stages have no meaningful percentage
    progress_->setMaximumWidth(120);
    progress_->setMaximumHeight(14);
    progress_->setTextVisible(false);
    progress_->hide();
    cursor_->setMinimumWidth(180);
    timings_->setToolTip(tr("Last request: image encoding / prompt encoding / decoding"));
    cache_->setToolTip(tr("Cached image encodings and prompt embeddings"));
    addPermanentWidget(cursor_);
    addPermanentWidget(progress_);
    addPermanentWidget(timings_);
    addPermanentWidget(cache_);
    addPermanentWidget(threads_);
    addPermanentWidget(model_);
}

void StatusBarWidget::setModel(const pm::ModelInfo& info) {
    model_->setText(tr("Model: %1").arg(QString::fromStdString(info.name)));
    model_->setToolTip(QStringLiteral("%1\n%2\nid %3, %4")
                           .arg(QString::fromStdString(info.source), QString::fromStdString(info.bundlePath),
                                QString::fromStdString(info.id), QString::fromStdString(info.quantization)));
    threads_->setText(tr("%n thread(s)", nullptr, info.threads));
}

void StatusBarWidget::setNoModel(const QString& text) {
    model_->setText(text);
    model_->setToolTip({});
    threads_->clear();
    timings_->clear();
    cache_->clear();
}

void StatusBarWidget::setTimings(const pm::StageTimings& t) {
    const QString encode = t.imageCacheHit
                               ? tr("cached")
                               : QStringLiteral("%1 ms").arg(t.loadImageMs + t.encodeImageMs, 0, 'f', 0);
    timings_->setText(tr("encode %1 · prompts %2 ms · decode %3 ms")
                          .arg(encode)
                          .arg(t.encodePromptsMs, 0, 'f', 0)
                          .arg(t.decodeMs + t.postprocessMs, 0, 'f', 0));
}

void StatusBarWidget::setCache(const pm::CacheStats& s) {
    QString text = tr("cache: %n image(s)", nullptr, static_cast<int>(s.images));
    if (s.imageBudgetBytes > 0) {
        text += QStringLiteral(" (%1/%2 MB)").arg(megabytes(s.imageBytes), megabytes(s.imageBudgetBytes));
    }
    text += tr(", %n prompt(s)", nullptr, static_cast<int>(s.prompts));
    const size_t lookups = s.hits + s.misses;
    if (lookups > 0) {
        text += tr(", %1% hits").arg(100 * s.hits / lookups);
    }
    cache_->setText(text);
}

void StatusBarWidget::setCursorText(const QString& text) {
    cursor_->setText(text);
}

void StatusBarWidget::setBusy(bool busy, const QString& what) {
    progress_->setVisible(busy);
    progress_->setToolTip(what);
    if (busy && !what.isEmpty()) {
        showMessage(what);
    } else if (!busy) {
        clearMessage();
    }
}

QString StatusBarWidget::modelText() const {
    return model_->text();
}
QString StatusBarWidget::timingsText() const {
    return timings_->text();
}
QString StatusBarWidget::cacheText() const {
    return cache_->text();
}
QString StatusBarWidget::cursorText() const {
    return cursor_->text();
}

}  // namespace pm::ui
