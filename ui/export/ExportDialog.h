#pragma once

#include <QDialog>

#include "annotation/AnnotationFormat.h"
#include "shell/AppSettings.h"

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace pm::ui {

// File → Export Dataset…: the format (COCO file, PNG mask folder, labelme folder), where to write
// it and the format's options. Only collects choices; DatasetExporter does the work.
class ExportDialog : public QDialog {
    Q_OBJECT
public:
    // `savedImages` of `totalImages` have a saved annotation; only those are exported.
    ExportDialog(const QString& datasetDir, int savedImages, int totalImages, QWidget* parent = nullptr);

    QString format() const;  // "coco", "masks" or "labelme"
    void setFormat(const QString& format);
    QString outputPath() const;
    void setOutputPath(const QString& path);
    pm::WriteOptions writeOptions() const;
    // The format and its options as chosen, to be offered again next time; an unknown format or
    // segmentation mode (an edited settings file) falls back to the default.
    ExportChoices choices() const;
    void setChoices(const ExportChoices& choices);
    // PolygonOptions::relativeTolerance with "Simplify outlines" checked.
    static constexpr double kSimplifiedOutline = 0.01;
    QPushButton* exportButton() const { return export_; }

    // Beside the dataset folder, never inside it: exported PNG masks must not become dataset images.
    static QString defaultOutput(const QString& datasetDir, const QString& format);

private:
    void onFormatChanged();
    void browse();
    void validate();

    QString datasetDir_;
    QButtonGroup* formats_;
    QRadioButton* coco_;
    QRadioButton* masks_;
    QRadioButton* labelme_;
    QLineEdit* output_;
    QComboBox* segmentation_;
    QCheckBox* embed_;
    QCheckBox* simplify_;
    QLabel* problem_;
    QDialogButtonBox* buttons_;
    QPushButton* export_;
    int savedImages_;
    bool outputEdited_ = false;
};

}  // namespace pm::ui
