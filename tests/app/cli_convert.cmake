# promptmask-cli convert: end-to-end conversions on a small generated dataset, bad input, usage errors.
add_test(NAME cli.convert.end_to_end
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli_convert_check.sh $<TARGET_FILE:promptmask-cli> ${PROMPTMASK_PYTHON}
          ${CMAKE_BINARY_DIR}/tests/cli_convert)
set_tests_properties(cli.convert.end_to_end PROPERTIES LABELS unit)
add_test(NAME cli.convert.help COMMAND promptmask-cli convert --help)
set_tests_properties(cli.convert.help PROPERTIES LABELS unit PASS_REGULAR_EXPRESSION "--from labelme\\|coco\\|masks")
add_test(NAME cli.convert.bad_format
  COMMAND promptmask-cli convert --from pascal --to coco --images . --input x --out y)
set_tests_properties(cli.convert.bad_format PROPERTIES LABELS unit WILL_FAIL TRUE)
add_test(NAME cli.convert.rle_and_polygons
  COMMAND promptmask-cli convert --from coco --to coco --images . --input x --out y --rle --polygons)
set_tests_properties(cli.convert.rle_and_polygons PROPERTIES LABELS unit WILL_FAIL TRUE)
# labelme files read exactly as labelme draws them: random shapes drawn by the real labelme package at
# test time, and every labelme file of ../shared/interop (skipped parts say so when it is absent).
add_test(NAME cli.convert.labelme_reference
  COMMAND ${PROMPTMASK_PYTHON} ${CMAKE_SOURCE_DIR}/tests/core/annotation/labelme_reference_check.py
          $<TARGET_FILE:promptmask-cli> ${CMAKE_BINARY_DIR}/tests/labelme_reference ${PROMPTMASK_SHARED_DIR})
set_tests_properties(cli.convert.labelme_reference PROPERTIES LABELS unit SKIP_RETURN_CODE 77)
