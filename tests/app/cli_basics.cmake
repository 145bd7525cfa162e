# --version must print the CMake project version; --help must list every subcommand.
add_test(NAME cli.version COMMAND promptmask-cli --version)
set_tests_properties(cli.version PROPERTIES LABELS unit
  PASS_REGULAR_EXPRESSION "^promptmask-cli ${PROJECT_VERSION}\n$")
add_test(NAME cli.help COMMAND promptmask-cli --help)
set_tests_properties(cli.help PROPERTIES LABELS unit
  PASS_REGULAR_EXPRESSION "segment.*tokenize.*convert")
add_test(NAME cli.unknown_command COMMAND promptmask-cli frobnicate)
set_tests_properties(cli.unknown_command PROPERTIES LABELS unit WILL_FAIL TRUE)
if(PROMPTMASK_BUILD_GUI)
  add_test(NAME gui.version COMMAND promptmask --version)
  set_tests_properties(gui.version PROPERTIES LABELS "unit;gui" ENVIRONMENT "QT_QPA_PLATFORM=offscreen"
    PASS_REGULAR_EXPRESSION "PromptMask ${PROJECT_VERSION}")
endif()
