# egopt_stage_library(NAME [DEPENDS ...])
# One library per stage folder: egopt_<NAME>, alias egopt::<NAME>. Its
# sources are the folder's lib/*.cpp (a new file needs no edit here); its
# headers for other folders live in <folder>/include, its own in lib/.
# Warnings are on for its sources (errors with EGOPT_WERROR).
function(egopt_stage_library name)
  cmake_parse_arguments(ARG "" "" "DEPENDS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/lib/*.cpp)
  list(SORT sources)
  add_library(egopt_${name} ${sources})
  add_library(egopt::${name} ALIAS egopt_${name})
  target_include_directories(egopt_${name}
    PUBLIC $<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/include> $<INSTALL_INTERFACE:include>
    PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/lib)
  target_link_libraries(egopt_${name} PUBLIC ${ARG_DEPENDS} PRIVATE egopt_warnings)
endfunction()
