#pragma once
// Totals as the framework's aggregation rules give them: each group's total of its maximum, how
// many items are answered, the overall total and band ("provisional" until every item is
// scored, "UNCONFIRMED" where the band is), and the aggregation note. For frameworks rated by
// percentages (CQC), also the rating the core works out: the method in force, each group's
// percentage and rating with its working, the overall rating with the rule that gave it, the
// method's steps, every decision left to the user, and every unconfirmed fact, in words.
#include <string>
#include <vector>

#include "eqkit/workspace.hpp"
#include "look.hpp"

namespace eqkit::ui {

// One line of the rating section, as the panel draws it.
struct RatingLine {
    enum class Kind { subheading, paragraph, muted, problem, unconfirmed };
    Kind kind = Kind::paragraph;
    std::string text;  // unconfirmed: what is unconfirmed
    std::string note;  // unconfirmed: why
};

// The rating section's lines for an assessment; empty for frameworks without a rating. The
// rating comes from eqkit::rate; nothing here decides a rating.
[[nodiscard]] std::vector<RatingLine> rating_lines(const Framework& fw,
                                                   const Assessment& assessment);

void draw_totals_panel(const Workspace& ws, const Look& look);

}  // namespace eqkit::ui
