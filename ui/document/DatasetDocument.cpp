#include "document/DatasetDocument.h"

#include <QDir>
#include <QFileInfo>
#include <QUndoStack>
#include <algorithm>
#include <utility>

#include "commands/DocumentCommands.h"
#include "document/AnnotationFile.h"
#include "document/EditJournal.h"
#include "document/ImageListModel.h"
#include "document/LabelListModel.h"
#include "document/ProjectStore.h"
#include "document/SegmentationPort.h"
#include "inference/DecodedImageCache.h"
#include "util/AtomicFile.h"
#include "util/Error.h"
#include "util/LatencyTrace.h"

namespace pm::ui {

DatasetDocument::DatasetDocument(SegmentationPort* segmentation, QObject* parent)
    : QObject(parent),
      segmentation_(segmentation),
      undo_(new QUndoStack(this)),
      images_(new ImageListModel(this)),
      labels_(new LabelListModel(this)),
      journal_(new EditJournal(session_, *images_, this)),
      decodedImages_(std::make_unique<DecodedImageCache>()),
      commands_(std::make_unique<DocumentCommands>(*this)) {
    saveTimer_.setSingleShot(true);
    saveTimer_.setInterval(400);  // debounce: one write per burst of edits
    connect(&saveTimer_, &QTimer::timeout, this, &DatasetDocument::saveLabels);
    connect(labels_, &LabelListModel::labelsChanged, this, &DatasetDocument::onLabelsChanged);
    connect(undo_, &QUndoStack::indexChanged, this, &DatasetDocument::onUndoIndexChanged);
}

DatasetDocument::~DatasetDocument() {
    if (saveTimer_.isActive()) {
        saveLabels();
    }
    // ~QObject deletes the undo stack after our members are gone, and its clear() emits indexChanged:
    // our slot would then run on a destroyed document (UBSan found it in the asan preset).
    undo_->disconnect(this);
}

ImageStatus DatasetDocument::currentStatus() const {
    return currentRow_ >= 0 ? images_->status(currentRow_) : ImageStatus::New;
}

bool DatasetDocument::openFolder(const QString& dir, bool recursive) {
    if (!QFileInfo(dir).isDir()) {
        emit notice(NoticeKind::Error, tr("Folder not found: %1").arg(dir.toHtmlEscaped()), {},
                    NoticeTopic::General);
        return false;
    }
    openDataset([&] { return images_->openFolder(dir, recursive); }, QString());
    return true;
}

bool DatasetDocument::openImage(const QString& path) {
    if (!QFileInfo(path).isFile()) {
        emit notice(NoticeKind::Error, tr("Image not found: %1").arg(path.toHtmlEscaped()), {},
                    NoticeTopic::General);
        return false;
    }
    openDataset(
        [&] {
            images_->openImage(path);
            return 1;
        },
        QFileInfo(path).absoluteFilePath());
    return true;
}

void DatasetDocument::openDataset(const std::function<int()>& listImages, const QString& recentEntry) {
    leaveCurrent();
    journal_->flush();  // while the old dataset's images are still listed
    saveLabels();
    // Before the list changes: nothing may mark rows of the new list on behalf of the old image.
    currentRow_ = -1;
    session_.reset();
    const int count = listImages();
    datasetDir_ = images_->rootDir();
    emit datasetOpened(recentEntry.isEmpty() ? datasetDir_ : recentEntry);
    loadProject();
    offerRecovery();
    emit imageClosed({});
    if (count == 0) {
        emit message(tr("No images in %1").arg(QDir::toNativeSeparators(datasetDir_)), 5000);
    } else {
        goToImage(0);
    }
    emit currentChanged();
}

void DatasetDocument::loadProject() {
    loadingProject_ = true;
    undo_->clear();
    try {
        const ProjectData data = ProjectStore::load(datasetDir_);
        labels_->setLabels(data.labels);
        applyOverlapMode(data.overlapMode);
    } catch (const pm::Error& e) {
        // Keep the unreadable file: it is backed up before our first save replaces it.
        pm::AtomicFile::backup(ProjectStore::labelsPath(datasetDir_).toStdString());
        labels_->setLabels({});
        emit notice(NoticeKind::Warning,
                    tr("The saved labels could not be read (a backup was kept as labels.json.bak): %1")
                        .arg(QString::fromStdString(e.what()).toHtmlEscaped()),
                    {}, NoticeTopic::Labels);
    }
    loadingProject_ = false;
    emit labelsLoaded();
}

void DatasetDocument::saveLabels() {
    saveTimer_.stop();
    if (datasetDir_.isEmpty()) {
        return;
    }
    if (labels_->rowCount() == 0 && !QFileInfo::exists(ProjectStore::labelsPath(datasetDir_))) {
        return;  // nothing to save and nothing to update: leave the dataset folder untouched
    }
    try {
        ProjectStore::save(datasetDir_, ProjectData{labels_->labels(), overlapMode_});
        emit noticeDismissed(NoticeTopic::Labels, true);  // a failed save's banner; a warning stays
    } catch (const pm::Error& e) {
        emit notice(NoticeKind::Error,
                    tr("Labels could not be saved: %1 The labels are kept in this window; free some "
                       "space or fix the folder, then retry.")
                        .arg(QString::fromStdString(e.what()).toHtmlEscaped()),
                    tr("Retry"), NoticeTopic::Labels);
    }
}

void DatasetDocument::close() {
    saveLabels();
    journal_->discard();
}

void DatasetDocument::goToImage(int row) {
    if (row < 0 || row >= images_->rowCount() || row == currentRow_) {
        return;
    }
    leaveCurrent();
    currentRow_ = row;
    savedOnDisk_ = false;
    emit currentRowChanged(row);
    emit noticeDismissed(NoticeTopic::Annotation);  // it spoke about the previous image's file
    const QString path = images_->absolutePath(row);
    overlay_ = QImage();
    areas_.clear();
    inFlight_.clear();
    // Prefetched when stepping through; a decode still under way arrives later, the GUI never waits.
    const std::optional<DecodedImage> decoded =
        decodedImages_->image(path, this, [this, row, path](const DecodedImage& later) {
            if (currentRow_ == row && session_.path() == path && !session_.isOpen()) {
                showImage(row, later);
            }
        });
    if (decoded) {
        showImage(row, *decoded);
        return;
    }
    session_.reset(path);
    emit imageLoading(path);
    emit currentChanged();
}

void DatasetDocument::showImage(int row, const DecodedImage& decoded) {
    const QString path = images_->absolutePath(row);
    const QImage& image = decoded.image;
    if (image.isNull()) {
        session_.reset(path);
        emit imageClosed(tr("This image cannot be read."));
        emit notice(NoticeKind::Error,
                    tr("Cannot read %1: %2")
                        .arg(QDir::toNativeSeparators(path).toHtmlEscaped(), decoded.error.toHtmlEscaped()),
                    {}, NoticeTopic::Image);
        images_->setStatus(row, ImageStatus::Error);
        emit currentChanged();
        emit imageShown(path);
        return;
    }
    emit noticeDismissed(NoticeTopic::Image);  // an error about the previous image
    session_.reset(path, image);
    showSavedAnnotation(row);
    emit imageOpened(image);
    updateOverlay();
    emit currentChanged();
    emit imageShown(path);
    if (autoSegment_ && !session_.showingSaved()) {
        segmentCurrent();
    }
    if (!segmentation_->isBusy()) {
        prefetchNeighbours();
    }
    decodedImages_->prefetch(neighbourPaths());
}

void DatasetDocument::segmentCurrent() {
    if (!session_.isOpen() || !segmentation_->hasModel() || session_.showingSaved()) {
        return;  // a saved annotation is shown as saved until the user re-segments
    }
    const QVector<LabelDefinition> stale = session_.stale(labels_->labels());
    // Nothing new when the request in flight already covers every stale label. Otherwise the new request
    // carries all stale labels, as it supersedes (cancels) the one in flight.
    const bool covered = std::all_of(stale.begin(), stale.end(), [this](const LabelDefinition& l) {
        return inFlight_.value(l.id) == l.signature();
    });
    if (stale.isEmpty() || covered) {
        return;
    }
    inFlight_.clear();
    for (const LabelDefinition& l : stale) {
        inFlight_.insert(l.id, l.signature());
    }
    const int64_t askedAt = LatencyTrace::enabled() ? LatencyTrace::now() : 0;
    inFlightId_ = segmentation_->segment(session_.path(), stale);
    LatencyTrace::request(inFlightId_, askedAt);
}

QStringList DatasetDocument::neighbourPaths() const {
    QStringList paths;
    for (const int row : {currentRow_ + 1, currentRow_ - 1}) {
        if (row >= 0 && row < images_->rowCount() && images_->status(row) != ImageStatus::Error) {
            paths << images_->absolutePath(row);
        }
    }
    return paths;
}

void DatasetDocument::prefetchNeighbours() {
    if (!segmentation_->hasModel() || currentRow_ < 0) {
        return;
    }
    segmentation_->prefetch(neighbourPaths());
}

void DatasetDocument::onModelLoaded() {
    emit currentChanged();
    if (session_.isOpen() && autoSegment_) {
        segmentCurrent();
    }
}

void DatasetDocument::onBusyChanged(bool busy) {
    if (!busy) {
        prefetchNeighbours();
    }
}

void DatasetDocument::onLabelsChanged() {
    if (!loadingProject_) {
        saveTimer_.start();
    }
    updateOverlay();
    // Prompt edits need the model; threshold, colour and visibility edits were just rendered from cache.
    if (segmentation_->hasModel() && session_.isOpen() && !session_.stale(labels_->labels()).isEmpty()) {
        segmentCurrent();
    }
}

void DatasetDocument::onUndoIndexChanged() {
    // A brush stroke marks its own image (editsApplied), which need not be the one shown.
    if (std::exchange(strokeChanged_, false)) {
        return;
    }
    // A saved annotation on screen does not change with label edits; model masks do, and then
    // they differ from what the model gave (auto) or from what was saved (done).
    if (currentRow_ < 0 || session_.showingSaved()) {
        return;
    }
    const ImageStatus status = images_->status(currentRow_);
    if (status == ImageStatus::Auto || status == ImageStatus::Done) {
        markCurrent(ImageStatus::Edited);
    }
}

void DatasetDocument::onSegmented(const SegmentationOutcome& outcome) {
    if (outcome.requestId == inFlightId_) {
        inFlight_.clear();
    }
    if (outcome.imagePath != session_.path() || session_.showingSaved() || !session_.isOpen()) {
        return;  // stale: the user moved on (or a saved annotation is shown instead)
    }
    if (outcome.imageSize != session_.image().size()) {
        // The viewer (QImageReader) and the model (core/image) read the file differently: masks of
        // one size cannot go on an image of the other, and dropping them silently hides why.
        emit notice(NoticeKind::Error,
                    tr("%1 cannot be segmented: the model reads it as %2×%3 pixels, the viewer as "
                       "%4×%5 (an EXIF orientation or image format the two readers disagree on). "
                       "Save it again as PNG to label it.")
                        .arg(QDir::toNativeSeparators(outcome.imagePath).toHtmlEscaped())
                        .arg(outcome.imageSize.width())
                        .arg(outcome.imageSize.height())
                        .arg(session_.image().width())
                        .arg(session_.image().height()),
                    {}, NoticeTopic::Image);
        markCurrent(ImageStatus::Error);
        return;
    }
    if (session_.store(outcome, labels_->labels()) == 0) {
        return;  // every label it was computed for has changed since
    }
    emit segmentationTimings(outcome);
    if (!outcome.warnings.isEmpty()) {
        emit message(outcome.warnings.join(QStringLiteral("; ")), 10000);
    }
    const ImageStatus status = images_->status(currentRow_);
    if (status == ImageStatus::New || status == ImageStatus::Error) {
        markCurrent(ImageStatus::Auto);
    }
    updateOverlay();  // the canvas takes the overlay synchronously (direct connection)
    LatencyTrace::result(outcome.requestId);
}

void DatasetDocument::onSegmentFailed(quint64 id, const QString& imagePath, const QString& message) {
    if (id == inFlightId_) {
        inFlight_.clear();
    }
    if (imagePath != session_.path()) {
        return;
    }
    emit notice(NoticeKind::Error, tr("Segmentation failed: %1").arg(message.toHtmlEscaped()), {},
                NoticeTopic::Image);
    markCurrent(ImageStatus::Error);
}

void DatasetDocument::markCurrent(ImageStatus status) {
    if (currentRow_ >= 0) {
        images_->setStatus(currentRow_, status);
    }
}

void DatasetDocument::updateOverlay() {
    if (session_.isOpen()) {
        overlay_ = session_.renderOverlay(labels_->labels(), overlapMode_, &areas_);
    }
    emit overlayChanged();
}

void DatasetDocument::applyOverlapMode(OverlapMode mode) {
    if (mode == overlapMode_) {
        return;
    }
    overlapMode_ = mode;
    if (!loadingProject_) {
        saveTimer_.start();
    }
    emit overlapModeChanged(mode);
    updateOverlay();
}

void DatasetDocument::setAutosave(bool on) {
    if (on != autosave_) {
        autosave_ = on;
        emit autosaveChanged(on);
    }
}

void DatasetDocument::editsApplied(const QString& imagePath) {
    strokeChanged_ = true;
    journal_->touch();
    const int row = images_->rowOf(imagePath);
    if (row >= 0 && images_->status(row) != ImageStatus::Error) {
        images_->setStatus(row, ImageStatus::Edited);
    }
    if (imagePath == session_.path()) {
        updateOverlay();
    } else {
        emit message(
            tr("Changed the brush edits of %1 (not the image shown).").arg(QFileInfo(imagePath).fileName()),
            6000);
    }
}

QStringList DatasetDocument::unsavedPaintedImages() const {
    QStringList names;
    for (const QString& path : session_.editedPaths()) {
        const int row = images_->rowOf(path);
        if (row >= 0 && images_->status(row) == ImageStatus::Edited) {
            names << QFileInfo(path).fileName();
        }
    }
    names.sort();
    return names;
}

namespace {

QString shownName(const QString& path) {
    return QDir::toNativeSeparators(QFileInfo(path).fileName());
}

// Counted nouns, spelled out (no "(s)"): each form is its own translatable string.
QString instancesText(int n) {
    return n == 1 ? DatasetDocument::tr("1 instance") : DatasetDocument::tr("%1 instances").arg(n);
}

}  // namespace

void DatasetDocument::showSavedAnnotation(int row) {
    AnnotationFile::LoadResult saved = AnnotationFile::load(session_.path(), session_.image().size());
    switch (saved.state) {
        case AnnotationFile::State::Loaded: {
            const int count = static_cast<int>(saved.instances.size());
            session_.showSaved(std::move(saved.instances));
            savedOnDisk_ = true;
            images_->setStatus(
                row, isAutoResult_ && isAutoResult_(session_.path()) ? ImageStatus::Auto : ImageStatus::Done);
            QString text = tr("Showing the saved annotation %1 (%2); press R to re-segment.")
                               .arg(shownName(saved.file), instancesText(count));
            if (!saved.warnings.isEmpty()) {
                text += QLatin1Char(' ') + tr("Skipped: %1").arg(saved.warnings.join(QStringLiteral("; ")));
            }
            const QStringList unknown = session_.unknownSavedLabels(labels_->labels());
            if (!unknown.isEmpty()) {
                text += QLatin1Char(' ') + tr("Labels not in the label list are shown in grey: %1.")
                                               .arg(unknown.join(QStringLiteral(", ")));
            }
            emit message(text, 10000);
            return;
        }
        case AnnotationFile::State::Unreadable:
            emit notice(NoticeKind::Warning,
                        tr("%1 The image is segmented as if it had no annotation; saving it keeps the "
                           "old file as <b>%2.bak</b>.")
                            .arg(saved.message.toHtmlEscaped(), shownName(saved.file).toHtmlEscaped()),
                        {}, NoticeTopic::Annotation);
            break;
        case AnnotationFile::State::OtherImage:
            emit notice(NoticeKind::Warning, saved.message.toHtmlEscaped(), {}, NoticeTopic::Annotation);
            break;
        case AnnotationFile::State::Missing:
            break;
    }
    if (images_->status(row) == ImageStatus::Done) {
        images_->setStatus(row, ImageStatus::New);  // listed as done, but nothing usable is saved
    }
}

bool DatasetDocument::saveAnnotation(bool automatic) {
    if (!session_.isOpen() || currentRow_ < 0) {
        emit message(tr("Nothing to save: no image is open."), 5000);
        return false;
    }
    const QString name = shownName(session_.path());
    const bool painted = session_.hasEdits(session_.path());
    if (session_.showingSaved() && (!painted || images_->status(currentRow_) != ImageStatus::Edited)) {
        markCurrent(ImageStatus::Done);
        emit message(tr("%1 is saved already (its saved annotation is shown).").arg(name), 5000);
        return true;
    }
    const QVector<LabelDefinition>& labels = labels_->labels();
    // A saved annotation with brush edits on top is complete as it is; model masks must be up to date.
    const QVector<LabelDefinition> pending =
        session_.showingSaved() ? QVector<LabelDefinition>{} : session_.stale(labels);
    if (!pending.isEmpty()) {
        QStringList names;
        for (const LabelDefinition& l : pending) {
            names << l.name;
        }
        emit message(
            (automatic ? tr("%1 was not saved automatically: %2 not segmented yet.")
                       : tr("%1 is not saved: %2 not segmented yet. Wait for the model, or hide the label."))
                .arg(name, names.join(QStringLiteral(", "))),
            10000);
        return false;
    }
    std::vector<pm::Instance> instances =
        AnnotationBuilder::build(labels, session_.labelMasks(labels, overlapMode_), instanceOptions_,
                                 segmentation_->modelInfo(), datasetDir_);
    if (session_.showingSaved()) {
        // Saved instances of labels that are not in the list cannot have been edited: keep them as saved.
        const QStringList unknown = session_.unknownSavedLabels(labels);
        for (const pm::Instance& instance : session_.savedInstances()) {
            if (unknown.contains(QString::fromStdString(instance.label))) {
                instances.push_back(instance);
            }
        }
    }
    try {
        const AnnotationFile::SaveResult result =
            AnnotationFile::save(session_.path(), session_.image().size(), instances);
        savedOnDisk_ = true;
        markCurrent(ImageStatus::Done);
        QString text = (automatic ? tr("Saved automatically: %1 (%2).") : tr("Saved %1 (%2)."))
                           .arg(shownName(result.file), instancesText(result.shapes));
        if (!result.backup.isEmpty()) {
            text += QLatin1Char(' ') +
                    tr("The old file could not be read and was kept as %1.").arg(shownName(result.backup));
        }
        emit message(text, 8000);
        emit noticeDismissed(NoticeTopic::Annotation);
        journal_->touch();  // the saved image leaves the journal
        emit annotationSaved(session_.path(), result.file);
        return true;
    } catch (const pm::Error& e) {
        // The edits stay in memory (the image stays Edited); the file on disk is still the old one.
        emit notice(NoticeKind::Error,
                    tr("%1 could not be saved: %2 Your edits are kept in this window; free some "
                       "space or fix the folder, then retry.")
                        .arg(name.toHtmlEscaped(), QString::fromStdString(e.what()).toHtmlEscaped()),
                    tr("Retry"), NoticeTopic::Annotation);
        return false;
    }
}

void DatasetDocument::leaveCurrent() {
    if (currentRow_ < 0 || !session_.isOpen()) {
        return;
    }
    const ImageStatus status = images_->status(currentRow_);
    if (status == ImageStatus::Edited && autosave_ && saveAnnotation(true)) {
        return;
    }
    // Not written now, but a file from before is what the image shows next time.
    if (savedOnDisk_ && status != ImageStatus::Done && status != ImageStatus::Error &&
        !(status == ImageStatus::Auto && isAutoResult_ && isAutoResult_(session_.path()))) {
        markCurrent(ImageStatus::Done);
    }
}

void DatasetDocument::resegmentCurrent() {
    if (!session_.isOpen()) {
        return;
    }
    if (session_.showingSaved()) {
        session_.clearSaved();
        // Until saved, what is shown is the model's: the file stays as it is (R alone never replaces it).
        markCurrent(ImageStatus::New);
        emit message(tr("Re-segmenting: the saved file is kept until you save (Ctrl+S) or change something."),
                     8000);
        updateOverlay();
    }
    if (!segmentation_->hasModel()) {
        emit message(tr("No model loaded: open one with File → Open Model…"), 8000);
        return;
    }
    segmentCurrent();
}

void DatasetDocument::offerRecovery() {
    const QStringList names = journal_->open(datasetDir_);
    if (names.isEmpty()) {
        return;
    }
    emit notice(NoticeKind::Warning,
                tr("Unsaved brush edits from a session that did not end normally were found for "
                   "%n image(s): %1.",
                   nullptr, static_cast<int>(names.size()))
                    .arg(names.join(QStringLiteral(", ")).toHtmlEscaped()),
                tr("&Restore"), NoticeTopic::Recovery);
}

void DatasetDocument::restoreJournal() {
    const QStringList paths = journal_->restore();
    for (const QString& path : paths) {
        editsApplied(path);  // marks the image Edited and redraws it when it is on screen
    }
    emit noticeDismissed(NoticeTopic::Recovery);
    emit message(
        tr("Restored the unsaved brush edits of %n image(s).", nullptr, static_cast<int>(paths.size())),
        8000);
}

}  // namespace pm::ui
