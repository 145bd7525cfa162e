# The OpenMP wait policy the binaries ship with, seen by libgomp itself (OMP_DISPLAY_ENV=verbose prints its
# settings at load; GOMP_SPINCOUNT is 0 only under PASSIVE, 300000 under the default), started as a user
# starts them: env -i, nothing inherited from CTest or the developer's shell.
add_test(NAME cli.wait_policy.clean_env
  COMMAND env -i OMP_DISPLAY_ENV=verbose $<TARGET_FILE:promptmask-cli> --version)
set_tests_properties(cli.wait_policy.clean_env PROPERTIES LABELS unit
  PASS_REGULAR_EXPRESSION "GOMP_SPINCOUNT = '0'.*promptmask-cli ${PROJECT_VERSION}")
# A policy the user chose is kept.
add_test(NAME cli.wait_policy.user_choice
  COMMAND env -i OMP_DISPLAY_ENV=verbose OMP_WAIT_POLICY=ACTIVE $<TARGET_FILE:promptmask-cli> --version)
set_tests_properties(cli.wait_policy.user_choice PROPERTIES LABELS unit
  PASS_REGULAR_EXPRESSION "OMP_WAIT_POLICY = 'ACTIVE'")
if(PROMPTMASK_BUILD_GUI)
  add_test(NAME gui.wait_policy.clean_env
    COMMAND env -i QT_QPA_PLATFORM=offscreen OMP_DISPLAY_ENV=verbose $<TARGET_FILE:promptmask> --version)
  set_tests_properties(gui.wait_policy.clean_env PROPERTIES LABELS "unit;gui"
    PASS_REGULAR_EXPRESSION "GOMP_SPINCOUNT = '0'.*PromptMask ${PROJECT_VERSION}")
endif()

# promptmask-cli bench: usage errors and a bad bundle fail with a clear message, never a crash.
add_test(NAME cli.bench.help COMMAND promptmask-cli bench --help)
set_tests_properties(cli.bench.help PROPERTIES LABELS unit
  PASS_REGULAR_EXPRESSION "model_load_ms.*reprompt_ms.*threshold_update_ms.*peak_rss_mb")
add_test(NAME cli.bench.no_prompts COMMAND promptmask-cli bench --model x --image y)
set_tests_properties(cli.bench.no_prompts PROPERTIES LABELS unit WILL_FAIL TRUE)
add_test(NAME cli.bench.missing_image
  COMMAND promptmask-cli bench --model ${PROJECT_SOURCE_DIR}/resources/models/demo-shapes --image /nonexistent.png
          --prompts 1)
set_tests_properties(cli.bench.missing_image PROPERTIES LABELS unit
  PASS_REGULAR_EXPRESSION "promptmask-cli bench: .*nonexistent.png")
# The JSON carries exactly the documented keys, with plausible values (the demo bundle: small and fast).
add_test(NAME cli.bench.json
  COMMAND ${PROMPTMASK_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/cli_bench_check.py $<TARGET_FILE:promptmask-cli>
          ${PROJECT_SOURCE_DIR}/resources/models/demo-shapes ${PROJECT_SOURCE_DIR}/resources/samples/shapes_00.png)
set_tests_properties(cli.bench.json PROPERTIES LABELS unit TIMEOUT 300)
