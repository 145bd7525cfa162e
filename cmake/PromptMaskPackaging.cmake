# Debian package: `cpack -G DEB` from a build configured with CMAKE_INSTALL_PREFIX=/usr.
set(CPACK_PACKAGE_NAME "promptmask")
set(CPACK_PACKAGE_VENDOR "PromptMask developers")
set(CPACK_PACKAGE_CONTACT "PromptMask developers <dev@promptmask.invalid>")
set(CPACK_DEBIAN_PACKAGE_SECTION "graphics")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# shlibdeps cannot see the BLAS chosen through alternatives nor fonts: name them.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libopenblas0-pthread, fonts-dejavu-core")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
include(CPack)

# The embedded demo model and the sample images travel with the app; the GUI finds the model at
# <prefix>/share/promptmask/models/demo-shapes (ui/inference/ModelLocator).
install(DIRECTORY "${PROJECT_SOURCE_DIR}/resources/models/demo-shapes"
  DESTINATION "${CMAKE_INSTALL_DATADIR}/promptmask/models")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/resources/samples/"
  DESTINATION "${CMAKE_INSTALL_DATADIR}/promptmask/samples"
  PATTERN "ground_truth" EXCLUDE)
install(FILES "${PROJECT_SOURCE_DIR}/packaging/models/export_clipseg.py"
  "${PROJECT_SOURCE_DIR}/packaging/models/clipseg_model.py"
  "${PROJECT_SOURCE_DIR}/packaging/models/clipseg_bundle.py"
  "${PROJECT_SOURCE_DIR}/packaging/models/bundle_writer.py"
  "${PROJECT_SOURCE_DIR}/packaging/models/safetensors_reader.py"
  DESTINATION "${CMAKE_INSTALL_DATADIR}/promptmask/tools")
