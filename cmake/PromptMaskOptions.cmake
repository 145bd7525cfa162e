# One INTERFACE target carries the compile options every project target shares:
# the language standard, warnings, and the sanitizer switches (presets `asan` and `tsan`,
# docs/RELIABILITY.md has the commands and the last results).
add_library(promptmask_options INTERFACE)
target_compile_features(promptmask_options INTERFACE cxx_std_17)
set(CMAKE_CXX_EXTENSIONS OFF)
target_compile_options(promptmask_options INTERFACE -Wall -Wextra -Wpedantic -Wno-unused-parameter)
option(PROMPTMASK_TSAN "Build with ThreadSanitizer (not together with PROMPTMASK_SANITIZE)" OFF)
if(PROMPTMASK_SANITIZE AND PROMPTMASK_TSAN)
  message(FATAL_ERROR "PROMPTMASK_SANITIZE (ASan+UBSan) and PROMPTMASK_TSAN exclude each other")
endif()
if(PROMPTMASK_SANITIZE)
  # -fno-sanitize-recover: a UBSan finding fails the test instead of scrolling by in its log.
  target_compile_options(promptmask_options INTERFACE -fsanitize=address,undefined -fno-sanitize-recover=all
                                                      -fno-omit-frame-pointer)
  target_link_options(promptmask_options INTERFACE -fsanitize=address,undefined)
endif()
if(PROMPTMASK_TSAN)
  target_compile_options(promptmask_options INTERFACE -fsanitize=thread -fno-omit-frame-pointer)
  target_link_options(promptmask_options INTERFACE -fsanitize=thread)
endif()
