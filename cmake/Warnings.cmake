# eqkit_warnings: one INTERFACE target every eqkit target links PRIVATE.
# No -Wnull-dereference: at -O2 GCC 12 reports it inside libstdc++ (vector<string> growth).
option(EQKIT_WERROR "Treat warnings as errors (on in CI and the README's test command)" OFF)
add_library(eqkit_warnings INTERFACE)
target_compile_options(eqkit_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough
  $<$<BOOL:${EQKIT_WERROR}>:-Werror>)
