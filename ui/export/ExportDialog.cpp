#include "export/ExportDialog.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>
#include <algorithm>

namespace pm::ui {

namespace {
// What the format writes and which options it reads, as it declares them.
pm::FormatCapabilities capabilitiesOf(const QString& format) {
    const auto f = pm::AnnotationFormat::create(format.toStdString());
    return f ? f->capabilities() : pm::FormatCapabilities{};
}
}  // namespace

ExportDialog::ExportDialog(const QString& datasetDir, int savedImages, int totalImages, QWidget* parent)
    : QDialog(parent),
      datasetDir_(datasetDir),
      formats_(new QButtonGroup(this)),
      coco_(new QRadioButton(tr("&COCO instance segmentation (one JSON file)"))),
      masks_(new QRadioButton(tr("&PNG masks (folder: label-index PNG per image, binary mask per label)"))),
      labelme_(new QRadioButton(tr("&labelme (folder: one JSON file per image)"))),
      output_(new QLineEdit),
      segmentation_(new QComboBox),
      embed_(new QCheckBox(tr("Embed the &images in the JSON files (imageData)"))),
      simplify_(new QCheckBox(tr("&Simplify outlines: far fewer vertices on big shapes, about 1 % IoU"))),
      problem_(new QLabel),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Cancel)),
      export_(buttons_->addButton(tr("&Export"), QDialogButtonBox::AcceptRole)),
      savedImages_(savedImages) {
    setObjectName(QStringLiteral("ExportDialog"));
    setWindowTitle(tr("Export Dataset"));
    auto* layout = new QVBoxLayout(this);

    auto* intro =
        new QLabel(savedImages == totalImages
                       ? tr("All %1 images of <b>%2</b> have a saved annotation.")
                             .arg(totalImages)
                             .arg(QDir(datasetDir).dirName().toHtmlEscaped())
                       : tr("%1 of %2 images of <b>%3</b> have a saved annotation; only those are exported. "
                            "Save an image with <i>Ctrl+S</i> or <i>Ctrl+Enter</i>.")
                             .arg(savedImages)
                             .arg(totalImages)
                             .arg(QDir(datasetDir).dirName().toHtmlEscaped()));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* formatBox = new QGroupBox(tr("Format"));
    auto* formatLayout = new QVBoxLayout(formatBox);
    coco_->setObjectName(QStringLiteral("coco"));
    masks_->setObjectName(QStringLiteral("masks"));
    labelme_->setObjectName(QStringLiteral("labelme"));
    for (QRadioButton* b : {coco_, masks_, labelme_}) {
        formats_->addButton(b);
        formatLayout->addWidget(b);
    }
    coco_->setChecked(true);
    layout->addWidget(formatBox);

    auto* form = new QFormLayout;
    auto* outputRow = new QHBoxLayout;
    output_->setObjectName(QStringLiteral("output"));
    output_->setMinimumWidth(380);
    auto* browse = new QPushButton(tr("&Browse…"));
    outputRow->addWidget(output_, 1);
    outputRow->addWidget(browse);
    auto* outputLabel = new QLabel(tr("Save &to:"));
    outputLabel->setBuddy(output_);  // a layout row gets no buddy by itself
    form->addRow(outputLabel, outputRow);
    segmentation_->addItem(tr("Polygons, RLE for masks with holes"),
                           static_cast<int>(SegmentationMode::Auto));
    segmentation_->addItem(tr("Polygons"), static_cast<int>(SegmentationMode::Polygons));
    segmentation_->addItem(tr("RLE (exact masks)"), static_cast<int>(SegmentationMode::Rle));
    form->addRow(tr("&Masks as:"), segmentation_);
    form->addRow(QString(), embed_);
    simplify_->setObjectName(QStringLiteral("simplify"));
    simplify_->setToolTip(
        tr("Polygons follow the pixel staircase of a mask by default (a round shape of "
           "200 px gets ~290 vertices). Simplified, each outline may deviate by 1 % of "
           "its width: a circle keeps ~30 vertices, a rectangle its 4 corners."));
    form->addRow(QString(), simplify_);
    layout->addLayout(form);

    problem_->setWordWrap(true);
    problem_->setStyleSheet(QStringLiteral("color: #b00020"));
    layout->addWidget(problem_);
    layout->addStretch(1);

    export_->setDefault(true);
    layout->addWidget(buttons_);

    connect(formats_, &QButtonGroup::buttonToggled, this, [this](QAbstractButton*, bool on) {
        if (on) {
            onFormatChanged();
        }
    });
    connect(output_, &QLineEdit::textEdited, this, [this] { outputEdited_ = true; });
    connect(output_, &QLineEdit::textChanged, this, &ExportDialog::validate);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    onFormatChanged();
}

QString ExportDialog::defaultOutput(const QString& datasetDir, const QString& format) {
    const QDir dir(datasetDir);
    const QString name = dir.dirName().isEmpty() ? QStringLiteral("dataset") : dir.dirName();
    const QString parent = QFileInfo(dir.absolutePath()).absolutePath();
    return QDir(parent).filePath(name + QLatin1Char('-') + format +
                                 QString::fromStdString(capabilitiesOf(format).fileSuffix));
}

QString ExportDialog::format() const {
    if (masks_->isChecked()) {
        return QStringLiteral("masks");
    }
    if (labelme_->isChecked()) {
        return QStringLiteral("labelme");
    }
    return QStringLiteral("coco");
}

void ExportDialog::setFormat(const QString& format) {
    (format == QLatin1String("masks")     ? masks_
     : format == QLatin1String("labelme") ? labelme_
                                          : coco_)
        ->setChecked(true);
}

QString ExportDialog::outputPath() const {
    return output_->text().trimmed();
}

void ExportDialog::setOutputPath(const QString& path) {
    output_->setText(path);
    outputEdited_ = true;
}

ExportChoices ExportDialog::choices() const {
    ExportChoices c;
    c.format = format();
    c.segmentation = segmentation_->currentData().toInt();
    c.embedImages = embed_->isChecked();
    c.simplifyOutlines = simplify_->isChecked();
    return c;
}

void ExportDialog::setChoices(const ExportChoices& choices) {
    setFormat(choices.format);
    const int index = segmentation_->findData(choices.segmentation);
    segmentation_->setCurrentIndex(std::max(index, 0));
    embed_->setChecked(choices.embedImages);
    simplify_->setChecked(choices.simplifyOutlines);
}

pm::WriteOptions ExportDialog::writeOptions() const {
    pm::WriteOptions options;
    options.segmentation = static_cast<SegmentationMode>(segmentation_->currentData().toInt());
    options.embedImageData = capabilitiesOf(format()).embedsImages && embed_->isChecked();
    if (simplify_->isEnabled() && simplify_->isChecked()) {
        options.polygons.relativeTolerance = kSimplifiedOutline;
    }
    return options;
}

void ExportDialog::onFormatChanged() {
    const QString f = format();
    if (!outputEdited_) {
        output_->setText(QDir::toNativeSeparators(defaultOutput(datasetDir_, f)));
    }
    const pm::FormatCapabilities caps = capabilitiesOf(f);
    segmentation_->setEnabled(caps.segmentationModes);
    embed_->setEnabled(caps.embedsImages);
    simplify_->setEnabled(caps.outlines);  // PNG masks have no outlines
    validate();
}

void ExportDialog::browse() {
    QString path;
    const pm::FormatCapabilities caps = capabilitiesOf(format());
    if (!caps.writesFolder) {
        path = QFileDialog::getSaveFileName(this, tr("Export COCO File"), outputPath(),
                                            QString::fromStdString(caps.nameFilter));
    } else {
        path = QFileDialog::getExistingDirectory(this, tr("Export to Folder"), outputPath());
    }
    if (!path.isEmpty()) {
        setOutputPath(QDir::toNativeSeparators(path));
    }
}

void ExportDialog::validate() {
    // Writing into the dataset folder itself would mix exports with the saved annotations (labelme)
    // or add images to the dataset (PNG masks).
    QString problem;
    const QString out = QDir::cleanPath(QDir::fromNativeSeparators(outputPath()));
    const QString root = QDir::cleanPath(QDir(datasetDir_).absolutePath());
    const bool folder = capabilitiesOf(format()).writesFolder;
    if (out.isEmpty()) {
        problem = tr("Choose where to save the export.");
    } else if (folder && (QDir::cleanPath(QDir(out).absolutePath()) == root ||
                          QDir(out).absolutePath().startsWith(root + QLatin1Char('/')))) {
        problem = tr("Choose a folder outside the dataset folder.");
    } else if (!folder && QFileInfo(out).isDir()) {
        problem = tr("COCO is one file: choose a file name, not a folder.");
    }
    problem_->setText(problem);
    problem_->setVisible(!problem.isEmpty());
    export_->setEnabled(problem.isEmpty() && savedImages_ > 0);
}

}  // namespace pm::ui
