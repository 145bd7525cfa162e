# promptmask-cli segment / tokenize end to end (golden bundles from the model.export_bundles fixture).
promptmask_add_test(test_cli_segment SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/test_cli_segment.cpp
  LINK pm_model nlohmann_json::nlohmann_json Qt6::Gui LABELS golden)
add_dependencies(test_cli_segment promptmask-cli)
set_tests_properties(test_cli_segment PROPERTIES FIXTURES_REQUIRED model_bundles)
add_test(NAME cli.segment.help COMMAND promptmask-cli segment --help)
set_tests_properties(cli.segment.help PROPERTIES LABELS unit
  PASS_REGULAR_EXPRESSION "a glass\\|a cup.*--visual-prompt-mode.*--negative TEXT.*--mix A.*--templates SET.*--logits-out.*--masks-out")
add_test(NAME cli.segment.no_args COMMAND promptmask-cli segment)
set_tests_properties(cli.segment.no_args PROPERTIES LABELS unit WILL_FAIL TRUE)
promptmask_add_test(test_cli_prompt_algebra SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/test_cli_prompt_algebra.cpp
  LINK pm_model nlohmann_json::nlohmann_json LABELS golden)
add_dependencies(test_cli_prompt_algebra promptmask-cli)
set_tests_properties(test_cli_prompt_algebra PROPERTIES FIXTURES_REQUIRED model_bundles)
