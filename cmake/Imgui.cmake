# Dear ImGui 1.86 as the target `imgui`, from Debian in both builds.
#  - Native: Debian's prebuilt static libimgui.a (core, imgui_stdlib and the GLFW/OpenGL3
#    backends are compiled into it), found through pkg-config.
#  - Web: the same version's sources, fetched by scripts/setup.sh into third_party/ (never
#    committed), compiled with emcc for WebGL 2.
# ImGui's headers are SYSTEM includes and the target never links eqkit_warnings, so our
# -Werror does not apply to third-party code.
if(TARGET imgui)
  return()
endif()

if(EMSCRIPTEN)
  set(EQKIT_IMGUI_DIR ${EQKIT_THIRD_PARTY_DIR}/imgui-1.86+ds CACHE PATH "Dear ImGui 1.86 sources (web build)")
  if(NOT EXISTS ${EQKIT_IMGUI_DIR}/imgui.cpp OR NOT EXISTS ${EQKIT_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
    message(FATAL_ERROR
      "The web build compiles Dear ImGui 1.86 from source, but ${EQKIT_IMGUI_DIR} has no imgui.cpp.\n"
      "Run scripts/setup.sh once: it fetches the sources with `apt-get source imgui`.")
  endif()
  add_library(imgui STATIC
    ${EQKIT_IMGUI_DIR}/imgui.cpp
    ${EQKIT_IMGUI_DIR}/imgui_draw.cpp
    ${EQKIT_IMGUI_DIR}/imgui_tables.cpp
    ${EQKIT_IMGUI_DIR}/imgui_widgets.cpp
    ${EQKIT_IMGUI_DIR}/backends/imgui_impl_glfw.cpp
    ${EQKIT_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp
    ${EQKIT_IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp)
  target_include_directories(imgui SYSTEM PUBLIC
    ${EQKIT_IMGUI_DIR} ${EQKIT_IMGUI_DIR}/backends ${EQKIT_IMGUI_DIR}/misc/cpp)
  # 1.86's OpenGL3 backend picks GLES2/WebGL 1 on Emscripten unless told otherwise (toolchain G8).
  target_compile_definitions(imgui PUBLIC IMGUI_IMPL_OPENGL_ES3)
else()
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)
  add_library(imgui INTERFACE)
  # The .pc file names /usr/include/imgui but not its backends/ folder.
  target_include_directories(imgui SYSTEM INTERFACE ${IMGUI_INCLUDE_DIRS} ${IMGUI_INCLUDEDIR}/backends)
  target_link_libraries(imgui INTERFACE PkgConfig::IMGUI)
endif()
