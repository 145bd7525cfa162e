#pragma once

#include <QDockWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;

namespace pm::ui {

class ImageFilterModel;
class ImageListModel;

// The "Images" dock: the dataset's images with their status, a text and status filter, and the
// "include subfolders" switch. Rows are source rows of the ImageListModel throughout the interface.
class ImageDock : public QDockWidget {
    Q_OBJECT
public:
    ImageDock(ImageListModel* model, QWidget* parent = nullptr);

    void setCurrentRow(int sourceRow);
    int currentRow() const;
    void setRecursive(bool recursive);
    bool recursive() const;
    QLineEdit* filterEdit() const { return filter_; }
    QListView* view() const { return view_; }

signals:
    void imageActivated(int sourceRow);
    void recursiveToggled(bool recursive);

private:
    void updateCount();

    ImageListModel* model_;
    ImageFilterModel* proxy_;
    QLineEdit* filter_;
    QComboBox* statusFilter_;
    QCheckBox* recursive_;
    QListView* view_;
    QLabel* count_;
};

}  // namespace pm::ui
