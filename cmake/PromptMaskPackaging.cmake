# Install layout and the Debian package (`cpack -G DEB`; the package installs under /usr whatever
# CMAKE_INSTALL_PREFIX the build has). Every file belongs to one install component; the .deb holds them all.
#
#   runtime       /usr/bin/promptmask, /usr/bin/promptmask-cli, /usr/lib/promptmask/ (SentencePiece module)
#   desktop       /usr/share/applications/promptmask.desktop, hicolor icons (SVG + PNG sizes)
#   translations  /usr/share/promptmask/translations/promptmask_*.qm (installed by app/gui)
#   data          /usr/share/promptmask/models/demo-shapes, /usr/share/promptmask/samples
#   tools         /usr/share/promptmask/tools/ (model export and demo training, Python + torch)
#   docs          man pages (help2man, from the real --help), USER_GUIDE.md, copyright, changelog
#
# `cmake --install` and cpack install what the build made; they do not first build `all` (every test
# and benchmark) — build first (packaging/build.sh). A file that was not built fails the install loudly.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

set(PROMPTMASK_DATA_DIR "${CMAKE_INSTALL_DATADIR}/promptmask")
set(PROMPTMASK_DOC_DIR "${CMAKE_INSTALL_DATADIR}/doc/promptmask")  # DOCDIR would say PromptMask

install(TARGETS promptmask-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
if(TARGET promptmask)
  install(TARGETS promptmask RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
  install(FILES "${PROJECT_SOURCE_DIR}/packaging/desktop/promptmask.desktop"
    DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT desktop)
  install(FILES "${PROJECT_SOURCE_DIR}/resources/icons/promptmask.svg"
    DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps COMPONENT desktop)
  foreach(size 16 22 24 32 48 64 128 256)
    install(FILES "${PROJECT_SOURCE_DIR}/resources/icons/png/promptmask-${size}.png"
      DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps
      RENAME promptmask.png COMPONENT desktop)
  endforeach()
endif()

install(DIRECTORY "${PROJECT_SOURCE_DIR}/resources/models/demo-shapes"
  DESTINATION "${PROMPTMASK_DATA_DIR}/models" COMPONENT data)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/resources/samples/"
  DESTINATION "${PROMPTMASK_DATA_DIR}/samples" COMPONENT data
  PATTERN "ground_truth" EXCLUDE)
# Export a Hugging Face CLIPSeg checkpoint to a bundle, and re-train / evaluate the demo model.
file(GLOB tool_scripts "${PROJECT_SOURCE_DIR}/packaging/models/*.py")
install(FILES ${tool_scripts} DESTINATION "${PROMPTMASK_DATA_DIR}/tools" COMPONENT tools)
install(FILES "${PROJECT_SOURCE_DIR}/docs/USER_GUIDE.md" "${PROJECT_SOURCE_DIR}/packaging/deb/copyright"
  DESTINATION ${PROMPTMASK_DOC_DIR} COMPONENT docs)

# Man pages from the binaries' own --help and --version, so they cannot drift from the code. The GUI
# needs a platform plugin even to print its help: offscreen needs no X server. English whatever the
# builder's locale and saved language setting are. Compressed (gzip -n: reproducible) as Debian policy wants.
find_program(HELP2MAN help2man)
find_program(GZIP gzip)
if(HELP2MAN AND GZIP AND TARGET promptmask)
  set(man_dir "${CMAKE_BINARY_DIR}/man")
  set(man_pages)
  foreach(page promptmask promptmask-cli)
    set(include_file "${PROJECT_SOURCE_DIR}/packaging/man/${page}.h2m")
    add_custom_command(OUTPUT "${man_dir}/${page}.1.gz"
      COMMAND ${CMAKE_COMMAND} -E make_directory "${man_dir}"
      COMMAND ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 LANGUAGE=en
              XDG_CONFIG_HOME=${man_dir}/no-settings
              ${HELP2MAN} --no-info --section 1 --include "${include_file}"
              --output "${man_dir}/${page}.1" $<TARGET_FILE:${page}>
      COMMAND ${GZIP} -9nf "${man_dir}/${page}.1"
      DEPENDS ${page} "${include_file}"
      COMMENT "help2man: ${page}.1"
      VERBATIM)
    list(APPEND man_pages "${man_dir}/${page}.1.gz")
  endforeach()
  add_custom_target(man_pages ALL DEPENDS ${man_pages})
  install(FILES ${man_pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT docs)
else()
  message(STATUS "help2man or gzip not found (or no GUI): the package will lack its man pages")
endif()

# Debian wants a compressed changelog beside the copyright file; a package with a Debian revision (-1)
# names it changelog.Debian.gz.
add_custom_command(OUTPUT "${CMAKE_BINARY_DIR}/deb/changelog.Debian.gz"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_BINARY_DIR}/deb"
  COMMAND ${CMAKE_COMMAND} -E copy "${PROJECT_SOURCE_DIR}/packaging/deb/changelog"
          "${CMAKE_BINARY_DIR}/deb/changelog.Debian"
  COMMAND gzip -9nf "${CMAKE_BINARY_DIR}/deb/changelog.Debian"
  DEPENDS "${PROJECT_SOURCE_DIR}/packaging/deb/changelog"
  VERBATIM)
add_custom_target(deb_changelog ALL DEPENDS "${CMAKE_BINARY_DIR}/deb/changelog.Debian.gz")
install(FILES "${CMAKE_BINARY_DIR}/deb/changelog.Debian.gz" DESTINATION ${PROMPTMASK_DOC_DIR} COMPONENT docs)

set(CPACK_PACKAGE_NAME "promptmask")
set(CPACK_PACKAGE_VENDOR "PromptMask developers")
set(CPACK_PACKAGE_CONTACT "PromptMask developers <dev@promptmask.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "label images by prompt with CLIPSeg masks")
# The synopsis comes from the summary above; this is the extended description only.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "PromptMask labels images by what you say: type a prompt such as a glass or\n\
draw a box around an example, and a CLIPSeg model draws the mask. Masks are\n\
refined with brush, eraser, polygon and fill tools and exported as COCO,\n\
labelme or PNG masks.\n\
.\n\
The package ships the desktop application, the promptmask-cli command-line\n\
tool, a small demo model with sample images, and the tools that export\n\
CLIPSeg checkpoints to PromptMask model bundles.")
set(CPACK_DEBIAN_PACKAGE_SECTION "graphics")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# shlibdeps cannot see the BLAS chosen through alternatives, nor fonts (Qt draws boxes without them).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libopenblas0-pthread, fonts-dejavu-core")
# Qt's own dialog buttons (Cancel, Yes/No) in the five languages of the app, and a CJK font for the
# Japanese and Chinese interfaces (else Qt draws boxes).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n, fonts-noto-cjk | fonts-wqy-microhei")
# The model tools are Python scripts; they run only where torch is installed.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "python3-torch, python3-numpy")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")  # whatever CMAKE_INSTALL_PREFIX the build has
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL runtime desktop translations data tools docs)
set(CPACK_DEB_COMPONENT_INSTALL OFF)  # one package holding every component
include(CPack)
