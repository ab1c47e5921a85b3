#pragma once
// The first screen: the frameworks that loaded, with title, version and item count. Arrow keys
// move, Enter (or a double click, or "Start assessment") starts an assessment.
#include <string>

#include "commands.hpp"
#include "eqkit/workspace.hpp"
#include "look.hpp"

namespace eqkit::ui {

struct FrameworkPickerState {
    std::string selected;    // framework id
    bool take_focus = true;  // put the keyboard focus on the selected row next frame
};

void draw_framework_picker(const Workspace& ws, FrameworkPickerState& st, CommandQueue& out,
                           const Look& look);

}  // namespace eqkit::ui
