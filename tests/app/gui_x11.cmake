# Real-window tests (label x11): the real promptmask binary in an Xvfb the test starts, driven by keys
# sent to its window with xdotool. They need no display of their own, so CI runs them as they are.
if(PROMPTMASK_BUILD_GUI)
  add_test(NAME x11.keyboard_loop
    COMMAND ${PROMPTMASK_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/x11/keyboard_loop.py $<TARGET_FILE:promptmask>
            ${PROJECT_SOURCE_DIR}/resources/samples ${CMAKE_BINARY_DIR}/test-artifacts/x11/keyboard_loop)
  # The timeout only ends a hang: the loop normally takes well under half a minute.
  set_tests_properties(x11.keyboard_loop PROPERTIES LABELS x11 TIMEOUT 120)
endif()
if(PROMPTMASK_BUILD_GUI)
  add_test(NAME x11.auto_label
    COMMAND ${PROMPTMASK_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/x11/auto_label.py $<TARGET_FILE:promptmask>
            ${PROJECT_SOURCE_DIR}/resources/samples ${CMAKE_BINARY_DIR}/test-artifacts/x11/auto_label)
  # The timeout only ends a hang: the run over the 20 samples normally takes seconds.
  set_tests_properties(x11.auto_label PROPERTIES LABELS x11 TIMEOUT 300)
endif()
