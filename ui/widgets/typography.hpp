#pragma once
// Text helpers shared by the screens: wrapped paragraphs (never truncated), headings, and the
// "UNCONFIRMED" marker that shows an unconfirmed fact in words, with its note.
#include <string_view>

#include "eqkit/framework.hpp"
#include "look.hpp"

namespace eqkit::ui::widgets {

void heading(const Look& look, std::string_view text);     // large, bold where available
void subheading(const Look& look, std::string_view text);  // body size, heading colour
void paragraph(std::string_view text);                     // wrapped at the window edge
void muted(const Look& look, std::string_view text);       // wrapped, secondary colour
void problem(const Look& look, std::string_view text);     // wrapped, problem colour
// "UNCONFIRMED", with the note as its tooltip, on the same line as the previous item (or on a
// line of its own). Draws nothing for confirmed facts. Returns whether it drew.
bool unconfirmed_marker(const Look& look, const Provenance& provenance, bool same_line = true);
// A wrapped "UNCONFIRMED: <what>: <note>" line, for keyboard and screen-magnifier users who
// cannot hover.
void unconfirmed_note(const Look& look, std::string_view what, std::string_view note);
void tooltip(std::string_view text);  // when the mouse is over the previous item

[[nodiscard]] bool enter_pressed();

}  // namespace eqkit::ui::widgets
