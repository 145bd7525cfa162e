# Real-window tests (label x11): the real promptmask binary in an Xvfb the test starts, driven by keys
# sent to its window with xdotool. They need no display of their own, so CI runs them as they are.
if(PROMPTMASK_BUILD_GUI)
  add_test(NAME x11.keyboard_loop
    COMMAND ${PROMPTMASK_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/x11/keyboard_loop.py $<TARGET_FILE:promptmask>
            ${PROJECT_SOURCE_DIR}/resources/samples ${CMAKE_BINARY_DIR}/test-artifacts/x11/keyboard_loop)
  # The timeout only ends a hang: the loop normally takes well under half a minute.
  set_tests_properties(x11.keyboard_loop PROPERTIES LABELS x11 TIMEOUT 120)
  # The re-prompt latency script of packaging/bench, with the demo model: the window's trace works.
  add_test(NAME x11.gui_reprompt_trace
    COMMAND ${PROMPTMASK_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/x11/gui_reprompt_check.py
            ${PROJECT_SOURCE_DIR}/packaging/bench/gui_reprompt.sh $<TARGET_FILE:promptmask>
            ${PROJECT_SOURCE_DIR}/resources/models/demo-shapes ${PROJECT_SOURCE_DIR}/resources/samples/shapes_00.png)
  set_tests_properties(x11.gui_reprompt_trace PROPERTIES LABELS x11 TIMEOUT 300)
endif()
if(PROMPTMASK_BUILD_GUI)
  add_test(NAME x11.prompt_lab
    COMMAND ${PROMPTMASK_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/x11/prompt_lab.py $<TARGET_FILE:promptmask>
            ${PROJECT_SOURCE_DIR}/resources/samples ${CMAKE_BINARY_DIR}/test-artifacts/x11/prompt_lab)
  # The timeout only ends a hang: three decodes of the demo model take seconds.
  set_tests_properties(x11.prompt_lab PROPERTIES LABELS x11 TIMEOUT 120)
endif()
if(PROMPTMASK_BUILD_GUI)
  add_test(NAME x11.auto_label
    COMMAND ${PROMPTMASK_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/x11/auto_label.py $<TARGET_FILE:promptmask>
            ${PROJECT_SOURCE_DIR}/resources/samples ${CMAKE_BINARY_DIR}/test-artifacts/x11/auto_label)
  # The timeout only ends a hang: the run over the 20 samples normally takes seconds.
  set_tests_properties(x11.auto_label PROPERTIES LABELS x11 TIMEOUT 300)
endif()
