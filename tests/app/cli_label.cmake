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
