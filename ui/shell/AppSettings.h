#pragma once

#include <QSettings>
#include <QStringList>

namespace pm::ui {

// The export dialog's last choices (not the destination, which follows the dataset).
struct ExportChoices {
    QString format = QStringLiteral("coco");  // "coco", "masks" or "labelme"
    int segmentation = 0;                     // pm::SegmentationMode as int
    bool embedImages = false;
    bool simplifyOutlines = false;
};

// Typed access to the user's settings (QSettings, organisation/application names set by main()).
// Tests switch QStandardPaths to test mode so that they never touch the user's real settings.
class AppSettings {
public:
    QString modelPath() const;
    void setModelPath(const QString& path);

    QStringList recentDatasets() const;  // most recent first
    void addRecentDataset(const QString& path);

    bool autoSegment() const;  // segment an image with all visible labels as soon as it opens
    void setAutoSegment(bool on);

    bool recursive() const;  // include subfolders when opening a folder
    void setRecursive(bool on);

    // Leaving an image whose masks the user changed (status "edited") saves its annotation.
    bool autosave() const;
    void setAutosave(bool on);

    // Saved annotations: one instance per label instead of one per connected component.
    bool instancePerLabel() const;
    void setInstancePerLabel(bool on);

    // Saved annotations: components and holes smaller than this many pixels are dropped / filled.
    int minArea() const;
    void setMinArea(int pixels);

    // Brush and eraser radius in image pixels (0 = one pixel).
    int brushRadius() const;
    void setBrushRadius(int pixels);

    ExportChoices exportChoices() const;
    void setExportChoices(const ExportChoices& choices);

    static constexpr int kMaxRecent = 10;
    static constexpr int kDefaultMinArea = 32;
    static constexpr int kDefaultBrushRadius = 8;

private:
    QSettings settings_;
};

}  // namespace pm::ui
