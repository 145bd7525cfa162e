#pragma once

#include <QMainWindow>

namespace pm::ui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
};

}  // namespace pm::ui
