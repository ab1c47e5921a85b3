#pragma once
// What the screens draw with: the fonts and theme accents of the current settings.
#include "fonts.hpp"
#include "theme.hpp"

namespace eqkit::ui {

struct Look {
    Fonts fonts;
    Accents accents;
    float font_pixels = 20.0F;
};

}  // namespace eqkit::ui
