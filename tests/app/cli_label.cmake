# promptmask-cli label / merge end to end on the demo model (test_cli_label.py says what each case checks).
set(_label_bundle "${PROJECT_SOURCE_DIR}/resources/models/demo-shapes")
set(_label_samples "${PROJECT_SOURCE_DIR}/resources/samples")
foreach(case shards formats resume errors progress bad_input labels_forms)
  add_test(NAME cli.label.${case}
    COMMAND ${PROMPTMASK_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/test_cli_label.py $<TARGET_FILE:promptmask-cli>
            ${_label_bundle} ${_label_samples} ${CMAKE_BINARY_DIR}/tests/cli_label/${case} ${case})
  set_tests_properties(cli.label.${case} PROPERTIES LABELS unit TIMEOUT 600
    ENVIRONMENT "OMP_WAIT_POLICY=PASSIVE;PYTHONDONTWRITEBYTECODE=1")
endforeach()
add_test(NAME cli.label.help COMMAND promptmask-cli label --help)
set_tests_properties(cli.label.help PROPERTIES LABELS unit
  PASS_REGULAR_EXPRESSION "--shard I/N.*--resume.*Exit status: 0 every image labelled; 5")
add_test(NAME cli.merge.help COMMAND promptmask-cli merge --help)
set_tests_properties(cli.merge.help PROPERTIES LABELS unit PASS_REGULAR_EXPRESSION "OUTDIR\\.\\.\\. --out PATH")
# promptmask-cli suggest-threshold on the demo model (test_cli_suggest_threshold.py says what each case checks).
foreach(case recover errors)
  add_test(NAME cli.suggest_threshold.${case}
    COMMAND ${PROMPTMASK_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/test_cli_suggest_threshold.py $<TARGET_FILE:promptmask-cli>
            ${_label_bundle} ${_label_samples} ${CMAKE_BINARY_DIR}/tests/cli_suggest_threshold/${case} ${case})
  set_tests_properties(cli.suggest_threshold.${case} PROPERTIES LABELS unit TIMEOUT 600
    ENVIRONMENT "OMP_WAIT_POLICY=PASSIVE;PYTHONDONTWRITEBYTECODE=1")
endforeach()
add_test(NAME cli.suggest_threshold.help COMMAND promptmask-cli suggest-threshold --help)
set_tests_properties(cli.suggest_threshold.help PROPERTIES LABELS unit
  PASS_REGULAR_EXPRESSION "--images DIR --labels LABELS.json.*Otsu.*--min-images N.*--json.*Exit status")
