#pragma once
// The migration review screen: an assessment file made with an earlier version of a framework
// shows what changed (items added, removed, retitled; the scale) and what carrying it across
// gives (answers carried by code or by mapping, and every answer left behind with why), then
// Carry it across or Cancel. Afterwards a strip above the assessment counts the carried answers
// still to review and walks through them one by one (Confirm and next). The offer itself comes
// from the core (eqkit/migration_offer.hpp), as on the accessible face.
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "commands.hpp"
#include "eqkit/migration_offer.hpp"
#include "eqkit/workspace.hpp"
#include "look.hpp"

namespace eqkit::ui {

struct MigrationScreenState {
    std::string text;  // the file as read, carried across when the user agrees
    std::string label;
    MigrationOffer offer;
    // Browser: the kept assessment this offer is for (set aside in browser storage), kept as
    // carried once the user agrees; none for a file the user opened.
    std::optional<std::filesystem::path> kept;
    // Widget ids ("carry", "cancel"), for tests by keyboard.
    std::map<std::string, unsigned int> ids;
};

void draw_migration_screen(MigrationScreenState& st, CommandQueue& out, const Look& look);

// The carried answers still marked "needs review", in framework order.
[[nodiscard]] std::vector<std::string> answers_to_review(const Workspace& ws);

// Shown while some answer needs review: "Review next" selects the next one after `selected`;
// "Confirm and next" confirms the selected one (if it needs review) and moves on. Ids ("next",
// "confirm") go into ids for tests.
void draw_review_strip(const Workspace& ws, const std::string& selected, CommandQueue& out,
                       const Look& look, std::map<std::string, unsigned int>& ids);

}  // namespace eqkit::ui
