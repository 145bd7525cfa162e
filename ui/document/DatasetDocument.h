#pragma once

#include <QHash>
#include <QImage>
#include <QObject>
#include <QTimer>
#include <functional>
#include <memory>
#include <vector>

#include "document/AnnotationBuilder.h"
#include "document/ImageSession.h"
#include "document/ImageStatus.h"
#include "document/Notice.h"
#include "document/OverlapMode.h"

class QUndoStack;

namespace pm::ui {

class DecodedImageCache;
class DocumentCommands;
class EditJournal;
class ImageListModel;
class LabelListModel;
class SegmentationPort;
struct DecodedImage;

// The open dataset, without a widget (in the spirit of Tiled's MapDocument): the image list with a
// status per image, the labels, the undo stack and its command facade, the current image's session,
// the overlap mode, saving (labels.json, annotation files, autosave on leaving an image) and asking
// the model for masks. The window shows what it says through the signals below. GUI thread only.
//
// Annotations: the masks shown are saved beside the image as labelme JSON (AnnotationFile) by
// saveAnnotation() and, with autosave on, when the user leaves an image they changed. An image with a
// saved file opens showing it (no model call) until resegmentCurrent().
class DatasetDocument : public QObject {
    Q_OBJECT
public:
    // `segmentation` must outlive the document; its results go to onSegmented() / onSegmentFailed().
    explicit DatasetDocument(SegmentationPort* segmentation, QObject* parent = nullptr);
    ~DatasetDocument() override;

    // The one way into a dataset: the old one is left and saved first. False (with a notice) when the
    // folder or file does not exist.
    bool openFolder(const QString& dir, bool recursive);
    bool openImage(const QString& path);
    void goToImage(int row);
    void nextImage() { goToImage(currentRow_ + 1); }
    void previousImage() { goToImage(currentRow_ - 1); }

    // Segments the current image with every visible label whose map is missing or stale.
    void segmentCurrent();
    // Leaves the saved annotation of the current image and runs the model on it (R).
    void resegmentCurrent();
    // Writes the current image's masks as shown beside the image and marks it done. False, saying why
    // by message() or notice(), when it cannot: no image, labels not segmented yet, an unwritable file.
    bool saveAnnotation(bool automatic = false);
    void saveLabels();  // .promptmask/labels.json now (edits otherwise save it after a short pause)
    // Offers, then restores, the brush edits a killed session left in the journal.
    void restoreJournal();
    // Images whose brush edits are not in a saved file (listed as edited), by file name.
    QStringList unsavedPaintedImages() const;
    // Leaving the current image (another image, another dataset, quitting): with autosave on, an
    // edited image is saved; an image with a saved file that was not changed is done again.
    void leaveCurrent();
    // A clean end, after leaveCurrent(): saves the labels and forgets the journal (what is unsaved
    // now was discarded on purpose).
    void close();

    // Every edit goes through these commands (one undo stack).
    DocumentCommands* commands() const { return commands_.get(); }

    void setAutosave(bool on);
    bool autosave() const { return autosave_; }
    void setAutoSegment(bool on) { autoSegment_ = on; }
    bool autoSegment() const { return autoSegment_; }
    void setInstanceOptions(const InstanceOptions& options) { instanceOptions_ = options; }
    // Tells which saved files are unchanged auto-label results (ui/autolabel): those open as auto,
    // not done, and stay auto when left.
    void setAutoResultCheck(std::function<bool(const QString&)> isAutoResult) {
        isAutoResult_ = std::move(isAutoResult);
    }
    const InstanceOptions& instanceOptions() const { return instanceOptions_; }

    ImageListModel* imageModel() const { return images_; }
    LabelListModel* labelModel() const { return labels_; }
    QUndoStack* undoStack() const { return undo_; }
    const ImageSession& session() const { return session_; }
    ImageSession& session() { return session_; }
    OverlapMode overlapMode() const { return overlapMode_; }
    const QImage& overlayImage() const { return overlay_; }
    const std::vector<qint64>& labelAreas() const { return areas_; }
    int currentRow() const { return currentRow_; }
    ImageStatus currentStatus() const;
    QString datasetDir() const { return datasetDir_; }
    QStringList neighbourPaths() const;  // the next and previous image, unless unreadable

    // Applied by the commands' redo()/undo() only; users call commands()->setOverlapMode().
    void applyOverlapMode(OverlapMode mode);
    // A brush edit of the image at `path` was applied (by a command): status, journal, overlay.
    void editsApplied(const QString& path);
    void showMessage(const QString& text, int timeoutMs) { emit message(text, timeoutMs); }

    // Wired to the SegmentationController's signals.
    void onSegmented(const SegmentationOutcome& outcome);
    void onSegmentFailed(quint64 id, const QString& imagePath, const QString& message);
    void onModelLoaded();
    void onBusyChanged(bool busy);

signals:
    void datasetOpened(const QString& recentEntry);  // the folder, or the single image opened
    void labelsLoaded();
    void currentRowChanged(int row);
    void imageLoading(const QString& path);        // decoding under way: nothing to show yet
    void imageOpened(const QImage& image);         // the canvas shows this image
    void imageClosed(const QString& placeholder);  // the canvas shows no image (and this text)
    void imageShown(const QString& path);          // the current image is on screen (or unreadable)
    void overlayChanged();
    void currentChanged();  // the current image or dataset: the window title
    void overlapModeChanged(pm::ui::OverlapMode mode);
    void autosaveChanged(bool on);
    void segmentationTimings(const pm::ui::SegmentationOutcome& outcome);
    void annotationSaved(const QString& imagePath, const QString& file);
    void notice(pm::ui::NoticeKind kind, const QString& text, const QString& action,
                pm::ui::NoticeTopic topic);
    // `onlyError`: hide the banner only while it shows an error about `topic` (a warning stays).
    void noticeDismissed(pm::ui::NoticeTopic topic, bool onlyError = false);
    void message(const QString& text, int timeoutMs);

private:
    void openDataset(const std::function<int()>& listImages, const QString& recentEntry);
    void loadProject();
    void offerRecovery();
    void showSavedAnnotation(int row);
    void showImage(int row, const DecodedImage& decoded);  // the rest of goToImage, once decoded
    void onLabelsChanged();
    void onUndoIndexChanged();
    void markCurrent(ImageStatus status);
    void updateOverlay();
    void prefetchNeighbours();

    SegmentationPort* segmentation_;
    QUndoStack* undo_;
    ImageListModel* images_;
    LabelListModel* labels_;
    EditJournal* journal_;
    std::unique_ptr<DecodedImageCache> decodedImages_;
    std::unique_ptr<DocumentCommands> commands_;
    ImageSession session_;
    QString datasetDir_;
    int currentRow_ = -1;
    OverlapMode overlapMode_ = OverlapMode::Exclusive;
    bool autosave_ = false;
    bool autoSegment_ = true;
    InstanceOptions instanceOptions_;
    bool loadingProject_ = false;
    bool savedOnDisk_ = false;    // the current image had a readable saved annotation
    bool strokeChanged_ = false;  // the undo stack's last change was a brush stroke
    std::function<bool(const QString&)> isAutoResult_;
    QImage overlay_;
    std::vector<qint64> areas_;
    QTimer saveTimer_;
    QHash<QString, QString> inFlight_;  // label id -> signature of the request running for this image
    quint64 inFlightId_ = 0;
};

}  // namespace pm::ui
