// Browser: WebGL 2, which is OpenGL ES 3.0 with GLSL ES 3.00.
#include "host/gl_profile.hpp"

namespace eqkit::ui {

GlProfile gl_profile() {
    return GlProfile{3, 0, "#version 300 es", 0.0, false};
}

}  // namespace eqkit::ui
