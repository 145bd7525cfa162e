#pragma once

#include <QAction>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <memory>

#include "FakeSegmenter.h"
#include "canvas/CanvasView.h"
#include "docks/LabelsDock.h"
#include "document/DatasetDocument.h"
#include "inference/SegmentationController.h"
#include "shell/MainWindow.h"

namespace pm::ui::testing {

// Drives a MainWindow the way a person does, for the workflow tests.

// A shown, active window whose fake model has finished loading; nullptr if either step fails.
inline std::unique_ptr<MainWindow> openWindowWithFakeModel(const std::shared_ptr<FakeProbe>& probe) {
    auto window = std::make_unique<MainWindow>(FakeSegmenter::factory(probe));
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get())) {
        return nullptr;
    }
    window->activateWindow();
    QSignalSpy loaded(window->controller(), &SegmentationController::modelLoaded);
    window->loadModel("bundles/fake");
    if (!loaded.wait(5000)) {
        return nullptr;
    }
    return window;
}

// T, type, Enter. False if T did not focus the prompt field or Enter did not give the canvas the focus.
[[nodiscard]] inline bool typePrompt(MainWindow& window, const QString& text) {
    QTest::keyClick(&window, Qt::Key_T);
    QLineEdit* edit = window.labelsDock()->promptEdit();
    if (!edit->hasFocus()) {
        return false;
    }
    edit->selectAll();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
    return window.canvas()->hasFocus();  // Enter gives the keyboard back to the canvas
}

// Triggers the window's menu action whose text is `text` (as a click on the menu entry would); false
// when there is none or it is disabled.
[[nodiscard]] inline bool triggerAction(MainWindow& window, const QString& text) {
    for (QAction* action : window.findChildren<QAction*>()) {
        if (action->text() == text && action->isEnabled()) {
            action->trigger();
            return true;
        }
    }
    return false;
}

// Mask area of a label on the current image, in pixels; -1 when the label has none yet.
inline qint64 labelArea(const MainWindow& window, int label) {
    const auto& areas = window.document()->labelAreas();
    return label < static_cast<int>(areas.size()) ? areas[static_cast<size_t>(label)] : -1;
}

}  // namespace pm::ui::testing
