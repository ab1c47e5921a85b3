// The Tender section's bid import (each evidence pack's verification in words) and the
// conflict-of-interest declarations.
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

// A combo over the names in list[*][key]; returns the chosen index.
void name_combo(const char* id, const Json& list, const char* key, std::size_t& chosen) {
    const std::string preview =
        chosen < list.size() ? tn::str(list[chosen], key) : std::string(text::tn_none_yet);
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 20));
    if (!ImGui::BeginCombo(id, preview.c_str())) return;
    for (std::size_t i = 0; i < list.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Selectable(tn::str(list[i], key).c_str(), i == chosen)) chosen = i;
        ImGui::PopID();
    }
    ImGui::EndCombo();
}

}  // namespace

void TenderScreen::draw_file_row(const Look& look, std::string_view role, const char* title) {
    const std::string id(role);
    ImGui::PushID(id.c_str());
    widgets::paragraph(title);
    TenderFile& f = st_.files[id];
    if (platform_->uses_paths()) {
        ImGui::SetNextItemWidth(
            std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 36));
        ImGui::InputTextWithHint("##path", text::tn_path_hint, &f.path);
    } else {
        if (ImGui::Button(text::tn_choose_file)) queue_.push_back(tn_action::PickFile{id});
        ImGui::SameLine();
        widgets::muted(look, f.uploaded ? fill(text::tn_file_chosen, f.name, f.bytes.size())
                                        : std::string(text::tn_file_none));
    }
    ImGui::PopID();
}

void TenderScreen::draw_bids(const Look& look) {
    const Json& ov = st_.overview;
    widgets::heading(look, text::tn_bids_heading);
    if (!ov.value("published", false)) widgets::problem(look, text::tn_bids_before_publish);
    widgets::paragraph(text::tn_bids_hint);
    widgets::paragraph(text::tn_bidder);
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 20));
    ImGui::InputText("##bidder", &st_.bidder);
    focus_here();
    draw_file_row(look, tender_file::responses, text::tn_responses_file);
    draw_file_row(look, tender_file::pack, text::tn_pack_file);
    if (ImGui::Button(text::tn_add_bid)) queue_.push_back(tn_action::AddBid{});
    ImGui::Spacing();
    const Json& bids = ov.at("bids");
    widgets::subheading(look, fill(text::tn_bids_count, bids.size()));
    for (const Json& bid : bids) {
        ImGui::PushID(tn::str(bid, "bidder").c_str());
        ImGui::Separator();
        widgets::paragraph(
            fill(bid.value("late", false) ? text::tn_bid_line_late : text::tn_bid_line,
                 tn::str(bid, "bidder"), tn::str(bid, "received")));
        tn::pack_verification(look, bid);
        ImGui::PopID();
    }
}

void TenderScreen::draw_conflicts(const Look& look) {
    const Json& ov = st_.overview;
    widgets::heading(look, text::tn_conflicts_heading);
    widgets::paragraph(text::tn_conflicts_hint);
    widgets::paragraph(text::tn_col_evaluator);
    name_combo("##evaluator", ov.at("evaluators"), "name", st_.coi_evaluator);
    focus_here();
    widgets::paragraph(text::tn_col_bidder);
    name_combo("##bidder", ov.at("bids"), "bidder", st_.coi_bidder);
    widgets::paragraph(text::tn_declaration);
    ImGui::InputTextMultiline(
        "##declaration", &st_.declaration,
        ImVec2(std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 36),
               ImGui::GetTextLineHeight() * 3.5F));
    if (ImGui::Button(text::tn_declare_conflict)) queue_.push_back(tn_action::Declare{true});
    ImGui::SameLine();
    if (ImGui::Button(text::tn_declare_none)) queue_.push_back(tn_action::Declare{false});
    ImGui::Spacing();
    widgets::subheading(look, text::tn_declarations_heading);
    if (ov.at("conflicts").empty() && ov.at("no_conflicts").empty())
        widgets::muted(look, text::tn_no_declarations);
    for (const Json& c : ov.at("conflicts")) {
        widgets::paragraph(fill(text::tn_conflict_line, tn::str(c, "evaluator"),
                                tn::str(c, "bidder"), tn::str(c, "declaration")));
    }
    for (const Json& n : ov.at("no_conflicts"))
        widgets::paragraph(
            fill(text::tn_no_conflict_line, tn::str(n, "evaluator"), tn::str(n, "bidder")));
}

}  // namespace eqkit::ui
