#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace pm::ui {

// <dataset>/.promptmask/autolabel.json: the annotation files an auto-label run wrote and the label set
// they were made with. A file counts as an auto result only while its size and modification time are
// the recorded ones: once the user (or labelme) saves it again it is their work, and no run replaces
// it. A missing or unreadable record makes every saved file the user's, the safe side. GUI thread only.
class AutoLabelRecord {
public:
    static QString pathFor(const QString& datasetDir);

    // Reads the record of `datasetDir`; what cannot be read is left out.
    void load(const QString& datasetDir);
    // Writes it atomically; throws pm::Error(Io) naming the file.
    void save() const;

    QString datasetDir() const { return dir_; }
    // `imagePath` (absolute) has an annotation file that a run wrote and nobody changed since.
    bool isAuto(const QString& imagePath) const;
    // The label-set signature of that run; empty unless isAuto().
    QString labelsOf(const QString& imagePath) const;
    // Records the annotation file of `imagePath` as it is on disk now.
    void add(const QString& imagePath, const QString& labelsSignature);
    bool remove(const QString& imagePath);
    QStringList autoImages() const;  // absolute paths, in no particular order

private:
    struct Entry {
        QString labels;
        qint64 size = -1;
        qint64 modifiedMs = -1;
    };
    QString key(const QString& imagePath) const;
    bool matches(const QString& imagePath, const Entry& entry) const;

    QString dir_;
    QHash<QString, Entry> entries_;  // image path relative to dir_ -> its annotation file as written
};

}  // namespace pm::ui
