# Writes OUTPUT: a C++ fragment with each rule file of RULE_FILES (a
# ;-separated list) as {"name", R"(text)"}, so the built-in rules are part of
# the binary and need no install path. Run with cmake -P.
set(out "// Generated from passes/rewrite/rules/*.rules by cmake/EmbedRules.cmake; do not edit.\n")
foreach(f IN LISTS RULE_FILES)
  get_filename_component(name "${f}" NAME_WE)
  file(READ "${f}" text)
  string(APPEND out "{\"${name}\", R\"egopt_rules(${text})egopt_rules\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "${out}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
