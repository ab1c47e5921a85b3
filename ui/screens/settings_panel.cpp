#include "screens/settings_panel.hpp"

#include <imgui.h>

#include "text.hpp"

namespace eqkit::ui {

void draw_settings_panel(const Settings& settings, CommandQueue& out) {
    float pixels = settings.font_pixels;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10.0F);
    if (ImGui::SliderFloat(text::settings_text_size, &pixels, min_font_pixels, max_font_pixels,
                           text::settings_text_size_format, ImGuiSliderFlags_AlwaysClamp)) {
        out.push(SetFontSize{pixels});
    }
    bool high_contrast = settings.high_contrast;
    if (ImGui::Checkbox(text::settings_high_contrast, &high_contrast)) {
        out.push(SetHighContrast{high_contrast});
    }
}

}  // namespace eqkit::ui
