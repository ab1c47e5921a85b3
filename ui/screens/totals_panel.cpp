#include "screens/totals_panel.hpp"

#include <algorithm>

#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include "eqkit/rating.hpp"
#include "eqkit/scoring.hpp"
#include "eqkit/text.hpp"
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
        if (group.item_count == 0) {  // the user said none of it applies: nothing to do
            widgets::muted(look, fill(text::totals_group_none_apply, lower_first(fw.item_label)));
            continue;
        }
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

using Kind = RatingLine::Kind;

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const std::string& part : parts) {
        if (!out.empty()) out += ", ";
        out += part;
    }
    return out;
}

void add(std::vector<RatingLine>& lines, Kind kind, std::string text, std::string note = {}) {
    lines.push_back({kind, std::move(text), std::move(note)});
}

void group_lines(const Framework& fw, const Rating& r, std::vector<RatingLine>& lines) {
    for (const GroupRating& g : r.groups) {
        add(lines, Kind::subheading,
            fill(text::totals_group_name, fw.group_label, g.code, g.title));
        if (!g.percent) {
            add(lines, Kind::muted, std::string(text::rating_group_none));
            continue;
        }
        add(lines, Kind::paragraph,
            g.rating.empty() ? fill(text::rating_group_judgement, *g.percent)
                             : fill(text::rating_group_rated, *g.percent, g.rating));
        if (g.band && !g.band->provenance.confirmed) {
            add(lines, Kind::unconfirmed, g.band->label, g.band->provenance.note);
        }
        if (!g.working.empty()) add(lines, Kind::muted, fill(text::rating_working, g.working));
    }
}

void overall_lines(const OverallRating& o, std::vector<RatingLine>& lines) {
    if (!o.rating.empty() && o.percent) {
        add(lines, Kind::subheading, fill(text::rating_overall_percent, o.rating, *o.percent));
    } else if (!o.rating.empty()) {
        add(lines, Kind::subheading, fill(text::rating_overall, o.rating));
    } else if (o.needs_judgement) {
        add(lines, Kind::subheading, std::string(text::rating_overall_judgement));
    } else {
        add(lines, Kind::subheading, std::string(text::rating_overall_pending));
    }
    if (!o.rule.empty()) add(lines, Kind::paragraph, fill(text::rating_rule, o.rule));
    if (!o.working.empty()) add(lines, Kind::muted, fill(text::rating_working, o.working));
    if (!o.unanswered.empty()) {
        add(lines, Kind::muted, fill(text::rating_unanswered, joined(o.unanswered)));
    }
}

std::string about_name(const Rating& r, const std::string& about) {
    if (about == "overall") return std::string(text::rating_judgement_overall);
    for (const GroupRating& g : r.groups) {
        if (g.code == about) return g.title;
    }
    return about;
}

void judgement_lines(const Rating& r, std::vector<RatingLine>& lines) {
    if (r.judgements.empty()) return;
    const bool all_made = std::all_of(r.judgements.begin(), r.judgements.end(),
                                      [](const JudgementCall& j) { return j.made.has_value(); });
    add(lines, Kind::subheading,
        std::string(all_made ? text::rating_judgements_recorded : text::rating_judgements_heading));
    for (const JudgementCall& call : r.judgements) {
        add(lines, Kind::paragraph,
            fill(text::rating_judgement_about, about_name(r, call.about), call.reason));
        if (!call.note.empty())
            add(lines, Kind::muted, fill(text::rating_judgement_why, call.note));
        add(lines, Kind::muted, fill(text::rating_judgement_options, joined(call.options)));
        if (call.made) {
            add(lines, Kind::paragraph,
                fill(text::rating_judgement_made, call.made->rating, call.made->rationale));
        }
    }
}

void draw_rating(const std::vector<RatingLine>& lines, const Look& look) {
    if (lines.empty()) return;
    ImGui::Separator();
    widgets::heading(look, text::rating_heading);
    for (const RatingLine& line : lines) {
        switch (line.kind) {
            case Kind::subheading:
                ImGui::Spacing();
                widgets::subheading(look, line.text);
                break;
            case Kind::paragraph:
                widgets::paragraph(line.text);
                break;
            case Kind::muted:
                widgets::muted(look, line.text);
                break;
            case Kind::problem:
                widgets::problem(look, line.text);
                break;
            case Kind::unconfirmed:
                widgets::unconfirmed_note(look, line.text, line.note);
                break;
        }
    }
}

void draw_judgement_form(const Workspace& ws, const Rating& r, const JudgementCall& call,
                         TotalsPanelState& st, CommandQueue& out, const Look& look) {
    ImGui::PushID(call.about.c_str());
    const std::string name = about_name(r, call.about);
    widgets::subheading(look, fill(text::rating_record_rating, name));
    std::string& rating = st.rating[call.about];
    std::string& rationale = st.rationale[call.about];
    if (rating.empty() && call.made) rating = call.made->rating;
    if (rationale.empty() && call.made) rationale = call.made->rationale;
    for (const std::string& option : call.options) {
        if (ImGui::RadioButton(option.c_str(), rating == option)) rating = option;
        st.ids[call.about + "/" + option] = ImGui::GetItemID();
    }
    ImGui::TextUnformatted(text::rating_record_rationale);
    ImGui::InputTextMultiline("##rationale", &rationale,
                              ImVec2(-1.0F, ImGui::GetTextLineHeight() * 3.0F));
    st.ids[call.about + "/rationale"] = ImGui::GetItemID();
    const bool record = ImGui::Button(text::rating_record);
    st.ids[call.about] = ImGui::GetItemID();
    if (record) {
        Assessment settings = ws.assessment();
        settings.judgements[call.about] = {rating, rationale};
        out.push(SetChoices{std::move(settings), fill(text::rating_record_what, name)});
    }
    ImGui::PopID();
}

void draw_judgement_forms(const Workspace& ws, TotalsPanelState& st, CommandQueue& out,
                          const Look& look) {
    const Framework& fw = ws.framework();
    if (fw.aggregation.method != AggregationMethod::percentage) return;
    const Result<Rating> r = rate(fw, rating_input(fw, ws.assessment()));
    if (!r) return;
    for (const JudgementCall& call : r->judgements) {
        ImGui::Spacing();
        draw_judgement_form(ws, *r, call, st, out, look);
    }
}

}  // namespace

std::vector<RatingLine> rating_lines(const Framework& fw, const Assessment& assessment) {
    std::vector<RatingLine> lines;
    if (fw.aggregation.method != AggregationMethod::percentage) return lines;
    const Result<Rating> rated = rate(fw, rating_input(fw, assessment));
    if (!rated) {
        add(lines, Kind::problem, fill(text::rating_problem, rated.error().message()));
        return lines;
    }
    const Rating& r = *rated;
    add(lines, Kind::paragraph,
        r.applies_from.empty() ? fill(text::rating_method_undated, r.method_title)
                               : fill(text::rating_method, r.method_title, r.applies_from));
    overall_lines(r.overall, lines);
    group_lines(fw, r, lines);
    if (!r.steps.empty()) {
        add(lines, Kind::subheading, std::string(text::rating_steps_heading));
        for (std::size_t i = 0; i < r.steps.size(); ++i) {
            add(lines, Kind::paragraph, fill(text::rating_step, i + 1, r.steps[i]));
        }
    }
    if (!r.rounding.empty()) add(lines, Kind::muted, fill(text::rating_rounding, r.rounding));
    if (!r.rules_applied.empty()) {
        add(lines, Kind::subheading, std::string(text::rating_applied_heading));
        for (const std::string& rule : r.rules_applied)
            add(lines, Kind::paragraph, rule);
    }
    judgement_lines(r, lines);
    if (!r.unconfirmed.empty()) {
        add(lines, Kind::subheading, std::string(text::totals_unconfirmed_heading));
        for (const UnconfirmedFact& fact : r.unconfirmed)
            add(lines, Kind::unconfirmed, fact.what, fact.note);
    }
    return lines;
}

void draw_totals_panel(const Workspace& ws, TotalsPanelState& st, CommandQueue& out,
                       const Look& look) {
    const Framework& fw = ws.framework();
    const Scores scores = compute_scores(fw, ws.assessment());
    widgets::heading(look, text::totals_heading);
    draw_overall(scores, look);
    ImGui::Spacing();
    draw_groups(fw, scores, look);
    const std::vector<RatingLine> rating = rating_lines(fw, ws.assessment());
    draw_rating(rating, look);
    draw_judgement_forms(ws, st, out, look);
    ImGui::Separator();
    if (!fw.aggregation.note.empty()) {
        ImGui::Spacing();
        widgets::muted(look, fw.aggregation.note);
    }
    // Facts the rating section has listed already are not listed twice.
    std::vector<UnconfirmedFact> facts;
    for (const UnconfirmedFact& fact : scores.unconfirmed) {
        const auto listed = std::find_if(rating.begin(), rating.end(), [&](const RatingLine& l) {
            return l.kind == RatingLine::Kind::unconfirmed && l.text == fact.what;
        });
        if (listed == rating.end()) facts.push_back(fact);
    }
    if (!facts.empty()) {
        ImGui::Spacing();
        widgets::subheading(look, text::totals_unconfirmed_heading);
        for (const UnconfirmedFact& fact : facts) {
            widgets::unconfirmed_note(look, fact.what, fact.note);
        }
    }
}

}  // namespace eqkit::ui
