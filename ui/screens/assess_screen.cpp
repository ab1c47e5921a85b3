#include "screens/assess_screen.hpp"

#include <algorithm>

#include <imgui.h>
#include <imgui_internal.h>

#include "eqkit/dates.hpp"
#include "eqkit/form.hpp"
#include "eqkit/rating.hpp"
#include "eqkit/scoring.hpp"
#include "eqkit/text.hpp"
#include "screens/totals_panel.hpp"
#include "text.hpp"
#include "widgets/focus.hpp"
#include "widgets/typography.hpp"

namespace eqkit::ui {
namespace {

// Begins a panel's child window and honours focus requests for it.
bool begin_panel(const char* id, Panel panel, ImVec2 size, AssessScreenState& st) {
    const bool visible = ImGui::BeginChild(id, size, true);
    if (st.focus_request == panel) {
        ImGui::FocusWindow(ImGui::GetCurrentWindow());
        ImGui::NavInitWindow(ImGui::GetCurrentWindow(), false);
        ImGui::GetCurrentContext()->NavDisableHighlight = false;
        st.focus_request.reset();
    }
    if (ImGui::IsWindowFocused()) st.focused = panel;
    return visible;
}

void draw_method_choice(const Workspace& ws, CommandQueue& out, const Look& look) {
    const Framework& fw = ws.framework();
    if (fw.aggregation.methods.size() < 2) return;
    widgets::subheading(look, text::choices_method);
    const std::string current = rating_input(fw, ws.assessment()).method;
    for (const ScoringMethod& m : fw.aggregation.methods) {
        if (ImGui::RadioButton(m.title.c_str(), m.id == current) && m.id != current) {
            Assessment settings = ws.assessment();
            settings.method = m.id;
            out.push(SetChoices{std::move(settings), std::string(text::choices_method_what)});
        }
        widgets::unconfirmed_marker(look, m.provenance);
    }
}

// A whole key question in one step: a box per group, ticked while any of its items applies;
// a click makes exactly the ticked groups apply, through the core's applying_items (the rule
// the CLI's assess choose --applies uses).
void draw_group_choice(const Workspace& ws, AssessScreenState& st, CommandQueue& out,
                       const Look& look) {
    const Framework& fw = ws.framework();
    const Assessment& a = ws.assessment();
    const auto any_applies = [&a](const Group& g) {
        return std::any_of(g.items.begin(), g.items.end(),
                           [&a](const Item& i) { return a.applies(i.code); });
    };
    const std::string group_label = lower_first(fw.group_label);
    widgets::paragraph(fill(text::choices_groups, group_label));
    widgets::muted(look, fill(text::choices_groups_hint, group_label));
    for (const Group& group : fw.groups) {
        bool ticked = any_applies(group);
        const std::string label = fill(text::items_row, group.code, group.title);
        const bool clicked = ImGui::Checkbox(label.c_str(), &ticked);
        st.choice_ids["group:" + group.code] = ImGui::GetItemID();
        if (!clicked) continue;
        std::vector<std::string> codes;
        for (const Group& g : fw.groups) {
            if (g.code == group.code ? ticked : any_applies(g)) codes.push_back(g.code);
        }
        Assessment settings = a;
        settings.applicable = applying_items(fw, codes);
        out.push(SetChoices{std::move(settings), std::string(text::choices_applies_what)});
    }
    ImGui::Spacing();
}

void draw_applies_choice(const Workspace& ws, AssessScreenState& st, CommandQueue& out,
                         const Look& look) {
    const Framework& fw = ws.framework();
    widgets::subheading(look, text::choices_applies);
    widgets::muted(look, applicability_note(fw));
    const Assessment& a = ws.assessment();
    bool all = !a.applicable;
    const bool all_clicked = ImGui::Checkbox(text::choices_all_apply, &all);
    st.choice_ids["all"] = ImGui::GetItemID();
    if (all_clicked) {
        Assessment settings = a;
        if (all) {
            settings.applicable.reset();
        } else {
            settings.applicable.emplace();
        }
        out.push(SetChoices{std::move(settings), std::string(text::choices_applies_what)});
    }
    draw_group_choice(ws, st, out, look);
    for (const Group& group : fw.groups) {
        for (const Item& item : group.items) {
            bool applies = a.applies(item.code);
            const std::string label = fill(text::items_row, item.code, item.title);
            const bool clicked = ImGui::Checkbox(label.c_str(), &applies);
            st.choice_ids[item.code] = ImGui::GetItemID();
            if (!clicked) continue;
            Assessment settings = a;
            std::vector<std::string> codes;
            for (const Group& g : fw.groups) {
                for (const Item& i : g.items) {
                    const bool on = i.code == item.code ? applies : a.applies(i.code);
                    if (on) codes.push_back(i.code);
                }
            }
            settings.applicable = std::move(codes);
            out.push(SetChoices{std::move(settings), std::string(text::choices_applies_what)});
        }
    }
}

void draw_flag_choices(const Workspace& ws, CommandQueue& out, const Look& look) {
    const Framework& fw = ws.framework();
    if (!fw.aggregation.overall_rules) return;
    for (const RatingCap& cap : fw.aggregation.overall_rules->caps) {
        ImGui::PushID(cap.flag.c_str());
        widgets::subheading(look, cap.question);
        widgets::muted(look, cap.text);
        const auto it = ws.assessment().flags.find(cap.flag);
        for (const bool value : {true, false}) {
            const bool on = it != ws.assessment().flags.end() && it->second == value;
            if (ImGui::RadioButton(value ? text::choices_yes : text::choices_no, on) && !on) {
                Assessment settings = ws.assessment();
                settings.flags[cap.flag] = value;
                out.push(
                    SetChoices{std::move(settings), fill(text::choices_flag_what, cap.question)});
            }
            if (value) ImGui::SameLine();
        }
        ImGui::PopID();
    }
}

void draw_choices(const Workspace& ws, AssessScreenState& st, CommandQueue& out, const Look& look) {
    if (ws.framework().aggregation.methods.empty()) return;
    const bool open = ImGui::CollapsingHeader(text::choices_heading);
    st.choice_ids["choices"] = ImGui::GetItemID();
    if (!open) return;
    ImGui::PushID("choices");
    draw_method_choice(ws, out, look);
    draw_flag_choices(ws, out, look);
    draw_applies_choice(ws, st, out, look);
    ImGui::PopID();
}

// One entry of the list, an item or an impact assessment's part; the selection follows the
// keyboard focus when the focus moves.
void list_entry(const std::string& label, const std::string& key, AssessScreenState& st,
                CommandQueue& out) {
    const bool selected = st.selected == key;
    if (ImGui::Selectable(label.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns)) {
        out.push(SelectItem{key});
    }
    if (ImGui::IsItemFocused() && st.focused_item != key) {
        st.focused_item = key;
        if (!selected) out.push(SelectItem{key});
    }
    widgets::tooltip(label);
    if (st.take_focus && selected) {
        widgets::focus_last_item(st.show_focus);
        ImGui::SetScrollHereY(0.25F);
        st.focused_item = key;
        st.take_focus = false;
        st.show_focus = false;
    }
}

// The impact assessment's parts above the scored items, under the version and review lines.
void draw_impact_entries(const Workspace& ws, AssessScreenState& st, CommandQueue& out,
                         const Look& look) {
    const Framework& fw = ws.framework();
    const std::vector<ImpactEntry> entries = impact_entries(fw, ws.assessment());
    if (entries.empty()) return;
    widgets::paragraph(version_words(ws.assessment()));
    if (fw.review) {
        widgets::paragraph(
            fill(text::ia_review_line, review_words(fw, ws.assessment(), today_iso())));
    }
    std::optional<ImpactPage> shown;
    for (const ImpactEntry& e : entries) {
        if (e.page != shown && (e.page == ImpactPage::section || e.page == ImpactPage::row)) {
            ImGui::Spacing();
            widgets::subheading(
                look, e.page == ImpactPage::section ? std::string(text::ia_about) : fw.rows->title);
        } else if (e.page != shown && e.page == ImpactPage::matrix) {
            ImGui::Spacing();
        }
        shown = e.page;
        ImGui::PushID(e.key.c_str());
        list_entry(e.label, e.key, st, out);
        widgets::unconfirmed_marker(look, e.provenance);
        ImGui::PopID();
    }
}

void draw_items(const Workspace& ws, AssessScreenState& st, CommandQueue& out, const Look& look) {
    const Framework& fw = ws.framework();
    widgets::heading(look, fill(text::items_heading, fw.display_title()));
    draw_choices(ws, st, out, look);
    draw_impact_entries(ws, st, out, look);
    const Assessment& assessment = ws.assessment();
    if (assessment.applicable) {
        widgets::muted(look,
                       fill(text::choices_hidden, fw.item_count() - assessment.applicable->size()));
    }
    for (const Group& group : fw.groups) {
        ImGui::Spacing();
        widgets::subheading(look, fill(text::items_group, fw.group_label, group.code, group.title));
        widgets::unconfirmed_marker(look, group.provenance);
        constexpr ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH;
        if (!ImGui::BeginTable(group.code.c_str(), 2, flags)) continue;
        ImGui::TableSetupColumn("item", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("score", ImGuiTableColumnFlags_WidthFixed);
        for (const Item& item : group.items) {
            if (!assessment.applies(item.code)) continue;
            ImGui::PushID(item.code.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            list_entry(fill(text::items_row, item.code, item.title), item.code, st, out);
            ImGui::TableNextColumn();
            const Answer& answer = assessment.answer(item.code);
            const std::string score =
                answer.score ? std::to_string(*answer.score) : std::string(text::items_no_score);
            ImGui::TextUnformatted(
                answer.needs_review ? (score + " " + std::string(text::items_needs_review)).c_str()
                                    : score.c_str());
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    ImGui::Spacing();
    widgets::muted(look, text::items_keys);
}

}  // namespace

Panel next_panel(Panel panel, bool backwards) {
    switch (panel) {
        case Panel::items:
            return backwards ? Panel::totals : Panel::editor;
        case Panel::editor:
            return backwards ? Panel::items : Panel::totals;
        case Panel::totals:
            return backwards ? Panel::editor : Panel::items;
    }
    return Panel::items;
}

void draw_assess_screen(const Workspace& ws, AssessScreenState& st, CommandQueue& out,
                        const Look& look, float height, const ItemContext& context) {
    const float width = ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float items_width = std::max(width * 0.28F, look.font_pixels * 12.0F);
    const float totals_width = std::max(width * 0.27F, look.font_pixels * 12.0F);
    const float editor_width =
        std::max(width - items_width - totals_width - 2.0F * spacing, look.font_pixels * 12.0F);

    if (begin_panel("items", Panel::items, ImVec2(items_width, height), st)) {
        draw_items(ws, st, out, look);
    }
    ImGui::EndChild();
    ImGui::SameLine();
    if (begin_panel("editor", Panel::editor, ImVec2(editor_width, height), st)) {
        if (const Item* item = ws.framework().find_item(st.selected)) {
            draw_locked_notice(ws.assessment(), look);
            draw_item_editor(ws, *item, st.editor, out, look, context);
        } else if (const auto entry =
                       find_impact_entry(ws.framework(), ws.assessment(), st.selected)) {
            draw_impact_panel(ws, *entry, st.impact, out, look, today_iso());
        }
    }
    ImGui::EndChild();
    ImGui::SameLine();
    if (begin_panel("totals", Panel::totals, ImVec2(totals_width, height), st)) {
        draw_totals_panel(ws, st.totals, out, look);
    }
    ImGui::EndChild();
}

}  // namespace eqkit::ui
