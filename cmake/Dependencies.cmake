# Third-party libraries come from Debian: packages natively, source packages for the web build
# (fetched by scripts/setup.sh into third_party/, which git ignores).
set(EQKIT_THIRD_PARTY_DIR ${CMAKE_SOURCE_DIR}/third_party CACHE PATH "Sources fetched from Debian")

if(EMSCRIPTEN)
  # emcc must never see /usr/include (glibc headers win), so expose only the header-only
  # libraries through a folder of symlinks.
  set(EQKIT_HOST_INCLUDE ${CMAKE_BINARY_DIR}/hostinc)
  file(MAKE_DIRECTORY ${EQKIT_HOST_INCLUDE})
  foreach(dir nlohmann tl doctest)
    if(NOT EXISTS ${EQKIT_HOST_INCLUDE}/${dir})
      file(CREATE_LINK /usr/include/${dir} ${EQKIT_HOST_INCLUDE}/${dir} SYMBOLIC)
    endif()
  endforeach()
  add_library(eqkit_host_headers INTERFACE)
  target_include_directories(eqkit_host_headers SYSTEM INTERFACE ${EQKIT_HOST_INCLUDE})
  target_compile_definitions(eqkit_host_headers INTERFACE JSON_NOEXCEPTION)
  add_library(nlohmann_json::nlohmann_json ALIAS eqkit_host_headers)
  add_library(tl::expected ALIAS eqkit_host_headers)
else()
  find_package(nlohmann_json 3.11 REQUIRED)
  find_package(tl-expected REQUIRED)
  find_package(PkgConfig REQUIRED)
  find_package(Threads REQUIRED)
endif()
