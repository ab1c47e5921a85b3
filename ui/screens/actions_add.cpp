// The Actions section's add form: the item or row an action is for (framework, item, and which
// of the workspace's assessments of it), what will be done, who owns it, by when and the evidence
// it rests on. The core
// checks each field and its refusal is shown under the field it names.
#include <algorithm>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "screens/actions_screen.hpp"
#include "text.hpp"
#include "widgets/typography.hpp"

namespace eqkit::ui {
namespace {

float field_width() {
    return std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 36);
}

// "1A: Patients (service users) have required levels of access" or "Row: Race".
std::vector<std::pair<std::string, std::string>> items_of(const Framework& fw) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const Group& group : fw.groups) {
        for (const Item& item : group.items)
            out.emplace_back(fw.id + ":" + item.code,
                             fill(text::ac_item_option, item.code, item.title));
    }
    if (fw.rows) {
        for (const RowSubject& s : fw.rows->subjects)
            out.emplace_back(fw.id + ":" + s.id, fill(text::ac_row_option, s.title));
    }
    return out;
}

// A combo over (value, label) pairs; true when the choice changed.
bool choice_combo(const char* id, const std::string& preview,
                  const std::vector<std::pair<std::string, std::string>>& options,
                  std::string& value) {
    ImGui::SetNextItemWidth(field_width());
    if (!ImGui::BeginCombo(id, preview.c_str())) return false;
    bool changed = false;
    for (const auto& [option, label] : options) {
        ImGui::PushID(option.c_str());
        if (ImGui::Selectable(label.c_str(), option == value)) {
            changed = option != value;
            value = option;
        }
        if (option == value && ImGui::IsWindowAppearing()) ImGui::SetItemDefaultFocus();
        ImGui::PopID();
    }
    ImGui::EndCombo();
    return changed;
}

std::string label_of(const std::vector<std::pair<std::string, std::string>>& options,
                     const std::string& value, const std::string& otherwise) {
    for (const auto& [option, label] : options)
        if (option == value) return label;
    return otherwise;
}

}  // namespace

void ActionsScreen::draw_add(const Look& look) {
    widgets::heading(look, text::ac_add_heading);
    widgets::paragraph(text::ac_add_hint);
    draw_errors(look, "");
    draw_item_choice(look);
    ActionForm& f = st_.form;
    widgets::paragraph(text::ac_text);
    draw_errors(look, "text");
    ImGui::InputTextMultiline("##text", &f.text,
                              ImVec2(field_width(), ImGui::GetTextLineHeight() * 3.0F));
    widgets::paragraph(text::ac_owner_field);
    draw_errors(look, "owner");
    ImGui::SetNextItemWidth(field_width());
    ImGui::InputText("##owner", &f.owner);
    widgets::paragraph(text::ac_due);
    draw_errors(look, "due");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    ImGui::InputText("##due", &f.due);
    ImGui::SameLine();
    widgets::muted(look, text::ac_due_hint);
    draw_evidence_choice(look, f.evidence);
    ImGui::Spacing();
    if (ImGui::Button(text::ac_add_submit)) push(ac_action::Add{});
    ImGui::SameLine();
    if (ImGui::Button(text::ac_cancel)) push(ac_action::Go{ActionsPage::list});
}

void ActionsScreen::draw_item_choice(const Look& look) {
    ActionForm& f = st_.form;
    std::vector<std::pair<std::string, std::string>> frameworks;
    for (const Framework& fw : registry_->frameworks())
        frameworks.emplace_back(fw.id, std::string(fw.display_title()));
    widgets::paragraph(text::ac_framework);
    if (choice_combo("##framework", label_of(frameworks, f.framework, text::ac_choose), frameworks,
                     f.framework)) {
        f.item.clear();
        f.assessment.clear();
    }
    focus_here();
    const Framework* fw = registry_->find(f.framework);
    if (fw == nullptr) return;
    const std::vector<std::pair<std::string, std::string>> items = items_of(*fw);
    if (f.item.empty() && !items.empty()) f.item = items.front().first;
    widgets::paragraph(text::ac_item);
    draw_errors(look, "item");
    choice_combo("##item", label_of(items, f.item, f.item), items, f.item);
    std::vector<std::pair<std::string, std::string>> assessments{{"", text::ac_latest}};
    if (workspace_ != nullptr) {
        for (const StoredAssessment& s : workspace_->assessments()) {
            if (s.entry.framework != fw->id) continue;
            const std::string title = s.assessment.title.empty() ? s.entry.id : s.assessment.title;
            assessments.emplace_back(s.entry.id,
                                     fill(text::ac_assessment_option, title, s.entry.id));
        }
    }
    widgets::paragraph(text::ac_assessment);
    draw_errors(look, "assessment");
    choice_combo("##assessment", label_of(assessments, f.assessment, f.assessment), assessments,
                 f.assessment);
}

}  // namespace eqkit::ui
