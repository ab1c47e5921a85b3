# Build-time generation of C++ headers from data files, so UI text and themes stay data
# (ui/lang/*.json, ui/themes/*.json) yet need no file access at run time (the web build has
# no files of its own).
#
#   eqkit_text_header(<out.hpp> <lang.json> <namespace>)
#     one `inline constexpr const char* <key>` per JSON member: a mistyped key fails to compile.
#   eqkit_embed_header(<out.hpp> <file> <namespace> <name>)
#     the file's bytes as `inline constexpr std::string_view <name>`.
set(EQKIT_GENERATE_TEXT_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/GenerateText.cmake)

function(eqkit_text_header out json namespace)
  add_custom_command(OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DMODE=strings -DIN=${json} -DOUT=${out} -DNAMESPACE=${namespace}
            -P ${EQKIT_GENERATE_TEXT_SCRIPT}
    DEPENDS ${json} ${EQKIT_GENERATE_TEXT_SCRIPT}
    COMMENT "Generating UI text from ${json}" VERBATIM)
endfunction()

function(eqkit_embed_header out file namespace name)
  add_custom_command(OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DMODE=embed -DIN=${file} -DOUT=${out} -DNAMESPACE=${namespace}
            -DNAME=${name} -P ${EQKIT_GENERATE_TEXT_SCRIPT}
    DEPENDS ${file} ${EQKIT_GENERATE_TEXT_SCRIPT}
    COMMENT "Embedding ${file}" VERBATIM)
endfunction()
