#pragma once
// Moves the keyboard focus to the item just drawn, as if the user had navigated to it.
namespace eqkit::ui::widgets {

// visible: show the focus rectangle now (not only after the next key press).
void focus_last_item(bool visible);

}  // namespace eqkit::ui::widgets
