# Fuzz smoke run (label `fuzz`): builds the libFuzzer targets with clang-14 in <build>/fuzz and runs each
# for a few seconds (5 targets x 8 s). Skipped (77) when clang-14 is not installed. The long run is
# documented in docs/RELIABILITY.md.
add_test(NAME fuzz.smoke
  COMMAND bash ${PROJECT_SOURCE_DIR}/fuzz/run.sh ${CMAKE_BINARY_DIR}/fuzz 8 ${PROMPTMASK_SHARED_DIR})
set_tests_properties(fuzz.smoke PROPERTIES LABELS fuzz SKIP_RETURN_CODE 77 TIMEOUT 900)
