# The web build's link settings and output folder (Emscripten only).
#
#   eqkit_web_app(<target> <out_dir>)
#     Links <target> as <out_dir>/eqkit.js (+ .wasm, + .data holding every
#     plugins/<id>/framework.json at /plugins/<id>/framework.json, and nothing else from plugins/)
#     and copies the HTML shell from web/ beside it. The page has no inline script or style, and
#     the JS never evaluates strings (-sDYNAMIC_EXECUTION=0), so the server's strict
#     Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval') holds.
function(eqkit_web_app target out_dir)
  set_target_properties(${target} PROPERTIES
    OUTPUT_NAME eqkit
    SUFFIX ".js"
    RUNTIME_OUTPUT_DIRECTORY ${out_dir})
  target_link_options(${target} PRIVATE
    -sUSE_GLFW=3 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
    -sENVIRONMENT=web
    -sALLOW_MEMORY_GROWTH=1
    -sDISABLE_EXCEPTION_CATCHING=1
    -sDYNAMIC_EXECUTION=0
    -lidbfs.js -sFORCE_FILESYSTEM=1
    "-sEXPORTED_FUNCTIONS=_main,_malloc,_free"
    "-sEXPORTED_RUNTIME_METHODS=ccall,UTF8ToString,FS")

  # Frameworks are data: preload each plugins/<id>/framework.json, found at configure time.
  file(GLOB frameworks CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/plugins/*/framework.json)
  if(NOT frameworks)
    message(FATAL_ERROR "No plugins/<id>/framework.json found for the web build")
  endif()
  foreach(file ${frameworks})
    get_filename_component(dir ${file} DIRECTORY)
    get_filename_component(id ${dir} NAME)
    target_link_options(${target} PRIVATE "SHELL:--preload-file ${file}@/plugins/${id}/framework.json")
  endforeach()
  set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS ${frameworks})
  # Earlier framework versions (plugins/<id>/versions/<v>/framework.json): a file made with one
  # is offered for migration to the loaded version.
  file(GLOB earlier_versions CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/plugins/*/versions/*/framework.json)
  foreach(file ${earlier_versions})
    file(RELATIVE_PATH rel ${CMAKE_SOURCE_DIR}/plugins ${file})
    target_link_options(${target} PRIVATE "SHELL:--preload-file ${file}@/plugins/${rel}")
  endforeach()
  # Each workforce standard's indicators.json (WRES, WDES), beside its framework.json, and each
  # tender question set (plugins/tender_*/question_set.json, for eqkit::TenderApi).
  foreach(name indicators.json question_set.json)
    file(GLOB data_files CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/plugins/*/${name})
    foreach(file ${data_files})
      get_filename_component(dir ${file} DIRECTORY)
      get_filename_component(id ${dir} NAME)
      target_link_options(${target} PRIVATE "SHELL:--preload-file ${file}@/plugins/${id}/${name}")
    endforeach()
    set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS ${data_files})
  endforeach()
  # The crosswalk's mapping files, at /plugins/mappings/<name>.json as in the native builds.
  file(GLOB mapping_files CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/plugins/mappings/*.json)
  foreach(file ${mapping_files})
    get_filename_component(name ${file} NAME)
    target_link_options(${target} PRIVATE "SHELL:--preload-file ${file}@/plugins/mappings/${name}")
  endforeach()
  set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS ${mapping_files})

  # The HTML shell, its stylesheet and its script.
  file(GLOB shell CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/web/*.html ${CMAKE_SOURCE_DIR}/web/*.css
       ${CMAKE_SOURCE_DIR}/web/*.js)
  set(copied "")
  foreach(file ${shell})
    get_filename_component(name ${file} NAME)
    add_custom_command(OUTPUT ${out_dir}/${name}
      COMMAND ${CMAKE_COMMAND} -E copy_if_different ${file} ${out_dir}/${name}
      DEPENDS ${file} VERBATIM)
    list(APPEND copied ${out_dir}/${name})
  endforeach()
  add_custom_target(${target}-shell ALL DEPENDS ${copied})
  add_dependencies(${target} ${target}-shell)
endfunction()
