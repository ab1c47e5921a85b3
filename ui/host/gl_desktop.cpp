// Desktop: OpenGL 3.0 with GLSL 1.30 (Mesa, including llvmpipe under Xvfb).
#include "host/gl_profile.hpp"

namespace eqkit::ui {

GlProfile gl_profile() {
    return GlProfile{3, 0, "#version 130", 0.05, true};
}

}  // namespace eqkit::ui
