#pragma once

#include <QHash>
#include <QObject>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QVector>
#include <opencv2/core/mat.hpp>

namespace pm::ui {

class ImageListModel;
class ImageSession;

// Crash recovery for the brush and eraser work not saved yet: a small journal of the edit maps of every
// image whose edits are unsaved, in <dataset>/.promptmask/journal.json. It is written (atomically)
// a moment after the last edit, so a crash or a kill loses at most that moment; a clean quit removes
// it. Label edits need no journal: labels.json is itself saved 400 ms after each change.
// On the next start with that dataset, pending() lists what a killed session left, and restore() puts
// it back into the session. GUI thread only.
class EditJournal : public QObject {
    Q_OBJECT
public:
    // The journal holds the edits of the images `images` lists as Edited (painted, not saved).
    EditJournal(ImageSession& session, const ImageListModel& images, QObject* parent = nullptr);

    static QString journalPath(const QString& datasetDir);

    // Switches to the journal of `datasetDir` (empty: none; flush() the old one first) and reads what a
    // previous session left there; returns the file names of those images. A journal that is not ours
    // or is corrupt is kept as journal.json.bak and ignored.
    QStringList open(const QString& datasetDir);
    bool hasPending() const { return !pending_.isEmpty(); }

    // Puts the pending edits into the session; returns the absolute paths of the images restored.
    QStringList restore();

    // An edit happened or a save succeeded: the journal is rewritten after a short pause.
    void touch();
    // Writes now if a write is due (e.g. before the dataset changes).
    void flush();
    // A clean end (quit, or everything saved or discarded on purpose): removes the journal.
    void discard();

    // The last write's error, empty when it worked (the journal never interrupts the user).
    const QString& lastError() const { return lastError_; }

signals:
    // After each write, for tests and status displays.
    void written(int images);

private:
    struct Image {
        QString path;                  // absolute
        QHash<QString, cv::Mat> maps;  // label id -> MaskEdits values (CV_8U, image size)
    };
    void write(bool includeSession);

    ImageSession& session_;
    const ImageListModel& images_;
    QString datasetDir_;
    QVector<Image> pending_;  // left by a previous session, not restored (kept in each write)
    QTimer timer_;
    QString lastError_;
};

}  // namespace pm::ui
