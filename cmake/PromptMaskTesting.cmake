# Test helpers. Every test executable is a Qt Test program registered with CTest; GUI tests run
# offscreen so CI needs no display.
#
#   promptmask_add_test(<name> SOURCES a.cpp ... LINK pm_text ... LABELS unit|gui|golden|slow [TIMEOUT s])
#
# Tests that read ../shared get PROMPTMASK_SHARED_DIR in their environment and QSKIP when it is absent.
function(promptmask_add_test name)
  cmake_parse_arguments(T "" "TIMEOUT" "SOURCES;LINK;LABELS" ${ARGN})
  # RuntimeEnvironmentPreinit.cpp: the shipped binaries' runtime settings, set the same way (re-exec).
  add_executable(${name} ${T_SOURCES} "${PROJECT_SOURCE_DIR}/tests/RuntimeEnvironmentPreinit.cpp")
  set_target_properties(${name} PROPERTIES AUTOMOC ON RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/tests")
  target_link_libraries(${name} PRIVATE promptmask_options Qt6::Test ${T_LINK} pm_util)
  target_include_directories(${name} PRIVATE "${PROJECT_SOURCE_DIR}/tests")
  add_test(NAME ${name} COMMAND ${name})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 300)
  endif()
  set_tests_properties(${name} PROPERTIES
    LABELS "${T_LABELS}"
    TIMEOUT ${T_TIMEOUT}
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;PROMPTMASK_SHARED_DIR=${PROMPTMASK_SHARED_DIR};PROMPTMASK_SOURCE_DIR=${PROJECT_SOURCE_DIR};PROMPTMASK_BINARY_DIR=${CMAKE_BINARY_DIR};PROMPTMASK_PYTHON=${PROMPTMASK_PYTHON}")
endfunction()
