// The Actions section's list: the filter, the table of actions (overdue and carried over in
// words, the evidence each rests on), the chosen action's status, evidence and history, and the
// exports.
#include <algorithm>
#include <utility>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "hand_over.hpp"
#include "screens/actions_screen.hpp"
#include "screens/tender_widgets.hpp"
#include "text.hpp"
#include "widgets/focus.hpp"
#include "widgets/typography.hpp"

namespace eqkit::ui {
namespace {

using Json = nlohmann::json;

const Json& list_of(const Json& doc, const char* key) {
    static const Json none = Json::array();  // immutable: an empty list for a missing one
    const auto it = doc.is_object() ? doc.find(key) : doc.end();
    return it != doc.end() && it->is_array() ? *it : none;
}

// A combo over "" (the first label) and each value; true when the choice changed.
bool filter_combo(const char* id, const char* any,
                  const std::vector<std::pair<std::string, std::string>>& options,
                  std::string& value) {
    std::string preview = any;
    for (const auto& option : options)
        if (option.first == value) preview = option.second;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 11);
    if (!ImGui::BeginCombo(id, preview.c_str())) return false;
    bool changed = false;
    if (ImGui::Selectable(any, value.empty())) {
        changed = !value.empty();
        value.clear();
    }
    for (const auto& [option, label] : options) {
        if (ImGui::Selectable(label.c_str(), option == value)) {
            changed = changed || option != value;
            value = option;
        }
    }
    ImGui::EndCombo();
    return changed;
}

// "Open", "Dropped (no budget)", then whether it was carried over, in words.
std::string status_words(const Json& a) {
    std::string out = tn::str(a, "status_label");
    if (const std::string reason = tn::str(a, "reason"); !reason.empty())
        out = fill(text::ac_status_with_reason, out, reason);
    if (const std::string from = tn::str(a, "carried_over_from"); !from.empty())
        out += "\n" + fill(text::ac_carried_from, from);
    if (const std::string to = tn::str(a, "carried_over_to"); !to.empty())
        out += "\n" + fill(text::ac_carried_to, to);
    return out;
}

// Each piece of evidence in the core's words ("ev2: Board minutes"), one a line, or "None".
std::string evidence_words(const Json& a) {
    std::string out;
    for (const Json& w : list_of(a, "evidence_words"))
        if (w.is_string()) out += (out.empty() ? "" : "\n") + w.get<std::string>();
    return out.empty() ? std::string(text::ac_no_evidence) : out;
}

std::string item_words(const Json& a) {
    const std::string assessment = tn::str(a, "assessment");
    return assessment.empty() ? tn::str(a, "item")
                              : fill(text::ac_item_in, tn::str(a, "item"), assessment);
}

}  // namespace

void ActionsScreen::draw_list(const Look& look) {
    widgets::heading(look, text::ac_list_heading);
    const Json& counts =
        st_.listed.is_object() ? st_.listed.value("counts", Json::object()) : Json::object();
    widgets::paragraph(fill(text::ac_counts, counts.value("shown", 0), counts.value("overdue", 0)));
    draw_errors(look, "");
    draw_filter(look);
    if (ImGui::Button(text::ac_add_button)) push(ac_action::StartAdd{suggested_item_});
    ImGui::SameLine();
    draw_exports(look);
    draw_table(look);
    draw_selected(look);
}

void ActionsScreen::draw_filter(const Look& look) {
    std::vector<std::pair<std::string, std::string>> owners;
    for (const Json& o : list_of(st_.listed, "owners"))
        if (o.is_string()) owners.emplace_back(o.get<std::string>(), o.get<std::string>());
    std::vector<std::pair<std::string, std::string>> statuses;
    for (const Json& s : list_of(st_.listed, "statuses"))
        statuses.emplace_back(tn::str(s, "value"), tn::str(s, "label"));
    bool changed = false;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(text::ac_owner);
    ImGui::SameLine();
    changed |= filter_combo("##owner", text::ac_everyone, owners, st_.filter.owner);
    focus_here();
    ImGui::SameLine();
    ImGui::TextUnformatted(text::ac_status);
    ImGui::SameLine();
    changed |= filter_combo("##status", text::ac_any_status, statuses, st_.filter.status);
    changed |= ImGui::Checkbox(text::ac_only_overdue, &st_.filter.overdue);
    ImGui::SameLine();
    changed |= ImGui::Checkbox(text::ac_include_carried, &st_.filter.all);
    if (changed) push(ac_action::Filter{});
    (void)look;
}

void ActionsScreen::draw_exports(const Look& look) {
    const bool paths = platform_->uses_paths();
    if (ImGui::Button(paths ? text::ac_save_csv : text::ac_download_csv))
        push(ac_action::Export{false});
    ImGui::SameLine();
    if (ImGui::Button(paths ? text::ac_save_html : text::ac_download_html))
        push(ac_action::Export{true});
    export_folder_field(*platform_, st_.export_folder);
    (void)look;
}

// No scrolling of its own: the rows are items of the page, so the arrow keys reach each one.
void ActionsScreen::draw_table(const Look& look) {
    const Json& actions = list_of(st_.listed, "actions");
    if (actions.empty()) {
        widgets::paragraph(text::ac_none_match);
        return;
    }
    constexpr ImGuiTableFlags flags =
        ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("actions", 7, flags)) return;
    ImGui::TableSetupColumn(text::ac_col_id, ImGuiTableColumnFlags_WidthFixed,
                            ImGui::GetFontSize() * 3.0F);
    ImGui::TableSetupColumn(text::ac_col_action, ImGuiTableColumnFlags_WidthStretch, 3.0F);
    ImGui::TableSetupColumn(text::ac_col_owner, ImGuiTableColumnFlags_WidthStretch, 1.2F);
    ImGui::TableSetupColumn(text::ac_col_due, ImGuiTableColumnFlags_WidthStretch, 1.4F);
    ImGui::TableSetupColumn(text::ac_col_status, ImGuiTableColumnFlags_WidthStretch, 1.4F);
    ImGui::TableSetupColumn(text::ac_col_item, ImGuiTableColumnFlags_WidthStretch, 1.6F);
    ImGui::TableSetupColumn(text::ac_col_evidence, ImGuiTableColumnFlags_WidthStretch, 1.6F);
    ImGui::TableHeadersRow();
    for (const Json& a : actions) {
        const std::string id = tn::str(a, "id");
        ImGui::PushID(id.c_str());
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        // The id selects the row (the whole row, by mouse or keyboard).
        if (ImGui::Selectable(
                id.c_str(), id == st_.selected,
                ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap)) {
            push(ac_action::Select{id});
        }
        ImGui::TableSetColumnIndex(1);
        widgets::paragraph(tn::str(a, "text"));
        ImGui::TableSetColumnIndex(2);
        widgets::paragraph(tn::str(a, "owner"));
        ImGui::TableSetColumnIndex(3);
        widgets::paragraph(tn::str(a, "due"));
        // Overdue in words, and in the problem colour as well (never colour alone).
        if (const std::string words = tn::str(a, "due_words"); !words.empty()) {
            if (a.value("overdue", false)) {
                widgets::problem(look, words);
            } else {
                widgets::paragraph(words);
            }
        }
        ImGui::TableSetColumnIndex(4);
        widgets::paragraph(status_words(a));
        ImGui::TableSetColumnIndex(5);
        widgets::paragraph(item_words(a));
        ImGui::TableSetColumnIndex(6);
        widgets::paragraph(evidence_words(a));
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void ActionsScreen::draw_evidence_choice(const Look& look, std::vector<std::string>& chosen) {
    widgets::paragraph(text::ac_evidence);
    const Json& choices = list_of(st_.listed, "evidence");
    if (choices.empty()) {
        widgets::muted(look, text::ac_evidence_none);
        return;
    }
    widgets::muted(look, text::ac_evidence_hint);
    draw_errors(look, "evidence");
    for (const Json& c : choices) {
        const std::string id = tn::str(c, "id");
        const auto at = std::find(chosen.begin(), chosen.end(), id);
        bool ticked = at != chosen.end();
        ImGui::PushID(id.c_str());
        if (ImGui::Checkbox(tn::str(c, "label").c_str(), &ticked)) {
            if (ticked) {
                chosen.push_back(id);
            } else {
                chosen.erase(at);
            }
        }
        ImGui::PopID();
    }
}

void ActionsScreen::draw_selected(const Look& look) {
    const Json* found = selected_action();
    ImGui::Spacing();
    if (found == nullptr) {
        widgets::muted(look, text::ac_select_hint);
        return;
    }
    const Json& a = *found;
    widgets::subheading(look, fill(text::ac_selected_heading, st_.selected, tn::str(a, "text")));
    // Just chosen: brought into view, and the keyboard goes on to its status.
    const bool arrived = std::exchange(focus_selected_, false);
    if (arrived) ImGui::SetScrollHereY(0.0F);
    widgets::paragraph(
        fill(text::ac_owned_due, tn::str(a, "owner"), tn::str(a, "due"), item_words(a)));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(text::ac_status);
    for (const Json& s : list_of(st_.listed, "statuses")) {
        const std::string value = tn::str(s, "value");
        ImGui::SameLine();
        if (ImGui::RadioButton(tn::str(s, "label").c_str(), st_.status_draft == value))
            st_.status_draft = value;
        if (arrived && st_.status_draft == value) widgets::focus_last_item(true);
    }
    widgets::paragraph(text::ac_reason);
    widgets::muted(look, text::ac_reason_hint);
    draw_errors(look, "reason");
    ImGui::InputTextMultiline(
        "##reason", &st_.reason_draft,
        ImVec2(std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 36),
               ImGui::GetTextLineHeight() * 3.0F));
    draw_evidence_choice(look, st_.evidence_draft);
    if (ImGui::Button(text::ac_save_status)) push(ac_action::SetStatus{});
    widgets::subheading(look, text::ac_history);
    for (const Json& h : list_of(a, "history"))
        widgets::paragraph(fill(text::ac_history_line, tn::str(h, "on"), tn::str(h, "change")));
}

}  // namespace eqkit::ui
