#pragma once
// The OpenGL flavour each face asks for. One definition per face (gl_desktop.cpp, gl_web.cpp),
// chosen by CMake, so the shared frame code has no #ifdef.
namespace eqkit::ui {

struct GlProfile {
    int major = 3;
    int minor = 0;
    const char* glsl_version = "#version 130";
    // How long to wait for input between frames when nothing happens (0: the browser drives
    // the frames, so never block).
    double idle_wait_seconds = 0.0;
    // Desktop: wait for the display's refresh. Browser: requestAnimationFrame already does.
    bool vsync = true;
};

[[nodiscard]] GlProfile gl_profile();

}  // namespace eqkit::ui
