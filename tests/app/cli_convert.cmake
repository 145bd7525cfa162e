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
# COCO files from Roboflow, CVAT, datumaro and panopticapi: lossless COCO -> COCO, labelme output drawn
# by the real labelme, box-only annotations, --strict (skipped when ../shared/interop is absent).
add_test(NAME cli.convert.coco_interop
  COMMAND ${PROMPTMASK_PYTHON} ${CMAKE_SOURCE_DIR}/tests/core/annotation/coco_interop_check.py
          $<TARGET_FILE:promptmask-cli> ${CMAKE_BINARY_DIR}/tests/coco_interop ${PROMPTMASK_SHARED_DIR})
set_tests_properties(cli.convert.coco_interop PROPERTIES LABELS unit SKIP_RETURN_CODE 77)
# Bounded memory: hostile sizes from every source, each under a 2 GB address-space limit (prlimit).
add_test(NAME cli.convert.limits
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli_convert_limits.sh $<TARGET_FILE:promptmask-cli> ${PROMPTMASK_PYTHON}
          ${CMAKE_BINARY_DIR}/tests/cli_convert_limits)
set_tests_properties(cli.convert.limits PROPERTIES LABELS unit SKIP_RETURN_CODE 77)
