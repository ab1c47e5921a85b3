// The Tender section's set-up page: a new tender from a question set (every question with its
// scale, descriptors and UNCONFIRMED marks in words), evaluators, publication and the audit log.
#include <algorithm>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "screens/tender_screen.hpp"
#include "screens/tender_widgets.hpp"
#include "text.hpp"
#include "widgets/typography.hpp"

namespace eqkit::ui {
namespace {

using Json = nlohmann::json;

void input_line(const char* label, std::string& value, const char* hint = "") {
    widgets::paragraph(label);
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 30));
    ImGui::PushID(label);
    ImGui::InputTextWithHint("##value", hint, &value);
    ImGui::PopID();
}

void draw_levels(const Look& look, const Json& scale) {
    const std::string caption = fill(text::tn_scale, tn::str(scale, "title"));
    widgets::paragraph(caption);
    if (!ImGui::BeginTable("levels", 3, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) return;
    ImGui::TableSetupColumn(text::tn_col_score, ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(text::tn_col_label, ImGuiTableColumnFlags_WidthFixed,
                            ImGui::GetFontSize() * 9.0F);
    ImGui::TableSetupColumn(text::tn_col_descriptor);
    ImGui::TableHeadersRow();
    for (const Json& level : scale.at("levels")) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%d", level.at("value").get<int>());
        ImGui::TableNextColumn();
        widgets::paragraph(tn::str(level, "label"));
        ImGui::TableNextColumn();
        widgets::paragraph(tn::str(level, "description"));
        tn::unconfirmed(look, level, tn::str(level, "label"));
    }
    ImGui::EndTable();
}

}  // namespace

void TenderScreen::draw_setup(const Look& look) {
    if (!st_.overview.is_object() || copy_open()) {
        draw_new_tender(look);
        return;
    }
    const Json& ov = st_.overview;
    const bool published = ov.value("published", false);
    widgets::heading(look, fill(text::tn_tender_heading, tn::str(ov, "tender")));
    const Json& set = ov.at("question_set");
    widgets::paragraph(fill(text::tn_set_line, tn::str(set, "title"), tn::str(set, "version"),
                            set.value("official", false) ? text::tn_official : text::tn_ours));
    tn::unconfirmed(look, set, tn::str(set, "title"));
    widgets::paragraph(
        fill(text::tn_settings_line,
             tn::str(ov, "method") == "mean" ? text::tn_method_mean : text::tn_method_consensus,
             ov.value("disagreement_threshold", 0), tn::str(ov, "deadline")));
    if (published) {
        widgets::subheading(look, text::tn_published);
        widgets::paragraph(text::tn_locked_hint);
    } else {
        widgets::paragraph(text::tn_publish_hint);
        if (ImGui::Button(text::tn_publish)) queue_.push_back(tn_action::Publish{});
    }
    if (!st_.who.empty() || !published) input_line(text::tn_who, st_.who, text::tn_who_hint);
    ImGui::Spacing();
    draw_questions(look);
    ImGui::Spacing();
    draw_evaluators(look);
    ImGui::Spacing();
    if (ImGui::CollapsingHeader(text::tn_audit_heading)) {
        if (ImGui::BeginTable("audit", 3, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) {
            ImGui::TableSetupColumn(text::tn_col_when, ImGuiTableColumnFlags_WidthFixed);
            ImGui::TableSetupColumn(text::tn_col_who, ImGuiTableColumnFlags_WidthFixed);
            ImGui::TableSetupColumn(text::tn_col_what);
            ImGui::TableHeadersRow();
            for (const Json& e : ov.at("audit")) {
                ImGui::TableNextRow();
                for (const char* key : {"at", "who", "what"}) {
                    ImGui::TableNextColumn();
                    widgets::paragraph(tn::str(e, key));
                }
            }
            ImGui::EndTable();
        }
    }
}

void TenderScreen::draw_new_tender(const Look& look) {
    widgets::heading(look, text::tn_new_heading);
    widgets::paragraph(text::tn_new_hint);
    const Json& sets = st_.sets.is_object() ? st_.sets.at("question_sets") : Json::array();
    widgets::paragraph(text::tn_question_set);
    const Json& chosen = st_.set_index < sets.size() ? sets[st_.set_index] : Json();
    ImGui::SetNextItemWidth(-1.0F);  // the whole title: sets differ late in their names
    if (ImGui::BeginCombo("##set", chosen.is_object() ? tn::str(chosen, "title").c_str() : "")) {
        for (std::size_t i = 0; i < sets.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            if (ImGui::Selectable(tn::str(sets[i], "title").c_str(), i == st_.set_index))
                st_.set_index = i;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    focus_here();
    if (chosen.is_object()) {
        widgets::muted(look,
                       fill(text::tn_set_line, tn::str(chosen, "title"), tn::str(chosen, "version"),
                            chosen.value("official", false) ? text::tn_official : text::tn_ours));
        widgets::paragraph(tn::str(chosen, "description"));
        tn::unconfirmed(look, chosen, tn::str(chosen, "title"));
    }
    input_line(text::tn_tender_id, st_.tender_id, text::tn_tender_id_hint);
    widgets::paragraph(text::tn_method);
    if (ImGui::RadioButton(text::tn_method_consensus, !st_.mean)) st_.mean = false;
    ImGui::SameLine();
    if (ImGui::RadioButton(text::tn_method_mean, st_.mean)) st_.mean = true;
    widgets::paragraph(text::tn_threshold);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    ImGui::InputInt("##threshold", &st_.threshold);
    input_line(text::tn_deadline, st_.deadline, text::tn_deadline_hint);
    input_line(text::tn_who, st_.who, text::tn_who_hint);
    if (platform_->uses_paths()) input_line(text::tn_folder, st_.folder, text::tn_folder_hint);
    if (ImGui::Button(text::tn_create)) queue_.push_back(tn_action::Create{});
    ImGui::SameLine();
    if (ImGui::Button(text::tn_open)) queue_.push_back(tn_action::Open{});
    ImGui::Spacing();
    widgets::subheading(look, text::tn_copy_heading);
    widgets::paragraph(text::tn_copy_hint);
    draw_file_row(look, tender_file::copy, text::tn_copy_file);
    if (ImGui::Button(text::tn_open_copy)) queue_.push_back(tn_action::OpenCopy{});
    if (chosen.is_object()) {
        ImGui::Spacing();
        widgets::subheading(look, text::tn_questions_heading);
        for (const Json& q : chosen.at("questions")) {
            widgets::paragraph(tn::question_line(q));
            ImGui::Indent();
            tn::question_summary(look, q);
            ImGui::Unindent();
        }
    }
}

void TenderScreen::draw_questions(const Look& look) {
    const bool published = st_.overview.value("published", false);
    widgets::subheading(look, text::tn_questions_heading);
    for (const Json& q : st_.overview.at("questions")) {
        const std::string code = tn::str(q, "code");
        ImGui::PushID(code.c_str());
        const bool open =
            ImGui::CollapsingHeader(tn::question_line(q).c_str(), ImGuiTreeNodeFlags_DefaultOpen);
        if (!open) {
            ImGui::PopID();
            continue;
        }
        ImGui::Indent();
        tn::question_summary(look, q);
        if (!q.value("pass_fail", false)) {
            // The weight: editable until publication, then shown locked.
            double weight = q.value("weight", 0.0);
            widgets::paragraph(published ? text::tn_weight_locked : text::tn_weight);
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
            ImGui::InputDouble("##weight", &weight, 0.0, 0.0, "%g",
                               published ? ImGuiInputTextFlags_ReadOnly : 0);
            if (ImGui::IsItemDeactivatedAfterEdit() && !published)
                queue_.push_back(tn_action::SetWeight{code, weight});
        }
        draw_levels(look, q.at("scale"));
        ImGui::Unindent();
        ImGui::PopID();
    }
}

void TenderScreen::draw_evaluators(const Look& look) {
    widgets::subheading(look, text::tn_evaluators_heading);
    const Json& evaluators = st_.overview.at("evaluators");
    if (evaluators.empty()) widgets::muted(look, text::tn_no_evaluators);
    const bool published = st_.overview.value("published", false);
    if (published && !evaluators.empty()) widgets::muted(look, text::tn_hand_out_hint);
    for (std::size_t i = 0; i < evaluators.size(); ++i) {
        const Json& e = evaluators[i];
        const std::string fingerprint = tn::str(e, "fingerprint");
        const bool submitted = e.value("submitted", false);
        widgets::paragraph(
            fill(submitted ? text::tn_evaluator_submitted : text::tn_evaluator_waiting,
                 tn::str(e, "name"), fingerprint.empty() ? text::tn_no_key : fingerprint));
        if (!published || submitted) continue;
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Button(fill(text::tn_hand_out_copy, tn::str(e, "name")).c_str()))
            queue_.push_back(tn_action::HandOutCopy{i});
        ImGui::PopID();
    }
    input_line(text::tn_new_evaluator, st_.new_evaluator, text::tn_new_evaluator_hint);
    if (ImGui::Button(text::tn_add_evaluator)) queue_.push_back(tn_action::AddEvaluator{});
}

}  // namespace eqkit::ui
