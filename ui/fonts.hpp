#pragma once
// Builds the font atlas at the user's chosen size: a TrueType face when the platform has one,
// else Dear ImGui's built-in font at that size.
#include <optional>

#include <imgui.h>

#include "platform.hpp"

namespace eqkit::ui {

struct Fonts {
    ImFont* body = nullptr;
    ImFont* heading = nullptr;
    bool built_in = true;  // Proggy Clean: ASCII only, needs punctuation remapped
};

// Clears the atlas and adds the fonts; the backend (or a test) then builds the texture.
[[nodiscard]] Fonts add_fonts(ImFontAtlas& atlas, float pixels,
                              const std::optional<FontFiles>& files);

// Once the atlas is built: shows typographic punctuation the built-in font lacks as its
// nearest ASCII character (an en dash as "-"), rather than as "?".
void remap_missing_punctuation(const Fonts& fonts);

}  // namespace eqkit::ui
