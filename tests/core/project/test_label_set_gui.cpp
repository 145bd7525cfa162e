// The labels file the GUI writes (ui/ProjectStore, the real code) is what the CLI's LabelSet reads:
// same labels, prompts, exemplars (absolute paths, boxes, modes), thresholds, colours, overlap mode, and
// the same prompts asked of the model (LabelDefinition::toPrompts vs LabelSpec::effectivePrompts).
#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include "document/ProjectStore.h"
#include "project/LabelSet.h"

class TestLabelSetGui : public QObject {
    Q_OBJECT

private slots:
    void guiWrittenFileReadsIdentically() {
        QTemporaryDir tmp;
        const QString dataset = tmp.path();
        QDir(dataset).mkpath(QStringLiteral("photos"));
        pm::ui::ProjectData data;
        data.overlapMode = pm::ui::OverlapMode::Overlapping;
        pm::ui::LabelDefinition cup;
        cup.id = QStringLiteral("c0ffee01");
        cup.name = QStringLiteral("cup");
        cup.color = QColor(QStringLiteral("#e69f00"));
        cup.prompts = {QStringLiteral("a cup"), QStringLiteral(" "), QStringLiteral(" a mug ")};
        cup.threshold = 0.35;
        pm::ui::ExemplarDefinition inside;
        inside.imagePath = QDir(dataset).filePath(QStringLiteral("photos/cup 1.png"));
        inside.box = QRect(10, 20, 30, 40);
        inside.mode = pm::VisualPromptMode::Crop;
        pm::ui::ExemplarDefinition outside;  // outside the dataset: stored absolute
        outside.imagePath = QStringLiteral("/srv/exemplars/mug.jpg");
        outside.box = QRect(0, 0, 5, 6);
        cup.exemplars = {inside, outside};
        pm::ui::LabelDefinition bare;  // no prompts: the name is the prompt
        bare.id = QStringLiteral("0000beef");
        bare.name = QStringLiteral("table");
        bare.color = QColor(QStringLiteral("#56b4e9"));
        bare.visible = false;
        pm::ui::LabelDefinition placeholder;  // "label 3": no prompt at all
        placeholder.id = QStringLiteral("12345678");
        placeholder.name = pm::ui::LabelDefinition::placeholderName(3);
        placeholder.color = QColor(QStringLiteral("#009e73"));
        data.labels = {cup, bare, placeholder};
        pm::ui::ProjectStore::save(dataset, data);

        const pm::LabelSet set = pm::LabelSet::load(pm::ui::ProjectStore::labelsPath(dataset).toStdString());
        QCOMPARE(set.overlap(), pm::LabelSet::Overlap::Overlapping);
        QCOMPARE(set.labels().size(), size_t(data.labels.size()));
        for (int i = 0; i < data.labels.size(); ++i) {
            const pm::ui::LabelDefinition& gui = data.labels[i];
            const pm::LabelSpec& cli = set.labels()[size_t(i)];
            QCOMPARE(QString::fromStdString(cli.id), gui.id);
            QCOMPARE(QString::fromStdString(cli.name), gui.name);
            QCOMPARE(QColor(QString::fromStdString(cli.color)), gui.color);
            QCOMPARE(cli.threshold, gui.threshold);
            QCOMPARE(cli.visible, gui.visible);
            QCOMPARE(cli.prompts.size(), size_t(gui.prompts.size()));
            const std::vector<pm::Prompt> want = gui.toPrompts();
            const std::vector<pm::Prompt> got = cli.effectivePrompts();
            QCOMPARE(got.size(), want.size());
            for (size_t k = 0; k < want.size(); ++k) {
                QCOMPARE(got[k].describe(), want[k].describe());  // text, absolute image path, box, mode
            }
        }
        // And the GUI reads back what it wrote, so both sides agree on one file.
        const pm::ui::ProjectData back = pm::ui::ProjectStore::load(dataset);
        QCOMPARE(back.labels.size(), data.labels.size());
    }
};

QTEST_MAIN(TestLabelSetGui)
#include "test_label_set_gui.moc"
