#include "screens/totals_panel.hpp"

#include <imgui.h>

#include "eqkit/scoring.hpp"
#include "text.hpp"
#include "widgets/typography.hpp"

namespace eqkit::ui {
namespace {

std::string band_text(const Band& band, bool complete) {
    return complete ? band.label : fill(text::totals_band_provisional, band.label);
}

void draw_groups(const Framework& fw, const Scores& scores, const Look& look) {
    for (const GroupScore& group : scores.groups) {
        ImGui::Separator();
        widgets::subheading(look,
                            fill(text::totals_group_name, fw.group_label, group.code, group.title));
        const std::string answered = fill(text::totals_of, group.answered, group.item_count);
        if (scores.aggregated) {
            widgets::muted(look,
                           fill(text::totals_group_line,
                                fill(text::totals_of, group.total, group.range.max), answered));
        } else {
            widgets::muted(look, fill(text::totals_group_answered, answered));
        }
        if (group.band) {
            widgets::paragraph(
                fill(text::totals_group_band, band_text(*group.band, group.complete())));
            widgets::unconfirmed_marker(look, group.band->provenance, false);
        }
    }
}

void draw_overall(const Scores& scores, const Look& look) {
    if (!scores.aggregated) {
        widgets::paragraph(text::totals_not_totalled);
        widgets::paragraph(fill(text::totals_answered, scores.answered, scores.item_count));
        return;
    }
    widgets::subheading(look, fill(text::totals_overall, scores.total, scores.range.max));
    widgets::paragraph(fill(text::totals_answered, scores.answered, scores.item_count));
    if (scores.band) {
        widgets::paragraph(fill(text::totals_band, band_text(*scores.band, scores.complete())));
        widgets::unconfirmed_marker(look, scores.band->provenance, false);
        if (!scores.complete()) widgets::muted(look, text::totals_provisional_note);
    }
}

}  // namespace

void draw_totals_panel(const Workspace& ws, const Look& look) {
    const Framework& fw = ws.framework();
    const Scores scores = compute_scores(fw, ws.assessment());
    widgets::heading(look, text::totals_heading);
    draw_overall(scores, look);
    ImGui::Spacing();
    draw_groups(fw, scores, look);
    ImGui::Separator();
    if (!fw.aggregation.note.empty()) {
        ImGui::Spacing();
        widgets::muted(look, fw.aggregation.note);
    }
    if (!scores.unconfirmed.empty()) {
        ImGui::Spacing();
        widgets::subheading(look, text::totals_unconfirmed_heading);
        for (const UnconfirmedFact& fact : scores.unconfirmed) {
            widgets::unconfirmed_note(look, fact.what, fact.note);
        }
    }
}

}  // namespace eqkit::ui
