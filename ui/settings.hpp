#pragma once
// Display settings the user can change from the View menu, kept between sessions.
#include <optional>
#include <string>
#include <string_view>

namespace eqkit::ui {

inline constexpr float min_font_pixels = 18.0F;  // never smaller than 18 px
inline constexpr float max_font_pixels = 40.0F;
inline constexpr float default_font_pixels = 20.0F;

struct Settings {
    float font_pixels = default_font_pixels;
    bool high_contrast = false;
    friend bool operator==(const Settings&, const Settings&) = default;
};

// {"font_pixels": 24, "high_contrast": true}
[[nodiscard]] std::string settings_to_json(const Settings& settings);
// Lenient: a missing or broken file gives nullopt; missing keys keep their defaults and the
// size is clamped to [min_font_pixels, max_font_pixels].
[[nodiscard]] std::optional<Settings> settings_from_json(std::string_view json);

}  // namespace eqkit::ui
