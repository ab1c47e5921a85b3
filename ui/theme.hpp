#pragma once
// Themes are data (ui/themes/*.json, format "eqkit-theme/1"): a Dear ImGui base style, named
// style sizes, named colours, and EqualityKit's own accent colours.
#include <string_view>

#include <imgui.h>

#include "eqkit/error.hpp"

namespace eqkit::ui {

// Colours the screens use for their own meaning; meaning is always in words too.
struct Accents {
    ImVec4 heading{1, 1, 1, 1};
    ImVec4 unconfirmed{1, 0.8F, 0.3F, 1};
    ImVec4 problem{1, 0.5F, 0.5F, 1};
    ImVec4 muted{0.75F, 0.75F, 0.75F, 1};
};

// Resets style to the theme's base, applies the theme, then scales sizes for the font
// (themes are written for 20 px text). Every problem in the document is reported.
[[nodiscard]] Checked<Accents> apply_theme(std::string_view json, std::string_view label,
                                           float font_pixels, ImGuiStyle& style);

// The built-in themes, embedded from ui/themes/ at build time.
[[nodiscard]] std::string_view standard_theme();
[[nodiscard]] std::string_view high_contrast_theme();

}  // namespace eqkit::ui
