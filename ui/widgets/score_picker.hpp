#pragma once
// The score picker: one radio button per scale level ("2 – Achieving activity"), plus "Not
// scored"; unconfirmed levels carry the word UNCONFIRMED, with the note as tooltip and in text.
#include <optional>

#include "eqkit/framework.hpp"
#include "look.hpp"

namespace eqkit::ui::widgets {

// Returns true when the user picked a different score; `score` then holds it (nullopt = clear).
[[nodiscard]] bool score_picker(const Look& look, const Scale& scale, std::optional<int>& score);

}  // namespace eqkit::ui::widgets
