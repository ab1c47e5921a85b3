#pragma once
// File, Edit, Go and View menus. Desktop and browser differ only in wording (a browser downloads
// rather than saves to a path) and in Quit, which a browser tab does not offer.
#include "commands.hpp"
#include "eqkit/workspace.hpp"
#include "settings.hpp"

namespace eqkit::ui {

struct MenuContext {
    bool uses_paths = true;
    bool can_quit = true;
    Section section = Section::assessment;
};

void draw_menu_bar(const Workspace& ws, const MenuContext& context, const Settings& settings,
                   CommandQueue& out);

}  // namespace eqkit::ui
