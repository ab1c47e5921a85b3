// The Actions section's list of assessments due for review: the assessment open in the app and
// every assessment in the workspace, with version, sign-off and review status in the core's words
// (eqkit::review_status and review_words; reviews_api_list for the workspace's).
#include <algorithm>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "eqkit/impact.hpp"
#include "screens/actions_screen.hpp"
#include "screens/tender_widgets.hpp"
#include "text.hpp"
#include "widgets/typography.hpp"

namespace eqkit::ui {
namespace {

using Json = nlohmann::json;

// One row of the table, in words.
struct ReviewRow {
    std::string name;
    std::string framework;  // id, for the review window's mark
    std::string framework_title;
    std::string version;
    std::string review;
    bool needs_review = false;  // due or overdue
};

std::string version_words(int version, const std::string& name, const std::string& role,
                          const std::string& date, bool signed_off) {
    const std::string v = fill(text::ac_version, version);
    return signed_off ? fill(text::ac_signed, v, name, role, date) : fill(text::ac_not_signed, v);
}

ReviewRow row_of(const Json& a) {
    const std::string id = tn::str(a, "id");
    const std::string title = tn::str(a, "title");
    const Json signoff = a.contains("signoff") ? a.at("signoff") : Json();
    const Json review = a.contains("review") ? a.at("review") : Json();
    const std::string state = tn::str(review, "state");
    return {fill(text::ac_assessment_option, title.empty() ? id : title, id),
            tn::str(a, "framework"),
            tn::str(a, "framework_title"),
            version_words(a.value("version", 1), tn::str(signoff, "name"), tn::str(signoff, "role"),
                          tn::str(signoff, "date"), signoff.is_object()),
            tn::str(review, "words"),
            state == "due" || state == "overdue"};
}

// The assessment being edited, which may not be in the workspace yet.
ReviewRow row_of(const Workspace& open, std::string_view today) {
    const Framework& fw = open.framework();
    const Assessment& a = open.assessment();
    const ReviewStatus st = review_status(fw, a, today);
    const std::optional<Signoff>& s = a.trail.signoff;
    return {fill(text::ac_open_assessment, a.title.empty() ? fw.display_title() : a.title),
            fw.id,
            std::string(fw.display_title()),
            version_words(a.trail.version, s ? s->name : "", s ? s->role : "", s ? s->date : "",
                          s.has_value()),
            review_words(st),
            st.state == ReviewState::due || st.state == ReviewState::overdue};
}

// The list, due and overdue in the core's words and in the problem colour as well.
void draw_review_table(const Look& look, const std::vector<ReviewRow>& rows) {
    constexpr ImGuiTableFlags flags =
        ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("reviews", 4, flags)) return;
    ImGui::TableSetupColumn(text::ac_col_assessment, ImGuiTableColumnFlags_WidthStretch, 2.0F);
    ImGui::TableSetupColumn(text::ac_col_framework, ImGuiTableColumnFlags_WidthStretch, 1.5F);
    ImGui::TableSetupColumn(text::ac_col_version, ImGuiTableColumnFlags_WidthStretch, 1.5F);
    ImGui::TableSetupColumn(text::ac_col_review, ImGuiTableColumnFlags_WidthStretch, 2.0F);
    ImGui::TableHeadersRow();
    for (const ReviewRow& r : rows) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        widgets::paragraph(r.name);
        ImGui::TableSetColumnIndex(1);
        widgets::paragraph(r.framework_title);
        ImGui::TableSetColumnIndex(2);
        widgets::paragraph(r.version);
        ImGui::TableSetColumnIndex(3);
        // Due and overdue in the core's words, and in the problem colour as well.
        if (r.needs_review) {
            widgets::problem(look, r.review);
        } else {
            widgets::paragraph(r.review);
        }
    }
    ImGui::EndTable();
}

}  // namespace

// Each listed framework's review window when it is unconfirmed (the 30 days of the shipped
// templates are EqualityKit's choice), once each, in words.
void ActionsScreen::draw_review_windows(const Look& look,
                                        const std::vector<std::string>& frameworks) const {
    std::vector<std::string> shown;
    for (const std::string& id : frameworks) {
        const Framework* fw = registry_->find(id);
        if (fw == nullptr || !fw->review || fw->review->provenance.confirmed) continue;
        if (std::find(shown.begin(), shown.end(), fw->id) != shown.end()) continue;
        shown.push_back(fw->id);
        widgets::unconfirmed_note(
            look, fill(text::ac_review_window, fw->display_title(), fw->review->due_within_days),
            fw->review->provenance.note);
    }
}

void ActionsScreen::draw_reviews(const Look& look) {
    widgets::heading(look, text::ac_reviews_heading);
    std::vector<ReviewRow> rows;
    // As the accessible face's list: the open one when it is an impact assessment.
    if (open_ != nullptr && open_->is_open() && open_->framework().review)
        rows.push_back(row_of(*open_, clock_()));
    if (st_.reviews.is_object() && st_.reviews.contains("assessments")) {
        for (const Json& a : st_.reviews.at("assessments"))
            rows.push_back(row_of(a));
    }
    const auto due =
        std::count_if(rows.begin(), rows.end(), [](const ReviewRow& r) { return r.needs_review; });
    widgets::paragraph(fill(text::ac_reviews_counts, rows.size(), due));
    widgets::muted(look, text::ac_reviews_hint);
    std::vector<std::string> frameworks;
    for (const ReviewRow& r : rows)
        frameworks.push_back(r.framework);
    draw_review_windows(look, frameworks);
    focus_here();
    if (rows.empty()) {
        widgets::paragraph(text::ac_reviews_none);
        return;
    }
    draw_review_table(look, rows);
    draw_next_year(look);
}

// Next year's assessment of the open one's framework or one the workspace has: the core starts it
// and carries the open actions across; the list then shows them, each marked as carried over.
void ActionsScreen::draw_next_year(const Look& look) {
    std::vector<std::string> ids;
    if (open_ != nullptr && open_->is_open()) ids.push_back(open_->framework().id);
    for (const StoredAssessment& s : workspace_->assessments())
        ids.push_back(s.entry.framework);
    std::vector<std::pair<std::string, std::string>> frameworks;
    for (const std::string& id : ids) {
        const Framework* fw = registry_->find(id);
        if (fw == nullptr || std::any_of(frameworks.begin(), frameworks.end(),
                                         [fw](const auto& f) { return f.first == fw->id; }))
            continue;
        frameworks.emplace_back(fw->id, std::string(fw->display_title()));
    }
    if (frameworks.empty()) return;
    NextYearForm& f = st_.next;
    if (std::none_of(frameworks.begin(), frameworks.end(),
                     [&f](const auto& x) { return x.first == f.framework; }))
        f.framework = frameworks.front().first;
    ImGui::Spacing();
    widgets::subheading(look, text::ac_next_heading);
    widgets::paragraph(text::ac_next_hint);
    draw_errors(look, "");
    widgets::paragraph(text::ac_framework);
    draw_errors(look, "framework");
    std::string preview;
    for (const auto& [id, title] : frameworks)
        if (id == f.framework) preview = title;
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 24));
    if (ImGui::BeginCombo("##next-framework", preview.c_str())) {
        for (const auto& [id, title] : frameworks)
            if (ImGui::Selectable(title.c_str(), id == f.framework)) f.framework = id;
        ImGui::EndCombo();
    }
    widgets::paragraph(text::ac_next_title);
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 24));
    ImGui::InputText("##next-title", &f.title);
    if (ImGui::Button(text::ac_next_start)) push(ac_action::StartNext{});
}

}  // namespace eqkit::ui
