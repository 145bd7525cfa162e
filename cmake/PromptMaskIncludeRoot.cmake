# Include roots that follow the link graph. Each core library publishes only its own folder:
#
#   promptmask_include_root(<target> FOLDER <folder>)       <build>/include/<target>/<folder> -> core/<folder>
#   promptmask_include_root(<target> HEADERS <f/a.h> ...)   one link per header (a header-only subset)
#
# and puts <build>/include/<target> on the target's usage requirements, so "model/Segmenter.h" is
# found only by code that links the library it belongs to; the spelling of includes stays as it was.
function(promptmask_include_root target)
  cmake_parse_arguments(R "" "FOLDER" "HEADERS" ${ARGN})
  set(root "${CMAKE_BINARY_DIR}/include/${target}")
  if(R_FOLDER)
    set(links "${R_FOLDER}")
  else()
    set(links ${R_HEADERS})
  endif()
  foreach(link IN LISTS links)
    get_filename_component(parent "${root}/${link}" DIRECTORY)
    file(MAKE_DIRECTORY "${parent}")
    set(target_path "${PROJECT_SOURCE_DIR}/core/${link}")
    if(IS_SYMLINK "${root}/${link}")
      file(READ_SYMLINK "${root}/${link}" current)
      if(NOT current STREQUAL target_path)
        file(REMOVE "${root}/${link}")  # the source tree moved since the last configure
      endif()
    endif()
    if(NOT IS_SYMLINK "${root}/${link}")
      file(CREATE_LINK "${target_path}" "${root}/${link}" SYMBOLIC)
    endif()
  endforeach()
  get_target_property(type ${target} TYPE)
  if(type STREQUAL "INTERFACE_LIBRARY")
    target_include_directories(${target} INTERFACE "${root}")
  else()
    target_include_directories(${target} PUBLIC "${root}")
  endif()
endfunction()
