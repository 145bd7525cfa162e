#pragma once

#include <QCoreApplication>
#include <QSize>
#include <QString>
#include <QStringList>

#include "annotation/Dataset.h"

namespace pm::ui {

// The annotation saved beside an image: "<folder>/<stem>.json" in labelme's format and naming, so
// labelme opens the image with our masks and we open what labelme saved. Reading and writing go
// through pm::LabelmeFormat (atomic writes). Stateless; each call touches one file, so the GUI thread
// calls it directly (a few milliseconds). Thread-safe.
class AnnotationFile {
    Q_DECLARE_TR_FUNCTIONS(AnnotationFile)

public:
    enum class State {
        Missing,     // no file beside the image
        Loaded,      // read; `instances` is the annotation
        Unreadable,  // a file is there but it is not a usable labelme annotation of this image
        OtherImage,  // a labelme file of another image with the same stem ("cat.jpg" vs "cat.png")
    };

    struct LoadResult {
        State state = State::Missing;
        std::vector<pm::Instance> instances;
        QString file;
        QString message;       // why it is Unreadable / OtherImage, naming the file
        QStringList warnings;  // skipped shapes and the like; the rest was read
    };

    struct SaveResult {
        QString file;
        QString backup;  // "<file>.bak" when an unreadable file was kept before it was replaced
        int shapes = 0;
    };

    // "<folder>/<stem>.json" for "<folder>/<stem>.<ext>", by labelme's rule (Python's splitext):
    // leading dots belong to the name, so ".png" has no extension and its file is ".png.json".
    // Works on relative and absolute paths alike; the one place this rule is written.
    static QString pathFor(const QString& imagePath);
    static bool exists(const QString& imagePath);

    // Reads the annotation of `imagePath`, whose (EXIF-oriented) size is `imageSize`; a file made
    // for another size is Unreadable.
    static LoadResult load(const QString& imagePath, const QSize& imageSize);

    // Writes `instances` as the annotation of `imagePath`. A file there that load() could not use is
    // first copied to "<file>.bak"; a file of another image with the same stem is never replaced.
    // Throws pm::Error (Io or Input) with a message naming the file.
    static SaveResult save(const QString& imagePath, const QSize& imageSize,
                           const std::vector<pm::Instance>& instances);
};

}  // namespace pm::ui
