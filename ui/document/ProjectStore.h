#pragma once

#include <QString>
#include <QVector>

#include "document/LabelDefinition.h"
#include "document/OverlapMode.h"

namespace pm::ui {

// What is saved with a dataset: its labels (with prompts and exemplars) and the overlap mode.
struct ProjectData {
    QVector<LabelDefinition> labels;
    OverlapMode overlapMode = OverlapMode::Exclusive;
};

// Reads and writes `<dataset>/.promptmask/labels.json` through pm::LabelSet, the one schema and parser
// the CLI shares (docs/LABELS.md). Exemplar image paths are stored relative to the dataset folder when
// they lie inside it, so a dataset can be moved. Writes are atomic.
class ProjectStore {
public:
    static QString labelsPath(const QString& datasetDir);

    // Returns empty data when the file does not exist. Throws pm::Error(Input) naming the file when it
    // exists but cannot be parsed (the caller keeps a backup before overwriting it). Labels without an
    // id get a new one; an invalid colour becomes the palette's.
    static ProjectData load(const QString& datasetDir);

    // Throws pm::Error(Io) naming the file when it cannot be written.
    static void save(const QString& datasetDir, const ProjectData& data);

    // A small thumbnail of `box` in `imagePath` (EXIF-oriented); null when the image is unreadable.
    static QImage exemplarThumbnail(const QString& imagePath, const QRect& box, int size = 64);

    static QByteArray toJson(const QString& datasetDir, const ProjectData& data);
    static ProjectData fromJson(const QString& datasetDir, const QByteArray& json);
};

}  // namespace pm::ui
