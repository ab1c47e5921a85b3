#pragma once
// Display settings: text size (18 px and up) and the high-contrast theme.
#include "commands.hpp"
#include "settings.hpp"

namespace eqkit::ui {

void draw_settings_panel(const Settings& settings, CommandQueue& out);

}  // namespace eqkit::ui
