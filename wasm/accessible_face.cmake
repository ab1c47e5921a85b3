# The accessible HTML face: plain HTML + NHS.UK frontend over eqkit-core.wasm, the core alone
# (no ImGui). It shares the canvas app's storage (IndexedDB, /persist/current.json).
set(EQKIT_WEB_OUT ${CMAKE_BINARY_DIR}/web)
set(EQKIT_NODE_MODULES ${CMAKE_SOURCE_DIR}/node_modules)

# Only each plugin's framework.json is bundled, at the path the native builds read it from.
file(GLOB EQKIT_FRAMEWORK_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/plugins/*/framework.json)
set(EQKIT_PRELOAD_OPTIONS "")
foreach(file ${EQKIT_FRAMEWORK_FILES})
  get_filename_component(dir ${file} DIRECTORY)
  get_filename_component(id ${dir} NAME)
  list(APPEND EQKIT_PRELOAD_OPTIONS "SHELL:--preload-file ${file}@/plugins/${id}/framework.json")
endforeach()
# Earlier framework versions (plugins/<id>/versions/<v>/framework.json): a file made with one
# is offered for migration to the loaded version.
file(GLOB EQKIT_EARLIER_VERSION_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/plugins/*/versions/*/framework.json)
foreach(file ${EQKIT_EARLIER_VERSION_FILES})
  file(RELATIVE_PATH rel ${CMAKE_SOURCE_DIR}/plugins ${file})
  list(APPEND EQKIT_PRELOAD_OPTIONS "SHELL:--preload-file ${file}@/plugins/${rel}")
endforeach()

# Each workforce standard's indicators.json (WRES, WDES) sits beside its framework.json.
file(GLOB EQKIT_INDICATOR_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/plugins/*/indicators.json)
foreach(file ${EQKIT_INDICATOR_FILES})
  get_filename_component(dir ${file} DIRECTORY)
  get_filename_component(id ${dir} NAME)
  list(APPEND EQKIT_PRELOAD_OPTIONS "SHELL:--preload-file ${file}@/plugins/${id}/indicators.json")
endforeach()
# The crosswalk's mapping files, at /plugins/mappings/<name>.json as in the native builds.
file(GLOB EQKIT_MAPPING_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/plugins/mappings/*.json)
foreach(file ${EQKIT_MAPPING_FILES})
  get_filename_component(name ${file} NAME)
  list(APPEND EQKIT_PRELOAD_OPTIONS "SHELL:--preload-file ${file}@/plugins/mappings/${name}")
endforeach()

# Each tender question set (plugins/tender_*/question_set.json), for eqkit::TenderApi.
file(GLOB EQKIT_QUESTION_SET_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/plugins/*/question_set.json)
foreach(file ${EQKIT_QUESTION_SET_FILES})
  get_filename_component(dir ${file} DIRECTORY)
  get_filename_component(id ${dir} NAME)
  list(APPEND EQKIT_PRELOAD_OPTIONS "SHELL:--preload-file ${file}@/plugins/${id}/question_set.json")
endforeach()

add_executable(eqkit_core_module core_api.cpp)
target_sources(eqkit_core_module PRIVATE workforce_exports.cpp)
set_property(TARGET eqkit_core_module APPEND PROPERTY LINK_DEPENDS ${EQKIT_INDICATOR_FILES})
set_property(TARGET eqkit_core_module APPEND PROPERTY LINK_DEPENDS ${EQKIT_MAPPING_FILES})
set_target_properties(eqkit_core_module PROPERTIES
  OUTPUT_NAME eqkit-core SUFFIX ".js" RUNTIME_OUTPUT_DIRECTORY ${EQKIT_WEB_OUT}
  LINK_DEPENDS "${EQKIT_FRAMEWORK_FILES}")
target_link_libraries(eqkit_core_module PRIVATE eqkit_plugins eqkit_warnings)
# The workspace folder and evidence packs (eqkit::LibraryApi). The page also runs this module in
# a Web Worker (web/accessible/pack_worker.mjs) for pack export, verify and import.
target_sources(eqkit_core_module PRIVATE library_api_exports.cpp)
# The action plan of that workspace folder (eqkit/actions_api.hpp).
target_sources(eqkit_core_module PRIVATE actions_exports.cpp)
# A tender evaluation in a tender folder (eqkit/tender_api.hpp).
target_sources(eqkit_core_module PRIVATE tender_exports.cpp)
target_link_libraries(eqkit_core_module PRIVATE eqkit_evidence)
target_compile_definitions(eqkit_core_module PRIVATE EQKIT_VERSION="${PROJECT_VERSION}")
target_link_options(eqkit_core_module PRIVATE
  -sMODULARIZE=1 -sEXPORT_ES6=1 -sEXPORT_NAME=createEqkitCore -sENVIRONMENT=web,worker
  -sALLOW_MEMORY_GROWTH=1 -sDYNAMIC_EXECUTION=0 -sFORCE_FILESYSTEM=1 -lidbfs.js
  -sEXPORTED_FUNCTIONS=_malloc,_free -sEXPORTED_RUNTIME_METHODS=ccall,UTF8ToString,FS
  ${EQKIT_PRELOAD_OPTIONS})

# Static pages, our scripts, the NHS.UK frontend's script, and its styles compiled without the
# web font (which would load from assets.nhs.uk, off our origin).
set(face_src ${CMAKE_SOURCE_DIR}/web/accessible)
file(GLOB face_scripts CONFIGURE_DEPENDS ${face_src}/*.mjs)
set(face_outputs ${EQKIT_WEB_OUT}/index.html ${EQKIT_WEB_OUT}/accessible/eqkit-accessible.css
  ${EQKIT_WEB_OUT}/accessible/nhsuk-frontend.min.js)
add_custom_command(
  OUTPUT ${face_outputs}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${EQKIT_WEB_OUT}/accessible
  COMMAND ${CMAKE_COMMAND} -E copy ${face_src}/index.html ${EQKIT_WEB_OUT}/index.html
  COMMAND ${CMAKE_COMMAND} -E copy ${face_scripts} ${EQKIT_WEB_OUT}/accessible/
  COMMAND ${CMAKE_COMMAND} -E copy
          ${EQKIT_NODE_MODULES}/nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.js
          ${EQKIT_WEB_OUT}/accessible/nhsuk-frontend.min.js
  COMMAND ${CMAKE_COMMAND} -E copy_directory
          ${EQKIT_NODE_MODULES}/nhsuk-frontend/dist/nhsuk/assets/images ${EQKIT_WEB_OUT}/assets/images
  COMMAND ${EQKIT_NODE_MODULES}/.bin/sass --load-path=${EQKIT_NODE_MODULES} --no-source-map
          --style=compressed ${face_src}/eqkit-accessible.scss
          ${EQKIT_WEB_OUT}/accessible/eqkit-accessible.css
  DEPENDS ${face_src}/index.html ${face_src}/eqkit-accessible.scss ${face_scripts}
  COMMENT "Assembling the accessible web face"
  VERBATIM)
add_custom_target(eqkit_accessible_face ALL DEPENDS ${face_outputs})
