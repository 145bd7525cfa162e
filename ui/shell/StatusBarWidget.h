#pragma once

#include <QStatusBar>

#include "model/Segmenter.h"

class QLabel;
class QProgressBar;

namespace pm::ui {

// The main window's status bar: probability under the cursor, progress of the running request, last
// stage timings, cache state, threads and the model name. Transient messages use showMessage().
class StatusBarWidget : public QStatusBar {
    Q_OBJECT
public:
    explicit StatusBarWidget(QWidget* parent = nullptr);

    void setModel(const pm::ModelInfo& info);
    void setNoModel(const QString& text);
    void setTimings(const pm::StageTimings& timings);
    void setCache(const pm::CacheStats& stats);
    void setCursorText(const QString& text);
    void setBusy(bool busy, const QString& what = {});

    QString modelText() const;
    QString timingsText() const;
    QString cacheText() const;
    QString cursorText() const;

private:
    QLabel* cursor_;
    QProgressBar* progress_;
    QLabel* timings_;
    QLabel* cache_;
    QLabel* threads_;
    QLabel* model_;
};

}  // namespace pm::ui
