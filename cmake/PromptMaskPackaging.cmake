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
