// The Actions section's list of assessments due for review: every assessment in the workspace
// with its version, sign-off and review status in the core's words (reviews_api_list).
#include <algorithm>

#include <imgui.h>

#include "screens/actions_screen.hpp"
#include "screens/tender_widgets.hpp"
#include "text.hpp"
#include "widgets/typography.hpp"

namespace eqkit::ui {
namespace {

using Json = nlohmann::json;

bool needs_review(const Json& review) {
    const std::string state = tn::str(review, "state");
    return state == "due" || state == "overdue";
}

std::string signoff_words(const Json& a) {
    const Json& signoff = a.contains("signoff") ? a.at("signoff") : Json();
    const std::string version = fill(text::ac_version, a.value("version", 1));
    if (!signoff.is_object()) return fill(text::ac_not_signed, version);
    return fill(text::ac_signed, version, tn::str(signoff, "name"), tn::str(signoff, "role"),
                tn::str(signoff, "date"));
}

}  // namespace

// Each listed framework's review window when it is unconfirmed (the 30 days of the shipped
// templates are EqualityKit's choice), once each, in words.
void ActionsScreen::draw_review_windows(const Look& look, const nlohmann::json& list) const {
    std::vector<std::string> shown;
    for (const Json& a : list) {
        const Framework* fw = registry_->find(tn::str(a, "framework"));
        if (fw == nullptr || !fw->review || fw->review->provenance.confirmed) continue;
        if (std::find(shown.begin(), shown.end(), fw->id) != shown.end()) continue;
        shown.push_back(fw->id);
        widgets::unconfirmed_note(
            look, fill(text::ac_review_window, fw->review->due_within_days, fw->display_title()),
            fw->review->provenance.note);
    }
}

void ActionsScreen::draw_reviews(const Look& look) {
    widgets::heading(look, text::ac_reviews_heading);
    const Json& list = st_.reviews.is_object() && st_.reviews.contains("assessments")
                           ? st_.reviews.at("assessments")
                           : Json::array();
    const auto due = std::count_if(list.begin(), list.end(), [](const Json& a) {
        return a.contains("review") && needs_review(a.at("review"));
    });
    widgets::paragraph(fill(text::ac_reviews_counts, list.size(), due));
    widgets::muted(look, text::ac_reviews_hint);
    draw_review_windows(look, list);
    focus_here();
    if (list.empty()) {
        widgets::paragraph(text::ac_reviews_none);
        return;
    }
    constexpr ImGuiTableFlags flags =
        ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("reviews", 4, flags)) return;
    ImGui::TableSetupColumn(text::ac_col_assessment, ImGuiTableColumnFlags_WidthStretch, 2.0F);
    ImGui::TableSetupColumn(text::ac_col_framework, ImGuiTableColumnFlags_WidthStretch, 1.5F);
    ImGui::TableSetupColumn(text::ac_col_version, ImGuiTableColumnFlags_WidthStretch, 1.5F);
    ImGui::TableSetupColumn(text::ac_col_review, ImGuiTableColumnFlags_WidthStretch, 2.0F);
    ImGui::TableHeadersRow();
    for (const Json& a : list) {
        const std::string id = tn::str(a, "id");
        ImGui::PushID(id.c_str());
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        const std::string title = tn::str(a, "title");
        widgets::paragraph(fill(text::ac_assessment_option, title.empty() ? id : title, id));
        ImGui::TableSetColumnIndex(1);
        widgets::paragraph(tn::str(a, "framework_title"));
        ImGui::TableSetColumnIndex(2);
        widgets::paragraph(signoff_words(a));
        ImGui::TableSetColumnIndex(3);
        const Json& review = a.contains("review") ? a.at("review") : Json();
        // Due and overdue in the core's words, and in the problem colour as well.
        if (needs_review(review)) {
            widgets::problem(look, tn::str(review, "words"));
        } else {
            widgets::paragraph(tn::str(review, "words"));
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

}  // namespace eqkit::ui
