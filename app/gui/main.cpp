// promptmask: the desktop application. Parses the command line, installs translators, injects the real
// TorchScript segmenter into the window and opens what it was given; all logic lives in ui/ and core/.
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>

#include "inference/ModelLocator.h"
#include "model/SegmenterFactory.h"
#include "settings/LanguageChoice.h"
#include "shell/AppSettings.h"
#include "shell/MainWindow.h"
#include "util/RuntimeEnvironment.h"
#include "util/Version.h"

// OMP_WAIT_POLICY and OPENBLAS_CORETYPE before libgomp and OpenBLAS initialise, also when started from a
// clean environment (util/RuntimeEnvironment.h).
PM_RUNTIME_ENVIRONMENT_PREINIT;

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName("PromptMask");
    QApplication::setOrganizationName("PromptMask");
    QApplication::setApplicationVersion(pm::kVersion);
    QApplication::setWindowIcon(QIcon(":/icons/promptmask.svg"));
    QApplication::setDesktopFileName("promptmask");

    // Settings → Language, else the system locale; read once, so a change applies at the next start.
    pm::ui::LanguageChoice::installTranslators(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Label images by saying what you want: type a prompt or draw a box, get the mask."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption modelOption(
        QStringList{"m", "model"},
        QApplication::translate(
            "main",
            "Model bundle folder (default: $PROMPTMASK_MODEL, else the model opened last, else the "
            "first bundle in ~/.local/share/promptmask/models, else the demo model)."),
        QApplication::translate("main", "BUNDLE"));
    parser.addOption(modelOption);
    parser.addPositionalArgument("path",
                                 QApplication::translate("main", "An image or a folder of images to open."),
                                 "[IMAGE_OR_FOLDER]");
    parser.process(app);

    pm::ui::MainWindow window([](const QString& bundleDir, const pm::CancelToken& cancel) {
        pm::EngineOptions options;  // all cores, 512 MB of cached image activations
        return pm::openSegmenter(QDir(bundleDir).absolutePath().toStdString(), options, &cancel);
    });
    window.show();

    const QString model =
        pm::ui::ModelLocator::startupModel(parser.value(modelOption), pm::ui::AppSettings().modelPath());
    window.loadModel(model);
    if (!parser.positionalArguments().isEmpty()) {
        window.openPath(parser.positionalArguments().constFirst());
    }
    return app.exec();
}
