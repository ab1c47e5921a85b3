// The Tender section's moderation page (submitted scores side by side, spread, disagreement
// flags, a chart of the distribution, the moderated score) and its results page.
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

std::size_t index_of(const Json& list, const char* key, const std::string& value) {
    for (std::size_t i = 0; i < list.size(); ++i)
        if (tn::str(list[i], key) == value) return i;
    return list.size();
}

std::string number_text(const Json& v) {
    if (v.is_number_integer()) return std::to_string(v.get<long long>());
    if (v.is_number()) return tn::number(v.get<double>());
    return text::tn_dash;
}

// "Yes: 2 apart, more than 1" in the flag colour, or "No".
void disagreement_cell(const Look& look, const Json& q, int threshold) {
    if (q.value("disagreement", false)) {
        ImGui::TextColored(look.accents.unconfirmed, "%s",
                           fill(text::tn_disagree_short, q.value("spread", 0), threshold).c_str());
    } else {
        ImGui::TextUnformatted(text::tn_agree_short);
    }
}

}  // namespace

void TenderScreen::draw_moderation(const Look& look) {
    const Json& ov = st_.overview;
    widgets::heading(look, text::tn_moderation_heading);
    widgets::paragraph(text::tn_import_hint);
    draw_file_row(look, tender_file::to_import, text::tn_import_file);
    if (ImGui::Button(text::tn_import)) queue_.push_back(tn_action::ImportScoresheets{});
    focus_here();
    const Json& evaluators = ov.at("evaluators");
    const int threshold = ov.value("disagreement_threshold", 0);
    if (!st_.results.is_object() || evaluators.empty()) return;
    ImGui::Spacing();
    widgets::subheading(look, text::tn_side_by_side);
    const int columns = static_cast<int>(evaluators.size()) + 4;
    // Each column as wide as its widest cell, so no name, code or flag is cut short.
    if (ImGui::BeginTable(
            "side_by_side", columns,
            ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn(text::tn_col_bid_question);
        for (const Json& e : evaluators)
            ImGui::TableSetupColumn(tn::str(e, "name").c_str());
        ImGui::TableSetupColumn(text::tn_col_spread);
        ImGui::TableSetupColumn(text::tn_col_disagreement);
        ImGui::TableSetupColumn(text::tn_col_moderated);
        ImGui::TableHeadersRow();
        for (const Json& b : st_.results.at("bidders")) {
            const std::size_t bi = index_of(ov.at("bids"), "bidder", tn::str(b, "name"));
            for (const Json& q : b.at("questions")) {
                const std::size_t qi = index_of(ov.at("questions"), "code", tn::str(q, "code"));
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                const std::string label =
                    fill(text::tn_bid_question, tn::str(b, "name"), tn::str(q, "code"));
                const bool chosen = bi == st_.mod_bidder && qi == st_.mod_question;
                if (ImGui::Selectable(label.c_str(), chosen, ImGuiSelectableFlags_SpanAllColumns))
                    queue_.push_back(tn_action::SelectModeration{bi, qi});
                for (const Json& e : evaluators) {
                    ImGui::TableNextColumn();
                    const auto s = q.at("scores").find(tn::str(e, "name"));
                    ImGui::TextUnformatted(
                        number_text(s != q.at("scores").end() ? *s : Json()).c_str());
                }
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(std::to_string(q.value("spread", 0)).c_str());
                ImGui::TableNextColumn();
                disagreement_cell(look, q, threshold);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(number_text(q.at("moderated")).c_str());
            }
        }
        ImGui::EndTable();
    }
    ImGui::Spacing();
    if (!st_.moderation.is_object()) return;
    const Json& m = st_.moderation;
    const Json* q = question(tn::str(m, "question"));
    if (q == nullptr) return;
    widgets::subheading(look,
                        fill(text::tn_answer_heading, tn::str(m, "bidder"), tn::question_line(*q)));
    if (!m.at("waiting_for").empty()) {
        std::string names;
        for (const Json& n : m.at("waiting_for"))
            names += (names.empty() ? "" : ", ") + n.get<std::string>();
        widgets::problem(look, fill(text::tn_waiting_for, names));
    }
    for (const Json& s : m.at("scores")) {
        widgets::paragraph(fill(text::tn_score_line, tn::str(s, "evaluator"), s.value("score", 0),
                                tn::str(s, "rationale")));
    }
    widgets::paragraph(fill(text::tn_spread, m.value("spread", 0)));
    if (m.value("disagreement", false)) {
        ImGui::PushStyleColor(ImGuiCol_Text, look.accents.unconfirmed);
        widgets::paragraph(fill(text::tn_disagree, m.value("spread", 0), threshold));
        ImGui::PopStyleColor();
    } else {
        widgets::paragraph(fill(text::tn_agree, threshold));
    }
    draw_distribution(look);
    const Json& moderated = m.at("moderated");
    if (moderated.is_object()) {
        widgets::paragraph(fill(text::tn_moderated_line, number_text(moderated.at("score")),
                                tn::str(moderated, "rationale")));
    }
    if (!m.value("ready", false)) return;
    widgets::subheading(look, text::tn_moderated_score);
    for (const Json& level : q->at("scale").at("levels")) {
        const int value = level.at("value").get<int>();
        ImGui::PushID(value);
        if (ImGui::RadioButton(fill(text::tn_level_short, value, tn::str(level, "label")).c_str(),
                               st_.moderated_draft == value))
            st_.moderated_draft = value;
        ImGui::PopID();
        ImGui::SameLine();
    }
    ImGui::NewLine();
    widgets::paragraph(text::tn_moderation_rationale);
    ImGui::InputTextMultiline("##moderation_rationale", &st_.moderated_rationale,
                              ImVec2(-1.0F, ImGui::GetTextLineHeight() * 3.5F));
    if (ImGui::Button(text::tn_record_moderated)) queue_.push_back(tn_action::Moderate{});
}

void TenderScreen::draw_distribution(const Look& look) {
    const Json& dist = st_.moderation.at("distribution");
    widgets::subheading(look, text::tn_distribution);
    int most = 1;
    for (const Json& d : dist)
        most = std::max(most, d.value("count", 0));
    const float font = ImGui::GetFontSize();
    const float bar_width = font * 3.0F;
    const float height = font * 4.0F;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 bar = ImGui::GetColorU32(ImGuiCol_PlotHistogram);
    const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 edge = ImGui::GetColorU32(ImGuiCol_Border);
    for (std::size_t i = 0; i < dist.size(); ++i) {
        const int count = dist[i].value("count", 0);
        const float x = at.x + static_cast<float>(i) * (bar_width + font);
        const float top =
            at.y + font + height * (1.0F - static_cast<float>(count) / static_cast<float>(most));
        draw->AddRectFilled(ImVec2(x, top), ImVec2(x + bar_width, at.y + font + height), bar);
        draw->AddRect(ImVec2(x, at.y + font), ImVec2(x + bar_width, at.y + font + height), edge);
        // The count above its bar and the score below it, each centred on the bar.
        const std::string n = std::to_string(count);
        const float n_x = x + (bar_width - ImGui::CalcTextSize(n.c_str()).x) / 2.0F;
        draw->AddText(ImVec2(n_x, top - font), ink, n.c_str());
        const std::string v = std::to_string(dist[i].value("value", 0));
        const float v_x = x + (bar_width - ImGui::CalcTextSize(v.c_str()).x) / 2.0F;
        draw->AddText(ImVec2(v_x, at.y + font + height), ink, v.c_str());
    }
    ImGui::Dummy(ImVec2(static_cast<float>(dist.size()) * (bar_width + font),
                        height + font * 2.0F + ImGui::GetStyle().ItemSpacing.y));
    // The same numbers in a table, for anyone who cannot read the chart.
    if (!ImGui::BeginTable("distribution", 3, ImGuiTableFlags_Borders)) return;
    ImGui::TableSetupColumn(text::tn_col_score, ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(text::tn_col_label, ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(text::tn_col_evaluators, ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    for (const Json& d : dist) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%d", d.value("value", 0));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tn::str(d, "label").c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%d", d.value("count", 0));
    }
    ImGui::EndTable();
}

void TenderScreen::draw_results(const Look& look) {
    widgets::heading(look, text::tn_results_heading);
    if (!st_.results.is_object()) return;
    const Json& bidders = st_.results.at("bidders");
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg;
    if (ImGui::BeginTable("ranking", 5, flags)) {
        ImGui::TableSetupColumn(text::tn_col_rank, ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn(text::tn_col_bidder, ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn(text::tn_col_total, ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn(text::tn_col_result, ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn(text::tn_col_failures);
        ImGui::TableHeadersRow();
        for (const Json& b : bidders) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(b.at("rank").is_number()
                                       ? std::to_string(b.at("rank").get<int>()).c_str()
                                       : text::tn_dash);
            ImGui::TableNextColumn();
            const bool flagged =
                b.contains("bid") && b.at("bid").is_object() && b.at("bid").value("flagged", false);
            ImGui::TextUnformatted(
                (flagged ? fill(text::tn_bidder_flagged, tn::str(b, "name")) : tn::str(b, "name"))
                    .c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(tn::number(b.value("total", 0.0)).c_str());
            ImGui::TableNextColumn();
            if (!b.value("complete", false)) {
                ImGui::TextUnformatted(text::tn_incomplete);
            } else if (b.value("passed", false)) {
                ImGui::TextUnformatted(text::tn_pass);
            } else {
                ImGui::TextColored(look.accents.problem, "%s", text::tn_fail);
            }
            ImGui::TableNextColumn();
            std::string failures;
            for (const Json& f : b.at("failures"))
                failures += (failures.empty() ? "" : "; ") + f.get<std::string>();
            widgets::paragraph(failures.empty() ? std::string(text::tn_dash) : failures);
        }
        ImGui::EndTable();
    }
    for (const Json& b : bidders) {
        ImGui::PushID(tn::str(b, "name").c_str());
        if (ImGui::CollapsingHeader(fill(text::tn_summary_heading, tn::str(b, "name")).c_str(),
                                    ImGuiTreeNodeFlags_DefaultOpen)) {
            ImGui::Indent();
            tn::pack_verification(look, b.contains("bid") ? b.at("bid") : Json());
            for (const Json& q : b.at("questions")) {
                const std::string arithmetic = tn::str(q, "arithmetic");
                widgets::paragraph(fill(text::tn_question_working, tn::str(q, "code"),
                                        arithmetic.empty() ? text::tn_dash : arithmetic));
            }
            widgets::paragraph(fill(text::tn_total_working, tn::str(b, "arithmetic")));
            widgets::subheading(look, text::tn_summary);
            widgets::paragraph(tn::str(b, "summary"));
            ImGui::Unindent();
        }
        ImGui::PopID();
    }
    ImGui::Spacing();
    widgets::subheading(look, text::tn_export_heading);
    if (platform_->uses_paths()) {
        widgets::paragraph(text::tn_export_folder);
        ImGui::SetNextItemWidth(
            std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 36));
        ImGui::InputText("##export_folder", &st_.export_folder);
    }
    if (ImGui::Button(text::tn_export_html)) queue_.push_back(tn_action::Export{true});
    ImGui::SameLine();
    if (ImGui::Button(text::tn_export_csv)) queue_.push_back(tn_action::Export{false});
}

}  // namespace eqkit::ui
