#include "MainWindow.h"

#include <QMenuBar>

namespace pm::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(tr("PromptMask"));
    menuBar()->addMenu(tr("&File"));
    resize(1280, 800);
}

}  // namespace pm::ui
