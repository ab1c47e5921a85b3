#include "screens/actions_screen.hpp"

#include <algorithm>
#include <utility>

#include <imgui.h>

#include "eqkit/actions_api.hpp"
#include "eqkit/dates.hpp"
#include "hand_over.hpp"
#include "screens/tender_widgets.hpp"
#include "text.hpp"
#include "widgets/focus.hpp"
#include "widgets/typography.hpp"

namespace eqkit::ui {
namespace {

using Json = nlohmann::json;

// The names the exports are handed over under.
constexpr const char* csv_name = "action-plan.csv";
constexpr const char* html_name = "action-plan.html";

// The evidence ids an action of the list rests on.
std::vector<std::string> ids_in(const Json& action) {
    std::vector<std::string> out;
    if (action.contains("evidence") && action.at("evidence").is_array()) {
        for (const Json& id : action.at("evidence"))
            if (id.is_string()) out.push_back(id.get<std::string>());
    }
    return out;
}

// The ids of `from` that `in` lacks: what to link (ticked, not linked) or unlink.
std::vector<std::string> missing_from(const std::vector<std::string>& from,
                                      const std::vector<std::string>& in) {
    std::vector<std::string> out;
    for (const std::string& id : from)
        if (std::find(in.begin(), in.end(), id) == in.end()) out.push_back(id);
    return out;
}

}  // namespace

ActionsScreen::ActionsScreen(const Registry& registry, Platform& platform, Clock clock)
    : registry_(&registry),
      platform_(&platform),
      clock_(clock ? std::move(clock) : Clock(today_iso)) {
    st_.export_folder = platform.start_folder().string();
}

// ---- answers ----------------------------------------------------------------------------------

bool ActionsScreen::take(const std::string& answer) {
    const Json doc = Json::parse(answer, nullptr, false);
    if (doc.is_object() && doc.value("ok", false)) {
        st_.errors = Json::array();
        return true;
    }
    st_.errors = doc.is_object() && doc.contains("errors") && doc.at("errors").is_array()
                     ? doc.at("errors")
                     : Json::array({{{"message", text::ac_unreadable_answer}}});
    return false;
}

std::string ActionsScreen::filter_json() const {
    return Json{{"owner", st_.filter.owner},
                {"status", st_.filter.status},
                {"overdue", st_.filter.overdue},
                {"all", st_.filter.all}}
        .dump();
}

void ActionsScreen::refresh() {
    if (workspace_ == nullptr) {
        st_.listed = nullptr;
        st_.reviews = nullptr;
        return;
    }
    const std::string today = clock_();
    const Json listed =
        Json::parse(actions_api_list(*workspace_, filter_json(), today), nullptr, false);
    st_.listed = listed.is_object() ? listed : Json(nullptr);
    const Json reviews = Json::parse(reviews_api_list(*workspace_, today), nullptr, false);
    st_.reviews = reviews.is_object() ? reviews : Json(nullptr);
    if (!selected_action()) st_.selected.clear();
}

const Json* ActionsScreen::selected_action() const {
    if (st_.selected.empty() || !st_.listed.is_object() || !st_.listed.contains("actions"))
        return nullptr;
    for (const Json& a : st_.listed.at("actions"))
        if (tn::str(a, "id") == st_.selected) return &a;
    return nullptr;
}

void ActionsScreen::state_json(Json& into) const {
    Json errors = Json::array();
    for (const Json& e : st_.errors)
        errors.push_back(tn::str(e, "message"));
    into["actions"] = {{"page", static_cast<int>(st_.page)},
                       {"listed", st_.listed},
                       {"reviews", st_.reviews},
                       {"selected", st_.selected},
                       {"form_item", st_.form.item},
                       {"errors", std::move(errors)},
                       {"status", st_.status}};
}

// ---- actions ----------------------------------------------------------------------------------

void ActionsScreen::act(const ActionsAction& action) {
    std::visit([this](const auto& a) { apply(a); }, action);
}

void ActionsScreen::apply(const ac_action::Go& a) {
    st_.errors = Json::array();
    st_.page = a.page;
    refresh();
}

void ActionsScreen::apply(const ac_action::Filter&) {
    refresh();
}

void ActionsScreen::apply(const ac_action::Select& a) {
    st_.errors = Json::array();
    st_.selected = a.id;
    focus_selected_ = true;
    const Json* action = selected_action();
    st_.status_draft = action ? tn::str(*action, "status") : std::string();
    st_.reason_draft = action ? tn::str(*action, "reason") : std::string();
    st_.evidence_draft = action ? ids_in(*action) : std::vector<std::string>();
}

void ActionsScreen::apply(const ac_action::SetStatus&) {
    if (workspace_ == nullptr || st_.selected.empty()) return;
    const Json* before = selected_action();
    const std::vector<std::string> linked = before ? ids_in(*before) : std::vector<std::string>();
    const Json request = {{"status", st_.status_draft},
                          {"reason", st_.reason_draft},
                          {"link_evidence", missing_from(st_.evidence_draft, linked)},
                          {"unlink_evidence", missing_from(linked, st_.evidence_draft)}};
    if (!take(actions_api_set(*workspace_, st_.selected, request.dump(), clock_()))) return;
    platform_->library_changed();
    refresh();
    const Json* action = selected_action();
    st_.status = fill(text::ac_status_saved, st_.selected,
                      action ? tn::str(*action, "status_label") : st_.status_draft);
}

void ActionsScreen::apply(const ac_action::StartAdd& a) {
    st_.errors = Json::array();
    st_.page = ActionsPage::add;
    ActionForm& f = st_.form;
    if (!a.item.empty() && a.item != f.item) {
        f.item = a.item;
        f.framework = a.item.substr(0, a.item.find(':'));
        f.assessment.clear();
    }
    // Nothing suggested: the framework of the assessment open in the app, else the first.
    if (f.framework.empty() && open_ != nullptr && open_->is_open())
        f.framework = open_->framework().id;
    if (f.framework.empty() && !registry_->frameworks().empty())
        f.framework = registry_->frameworks().front().id;
    refresh();
}

void ActionsScreen::apply(const ac_action::Add&) {
    if (workspace_ == nullptr) return;
    const ActionForm& f = st_.form;
    const Json request = {{"text", f.text}, {"owner", f.owner},           {"due", f.due},
                          {"item", f.item}, {"assessment", f.assessment}, {"evidence", f.evidence}};
    const std::string answer = actions_api_add(*workspace_, request.dump(), clock_());
    if (!take(answer)) return;
    const std::string id = tn::str(Json::parse(answer, nullptr, false), "id");
    platform_->library_changed();
    st_.status = fill(text::ac_added, id);
    st_.form.text.clear();
    st_.form.evidence.clear();
    st_.page = ActionsPage::list;
    refresh();
    apply(ac_action::Select{id});
}

void ActionsScreen::apply(const ac_action::StartNext&) {
    if (workspace_ == nullptr) return;
    const Json request = {{"framework", st_.next.framework}, {"title", st_.next.title}};
    const std::string answer = actions_api_start(*workspace_, request.dump(), clock_());
    if (!take(answer)) return;
    platform_->library_changed();
    st_.status = tn::str(Json::parse(answer, nullptr, false), "message");
    st_.next.title.clear();
    // The list, as it now stands: the carried actions with "Carried over from …".
    st_.filter = ActionsFilter{};
    st_.page = ActionsPage::list;
    refresh();
}

void ActionsScreen::apply(const ac_action::Export& a) {
    st_.errors = Json::array();
    if (workspace_ == nullptr) return;
    const std::string bytes =
        actions_api_export(*workspace_, filter_json(), a.html ? "html" : "csv", clock_());
    if (bytes.empty()) {
        take("");
        return;
    }
    Result<std::string> sent =
        hand_over(*platform_, st_.export_folder, a.html ? html_name : csv_name,
                  a.html ? "text/html" : "text/csv", bytes);
    if (!sent) {
        st_.errors = Json::array({{{"message", sent.error().message()}}});
        return;
    }
    st_.status = std::move(*sent);
}

// ---- drawing ----------------------------------------------------------------------------------

void ActionsScreen::push(ActionsAction action) {
    queue_.push_back(std::move(action));
}

void ActionsScreen::focus_here() {
    if (!take_focus_) return;
    widgets::focus_last_item(true);
    take_focus_ = false;
}

void ActionsScreen::draw(WorkspaceFolder* workspace, const Workspace& open, const Look& look,
                         float height, std::string_view suggested_item) {
    // Coming back to the section (or a new workspace): the plan may have changed meanwhile,
    // by an evidence pack's import for example.
    const bool returning = ImGui::GetFrameCount() != drawn_frame_ + 1;
    if (returning || workspace != workspace_) {
        workspace_ = workspace;
        refresh();
    }
    if (returning || st_.page != drawn_page_) take_focus_ = true;
    drawn_frame_ = ImGui::GetFrameCount();
    open_ = &open;
    suggested_item_ = suggested_item;
    const float top = ImGui::GetCursorPosY();
    ImGui::PushID("actions");
    struct Page {
        ActionsPage page;
        const char* label;
    };
    static constexpr Page pages[] = {
        {ActionsPage::list, text::ac_page_list},
        {ActionsPage::add, text::ac_page_add},
        {ActionsPage::reviews, text::ac_page_reviews},
    };
    // The pages as radio buttons on one line, as the Tender section's: each reachable by Tab
    // and arrows, the chosen one said by its filled mark.
    for (const Page& p : pages) {
        if (ImGui::RadioButton(p.label, st_.page == p.page)) {
            push(p.page == ActionsPage::add ? ActionsAction{ac_action::StartAdd{suggested_item_}}
                                            : ac_action::Go{p.page});
        }
        if (p.page == st_.page) focus_here();
        ImGui::SameLine();
    }
    ImGui::NewLine();
    ImGui::Separator();
    drawn_page_ = st_.page;
    const float left = height > 0.0F ? height - (ImGui::GetCursorPosY() - top) : 0.0F;
    ImGui::BeginChild("page", ImVec2(0.0F, left), false, ImGuiWindowFlags_NavFlattened);
    if (!st_.status.empty()) widgets::muted(look, st_.status);
    if (workspace_ == nullptr) {
        widgets::problem(look, text::ac_no_workspace);
    } else {
        switch (st_.page) {
            case ActionsPage::list:
                draw_list(look);
                break;
            case ActionsPage::add:
                draw_add(look);
                break;
            case ActionsPage::reviews:
                draw_reviews(look);
                break;
        }
    }
    ImGui::EndChild();
    ImGui::PopID();
    for (const ActionsAction& a : std::exchange(queue_, {}))
        act(a);
}

// The core's refusal: every message at the top of a page (field ""), or those about one field
// under it.
void ActionsScreen::draw_errors(const Look& look, std::string_view field) const {
    for (const Json& e : st_.errors) {
        const std::string about = tn::str(e, "field");
        if (field.empty() || about == field)
            widgets::problem(look, fill(text::ac_refused, tn::str(e, "message")));
    }
}

}  // namespace eqkit::ui
