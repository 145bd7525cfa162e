// promptmask: the desktop application. Wires the ui library to a window; all logic lives in ui/ and core/.
#include <QApplication>
#include <QCommandLineParser>

#include "MainWindow.h"
#include "util/Version.h"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName("PromptMask");
    QApplication::setOrganizationName("PromptMask");
    QApplication::setApplicationVersion(pm::kVersion);

    QCommandLineParser parser;
    parser.setApplicationDescription("Label images by saying what you want.");
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    pm::ui::MainWindow window;
    window.show();
    return app.exec();
}
