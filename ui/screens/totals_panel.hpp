#pragma once
// Totals as the framework's aggregation rules give them: each group's total of its maximum, how
// many items are answered, the overall total and band ("provisional" until every item is
// scored, "UNCONFIRMED" where the band is), and the aggregation note.
#include "eqkit/workspace.hpp"
#include "look.hpp"

namespace eqkit::ui {

void draw_totals_panel(const Workspace& ws, const Look& look);

}  // namespace eqkit::ui
