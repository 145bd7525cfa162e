#pragma once

namespace pm::ui {

// What the document tells the window's banner (NoticeBar), without knowing the widget.
enum class NoticeKind { Info, Warning, Error };
// What a notice speaks about, so that an event clears only the notices it makes obsolete
// (a model that loads must not hide a warning about the labels file).
enum class NoticeTopic { General, Model, Labels, Image, Annotation, Recovery };

}  // namespace pm::ui
