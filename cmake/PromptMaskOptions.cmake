# One INTERFACE target carries the compile options every project target shares:
# the language standard, warnings, and the sanitizer switch.
add_library(promptmask_options INTERFACE)
target_compile_features(promptmask_options INTERFACE cxx_std_17)
set(CMAKE_CXX_EXTENSIONS OFF)
target_compile_options(promptmask_options INTERFACE -Wall -Wextra -Wpedantic -Wno-unused-parameter)
if(PROMPTMASK_SANITIZE)
  target_compile_options(promptmask_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
  target_link_options(promptmask_options INTERFACE -fsanitize=address,undefined)
endif()
