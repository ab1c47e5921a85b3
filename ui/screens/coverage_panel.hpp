#pragma once
// The coverage view: for a chosen framework, which items the evidence library (a workspace
// folder) has evidence or an answer for directly, which only through the crosswalk, and which
// none; worked out by the core (eqkit::coverage), as on the accessible face's #/coverage.
#include <string>

#include "eqkit/workspace.hpp"
#include "eqkit/workspace_folder.hpp"
#include "look.hpp"

namespace eqkit::ui {

struct CoveragePanelState {
    std::string framework;       // the chosen id; "" = the open assessment's, else the first loaded
    unsigned int header_id = 0;  // the collapsing header, for tests by keyboard
    std::string counts;          // the counts line last shown
};

void draw_coverage_panel(const WorkspaceFolder& library, const Workspace& open,
                         CoveragePanelState& st, const Look& look);

// The framework the panel shows.
[[nodiscard]] std::string coverage_framework(const Workspace& open, const CoveragePanelState& st);

}  // namespace eqkit::ui
