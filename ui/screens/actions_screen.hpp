#pragma once
// The canvas app's Actions section (issue #8 parts 4 and 6): the workspace's one action plan
// across every assessment (filter by owner, status and overdue; add an action linked to an item
// or row; change its status, a dropped one with its reason; its history; CSV and accessible HTML
// exports; the evidence each rests on) and every assessment in the workspace with its version,
// sign-off and review status, from which next year's assessment of a framework starts, carrying
// its open actions across.
// Every rule, word and refusal comes from eqkit::actions_api_* and eqkit::reviews_api_list, the
// functions the accessible face calls; this screen only draws their answers and collects intent.
//
// Self-contained, as TenderScreen: widgets queue ActionsActions while drawing, applied after the
// screen has drawn. Tests apply actions directly with act().
#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "eqkit/workspace.hpp"
#include "eqkit/workspace_folder.hpp"
#include "look.hpp"
#include "platform.hpp"

namespace eqkit::ui {

enum class ActionsPage { list, add, reviews };

namespace ac_action {
struct Go {
    ActionsPage page;
};
struct Filter {};  // the list again, under the filter as the form now holds it
struct Select {    // the action whose details, history and status are shown
    std::string id;
};
struct SetStatus {};  // the drafted status and reason, for the selected action
struct StartAdd {     // the add form, for this item ("framework:code") when given
    std::string item;
};
struct Add {};        // the add form, as filled in
struct StartNext {};  // next year's assessment of the framework chosen on the reviews page
struct Export {
    bool html;  // false: CSV
};
}  // namespace ac_action

using ActionsAction =
    std::variant<ac_action::Go, ac_action::Filter, ac_action::Select, ac_action::SetStatus,
                 ac_action::StartAdd, ac_action::Add, ac_action::Export, ac_action::StartNext>;

// The list's filter, as actions_api_list reads it.
struct ActionsFilter {
    std::string owner;   // "" = everyone
    std::string status;  // "" = any; "open", "in_progress", "done", "dropped"
    bool overdue = false;
    bool all = false;  // also the old actions already carried into a newer assessment
};

// What the add form holds while the user types.
struct ActionForm {
    std::string framework;   // a loaded framework's id
    std::string item;        // "framework:code"
    std::string assessment;  // "" = the latest assessment of the framework, if any
    std::string text;
    std::string owner;
    std::string due;                    // YYYY-MM-DD
    std::vector<std::string> evidence;  // ids of the library's evidence it rests on
};

// Next year's assessment as the reviews page's form holds it.
struct NextYearForm {
    std::string framework;  // a framework with an assessment in the workspace
    std::string title;
};

struct ActionsScreenState {
    ActionsPage page = ActionsPage::list;
    ActionsFilter filter;
    nlohmann::json listed;   // actions_api_list's answer; null until read
    nlohmann::json reviews;  // reviews_api_list's answer; null until read
    std::string selected;    // action id
    std::string status_draft;
    std::string reason_draft;
    std::vector<std::string> evidence_draft;  // the selected action's evidence, as ticked
    ActionForm form;
    NextYearForm next;
    nlohmann::json errors = nlohmann::json::array();  // the core's refusal: [{field,message}]
    std::string export_folder;
    std::string status;  // one line: "Action a3 added", "Saved to …"
};

class ActionsScreen {
  public:
    // Today's date, YYYY-MM-DD: this computer's by default; tests fix it.
    using Clock = std::function<std::string()>;

    ActionsScreen(const Registry& registry, Platform& platform, Clock clock = {});

    // workspace: the folder the actions belong to (the evidence library's), or null when it
    // could not be opened. open: the assessment being edited, listed with the reviews.
    // suggested_item: the item open in it ("eds2022:1A"), which a new action starts linked to.
    void draw(WorkspaceFolder* workspace, const Workspace& open, const Look& look, float height,
              std::string_view suggested_item);
    void act(const ActionsAction& action);

    [[nodiscard]] const ActionsScreenState& state() const { return st_; }
    [[nodiscard]] ActionsScreenState& edit_state() { return st_; }  // form fields, for tests
    // The page, the listed actions and reviews, the refusal and the status, as into["actions"].
    void state_json(nlohmann::json& into) const;

  private:
    void apply(const ac_action::Go& a);
    void apply(const ac_action::Filter& a);
    void apply(const ac_action::Select& a);
    void apply(const ac_action::SetStatus& a);
    void apply(const ac_action::StartAdd& a);
    void apply(const ac_action::Add& a);
    void apply(const ac_action::Export& a);
    void apply(const ac_action::StartNext& a);

    // Pages (actions_list.cpp, actions_add.cpp, actions_reviews.cpp).
    void draw_list(const Look& look);
    void draw_filter(const Look& look);
    void draw_table(const Look& look);
    void draw_selected(const Look& look);
    void draw_exports(const Look& look);
    void draw_add(const Look& look);
    void draw_item_choice(const Look& look);
    void draw_reviews(const Look& look);
    void draw_next_year(const Look& look);
    // Checkboxes over the library's evidence (the list's "evidence"), ticking ids in `chosen`.
    void draw_evidence_choice(const Look& look, std::vector<std::string>& chosen);
    void draw_review_windows(const Look& look, const std::vector<std::string>& frameworks) const;
    void draw_errors(const Look& look, std::string_view field) const;
    void focus_here();
    // Queues what the user asked for, applied once the screen has drawn. Out of line: GCC 12
    // warns of an uninitialised string when the variant's move into the queue is inlined.
    void push(ActionsAction action);

    // Reads the list and the reviews again (after a change, or on coming back to the section).
    void refresh();
    // Takes an api answer: true when "ok"; otherwise its errors become the page's refusal.
    bool take(const std::string& answer);
    [[nodiscard]] std::string filter_json() const;
    [[nodiscard]] const nlohmann::json* selected_action() const;

    const Registry* registry_;
    Platform* platform_;
    Clock clock_;
    WorkspaceFolder* workspace_ = nullptr;
    const Workspace* open_ = nullptr;
    ActionsScreenState st_;
    std::vector<ActionsAction> queue_;
    std::string suggested_item_;
    bool take_focus_ = true;
    bool focus_selected_ = false;  // an action was just chosen: its details take the focus
    ActionsPage drawn_page_ = ActionsPage::list;
    int drawn_frame_ = -1;
};

}  // namespace eqkit::ui
