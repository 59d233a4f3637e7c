# egopt_stage_library(NAME SOURCES ... [DEPENDS ...])
# One library per stage folder: egopt_<NAME>, alias egopt::<NAME>, headers in
# <folder>/include, warnings on for its own sources.
function(egopt_stage_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPENDS" ${ARGN})
  add_library(egopt_${name} ${ARG_SOURCES})
  add_library(egopt::${name} ALIAS egopt_${name})
  target_include_directories(egopt_${name} PUBLIC
    $<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/include>
    $<INSTALL_INTERFACE:include>)
  target_link_libraries(egopt_${name} PUBLIC ${ARG_DEPENDS} PRIVATE egopt_warnings)
endfunction()
