#pragma once
// Display settings the user can change from the View menu.
namespace eqkit::ui {

inline constexpr float min_font_pixels = 18.0F;  // never smaller than 18 px
inline constexpr float max_font_pixels = 40.0F;
inline constexpr float default_font_pixels = 20.0F;

struct Settings {
    float font_pixels = default_font_pixels;
    bool high_contrast = false;
    friend bool operator==(const Settings&, const Settings&) = default;
};

}  // namespace eqkit::ui
