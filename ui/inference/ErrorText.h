#pragma once

#include <QCoreApplication>
#include <QString>
#include <exception>

namespace pm::ui {

// A core error as the user reads it: the failures core/ gives a code (pm::CodedError) are worded here,
// through tr(), so they appear in the interface language; any other error keeps core's English text.
class ErrorText {
    Q_DECLARE_TR_FUNCTIONS(pm::ui::ErrorText)

public:
    static QString describe(const std::exception& error);
};

}  // namespace pm::ui
