#pragma once
// Totals as the framework's aggregation rules give them: each group's total of its maximum, how
// many items are answered, the overall total and band ("provisional" until every item is
// scored, "UNCONFIRMED" where the band is), and the aggregation note. For frameworks rated by
// percentages (CQC), also the rating the core works out: the method in force, each group's
// percentage and rating with its working, the overall rating with the rule that gave it, the
// method's steps, every decision left to the user, and every unconfirmed fact, in words.
#include <map>
#include <string>
#include <vector>

#include "commands.hpp"
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

// Drafts of the judgements being written, by what they are about ("overall", a group code).
struct TotalsPanelState {
    std::map<std::string, std::string> rating;
    std::map<std::string, std::string> rationale;
    // Widget ids by "<about>" (the Record button), "<about>/rationale" and "<about>/<rating>",
    // for tests that use them by keyboard.
    std::map<std::string, unsigned int> ids;
};

// Below the rating, a form per judgement left to the user: pick a rating, say why, record it
// (one SetChoices; the core refuses a judgement without a rationale, shown in Problems).
void draw_totals_panel(const Workspace& ws, TotalsPanelState& st, CommandQueue& out,
                       const Look& look);

}  // namespace eqkit::ui
