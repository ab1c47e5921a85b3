// The canvas Actions section (issue #8 parts 4 and 6), driven headlessly over the App's real
// workspace folder (the evidence library's): Ctrl+5 opens it; an action is added for an item,
// refused without an owner; the list filters by owner and overdue; dropping without a reason is
// refused in the core's words and with one is shown with its history; the CSV and HTML exports
// are handed over; every assessment is listed with its review status. What the section says is
// read from Dear ImGui's log of the text drawn in a frame.
#include <doctest/doctest.h>

#include <imgui.h>
#include <nlohmann/json.hpp>

#include "app.hpp"
#include "eqkit/impact.hpp"
#include "headless.hpp"

using namespace eqkit;
using namespace eqkit::test;
using Json = nlohmann::json;
namespace act = eqkit::ui::ac_action;

namespace {

// Far enough either side of any day the test runs on.
constexpr const char* long_ago = "2001-02-03";
constexpr const char* far_ahead = "2098-07-06";

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

struct ActionsFixture {
    AppFixture f;

    ActionsFixture() { show(); }
    void show() {
        ImGui::GetIO().DisplaySize = ImVec2(1280.0F, 4000.0F);  // every row whole, unclipped
        f.press('5', true);                                     // Ctrl+5, as a user would
        f.frames(1);  // the tab bar follows the next frame
    }
    // The app closed and started again: it opens the workspace folder as it is on disk.
    void restart() {
        f.app.reset();
        f.app.emplace(f.ws, f.platform, headless_keys, EQKIT_PLUGINS_DIR);
        show();
    }
    // Changes the workspace folder on disk (as importing a pack or the CLI would), then starts
    // the app again, which opens it as it now is.
    template <class Change>
    void change_folder(Change&& change) {
        {
            Checked<WorkspaceFolder> folder =
                WorkspaceFolder::open(f.platform.library_folder(), f.ws.registry());
            REQUIRE(folder.has_value());
            change(*folder);
        }
        restart();
    }
    [[nodiscard]] ui::ActionsScreen& screen() { return f.app->actions(); }
    [[nodiscard]] const ui::ActionsScreenState& st() { return f.app->actions().state(); }
    void run(const ui::ActionsAction& action) {
        screen().act(action);
        f.frames(2);
    }
    std::string drawn() { return f.headless.logged_frame(*f.app); }
    // Adds an action through the form; returns its id.
    std::string add(const std::string& item, const std::string& text, const std::string& owner,
                    const std::string& due) {
        run(act::StartAdd{item});
        ui::ActionForm& form = screen().edit_state().form;
        form.text = text;
        form.owner = owner;
        form.due = due;
        run(act::Add{});
        REQUIRE(st().errors.empty());
        return st().selected;
    }
    [[nodiscard]] std::vector<std::string> shown_ids() {
        std::vector<std::string> ids;
        for (const Json& a : st().listed.at("actions"))
            ids.push_back(a.at("id").get<std::string>());
        return ids;
    }
    [[nodiscard]] Json action(const std::string& id) {
        for (const Json& a : st().listed.at("actions"))
            if (a.at("id") == id) return a;
        return nullptr;
    }
    void filter(std::string owner, bool overdue) {
        screen().edit_state().filter.owner = std::move(owner);
        screen().edit_state().filter.overdue = overdue;
        run(act::Filter{});
    }
};

}  // namespace

TEST_CASE("actions screen: Ctrl+5 opens the Actions section with the empty plan") {
    ActionsFixture t;
    CHECK(t.f.app->section() == ui::Section::actions);
    REQUIRE(t.st().listed.is_object());
    CHECK(t.st().listed.at("actions").empty());
    const std::string text = t.drawn();
    CHECK(contains(text, "Action plan"));
    CHECK(contains(text, "0 shown, 0 overdue"));
    CHECK(contains(text, "No actions match."));
}

TEST_CASE("actions screen: an action added for an item is listed with overdue in words") {
    ActionsFixture t;
    const std::string id =
        t.add("eds2022:1A", "Publish the easy-read leaflet", "Sam Patel", long_ago);
    CHECK(id == "a1");
    const Json a = t.action(id);
    REQUIRE(a.is_object());
    CHECK(a.at("item") == "eds2022:1A");
    CHECK(a.at("overdue") == true);
    CHECK(t.st().page == ui::ActionsPage::list);
    const std::string text = t.drawn();
    CHECK(contains(text, "Action a1 added."));
    CHECK(contains(text, "Publish the easy-read leaflet"));
    CHECK(contains(text, "Sam Patel"));
    CHECK(contains(text, "Overdue by"));                 // in words, not by colour alone
    CHECK(contains(text, "added, owned by Sam Patel"));  // the chosen action's history
    // Kept in the workspace's actions.json, where the CLI and the accessible face read it.
    CHECK(std::filesystem::exists(t.f.platform.library_folder() / "actions.json"));
    CHECK(t.f.platform.library_changes > 0);
}

TEST_CASE("actions screen: an action without an owner is refused in the core's words") {
    ActionsFixture t;
    t.run(act::StartAdd{"eds2022:1A"});
    ui::ActionForm& form = t.screen().edit_state().form;
    form.text = "Translate the form";
    form.due = far_ahead;
    t.run(act::Add{});
    REQUIRE(t.st().errors.size() == 1);
    CHECK(t.st().errors[0].at("field") == "owner");
    CHECK(t.st().page == ui::ActionsPage::add);
    const std::string text = t.drawn();
    CHECK(contains(text, "Not done: Owner: name who owns the action"));
    t.run(act::Go{ui::ActionsPage::list});
    CHECK(t.st().listed.at("actions").empty());
}

TEST_CASE("actions screen: the list filters by owner and by overdue") {
    ActionsFixture t;
    const std::string late = t.add("eds2022:1A", "Late one", "Ann", long_ago);
    const std::string later = t.add("eds2022:1B", "Not yet due", "Ann", far_ahead);
    const std::string bobs = t.add("eds2022:2A", "Bob's", "Bob", long_ago);
    CHECK(t.shown_ids() == std::vector<std::string>{late, later, bobs});

    t.filter("Bob", false);
    CHECK(t.shown_ids() == std::vector<std::string>{bobs});
    t.filter("", true);
    CHECK(t.shown_ids() == std::vector<std::string>{late, bobs});
    t.filter("Ann", true);
    CHECK(t.shown_ids() == std::vector<std::string>{late});
    const std::string text = t.drawn();
    CHECK(contains(text, "1 shown, 1 overdue"));
    CHECK(contains(text, "Late one"));
    CHECK_FALSE(contains(text, "Not yet due"));
    CHECK_FALSE(contains(text, "Bob's"));
}

TEST_CASE("actions screen: dropping needs a reason; with one it is shown with its history") {
    ActionsFixture t;
    const std::string id = t.add("eds2022:1A", "Run a listening event", "Ann", far_ahead);
    t.run(act::Select{id});
    t.screen().edit_state().status_draft = "dropped";
    t.screen().edit_state().reason_draft = "";
    t.run(act::SetStatus{});
    REQUIRE(t.st().errors.size() == 1);
    CHECK(t.st().errors[0].at("field") == "reason");
    CHECK(t.action(id).at("status") == "open");  // nothing changed
    CHECK(
        contains(t.drawn(), "Not done: Reason: a dropped action needs the reason it was dropped"));

    t.screen().edit_state().reason_draft = "No budget this year";
    t.run(act::SetStatus{});
    CHECK(t.st().errors.empty());
    CHECK(t.action(id).at("status") == "dropped");
    const std::string text = t.drawn();
    CHECK(contains(text, "Dropped (No budget this year)"));
    CHECK(contains(text, "status Open → Dropped (No budget this year)"));
}

TEST_CASE("actions screen: the CSV and HTML exports are handed over under the filter") {
    ActionsFixture t;
    (void)t.add("eds2022:1A", "Siân's action, with a comma", "Siân", long_ago);
    (void)t.add("eds2022:1B", "Someone else's", "Bob", far_ahead);
    t.filter("Siân", false);
    t.screen().edit_state().export_folder = "/exports";
    t.run(act::Export{false});
    REQUIRE(t.f.platform.deliveries.size() == 1);
    const Delivery& csv = t.f.platform.deliveries.back();
    CHECK(csv.to == std::filesystem::path("/exports/action-plan.csv"));
    CHECK(csv.mime == "text/csv");
    CHECK(
        csv.bytes.starts_with("\xEF\xBB\xBF"
                              "ID,Status,Overdue"));
    CHECK(contains(csv.bytes, "\"Siân's action, with a comma\""));
    CHECK_FALSE(contains(csv.bytes, "Someone else's"));
    CHECK(contains(t.drawn(), "Saved /exports/action-plan.csv"));

    t.run(act::Export{true});
    REQUIRE(t.f.platform.deliveries.size() == 2);
    const Delivery& html = t.f.platform.deliveries.back();
    CHECK(html.to.filename() == "action-plan.html");
    CHECK(contains(html.bytes, "<caption>Actions</caption>"));
    CHECK(contains(html.bytes, "owner Siân"));  // the page says which actions it holds
}

TEST_CASE("actions screen: in the browser the exports are downloads") {
    AppFixture f(false);
    f.press('5', true);
    f.frames(1);
    f.app->actions().act(act::Export{false});
    REQUIRE(f.platform.deliveries.size() == 1);
    CHECK(f.platform.deliveries.back().to.filename() == "action-plan.csv");
    CHECK(f.app->actions().state().status == "Downloaded action-plan.csv");
}

TEST_CASE("actions screen: every assessment in the workspace with its review status") {
    ActionsFixture t;
    // An impact assessment whose review date has passed, put in the workspace folder (as
    // importing a pack or eqkit assess new --workspace would) before the app opens it.
    t.change_folder([&t](WorkspaceFolder& folder) {
        const Framework* eira = t.f.ws.registry().find("eira_nhs");
        REQUIRE(eira != nullptr);
        Result<std::string> id = folder.add_assessment(*eira, "Closing the Tuesday clinic");
        REQUIRE(id.has_value());
        Assessment a = folder.find_assessment(*id)->assessment;
        REQUIRE(set_field(*eira, a, "review_date", long_ago).has_value());
        REQUIRE(folder.save_assessment(*id, a).has_value());
    });
    t.run(act::Go{ui::ActionsPage::reviews});
    const Json& listed = t.st().reviews.at("assessments");
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].at("review").at("state") == "overdue");
    const std::string text = t.drawn();
    CHECK(contains(text, "1 assessment(s) listed, 1 due or overdue for review."));
    CHECK(contains(text, "Closing the Tuesday clinic"));
    CHECK(contains(text, "Version 1, not signed off"));
    CHECK(contains(text, "Overdue: the review was due on 2001-02-03"));
    CHECK(contains(text, "UNCONFIRMED: EIRA (NHS): review due 30 days before the review date"));

    // An impact assessment open in the app is listed too, as in the accessible face.
    t.f.run(ui::StartAssessment{"eira_nhs"});
    t.run(act::Go{ui::ActionsPage::reviews});
    const std::string with_open = t.drawn();
    CHECK(contains(with_open, "(open in the app)"));
    CHECK(contains(with_open, "2 assessment(s) listed, 1 due or overdue for review."));
}

TEST_CASE("actions screen: an action rests on the library's evidence, chosen and changed") {
    ActionsFixture t;
    t.change_folder([](WorkspaceFolder& folder) {
        for (const char* title : {"Staff survey 2025", "Board minutes"}) {
            EvidenceDetails details;
            details.title = title;
            details.added_by = "Ann";
            REQUIRE(folder.add_note("Findings", details, "2025-04-01").has_value());
        }
    });
    t.run(act::StartAdd{"eds2022:1A"});
    CHECK(contains(t.drawn(), "ev2: Board minutes"));  // offered as a box to tick
    ui::ActionForm& form = t.screen().edit_state().form;
    form.text = "Publish the survey by ethnicity";
    form.owner = "Ann";
    form.due = far_ahead;
    form.evidence = {"ev9"};
    t.run(act::Add{});
    REQUIRE(t.st().errors.size() == 1);
    CHECK(contains(t.drawn(), "Not done: Evidence: there is no evidence \"ev9\" in the workspace"));
    t.screen().edit_state().form.evidence = {"ev1"};
    t.run(act::Add{});
    REQUIRE(t.st().errors.empty());
    const std::string id = t.st().selected;
    CHECK(t.action(id).at("evidence") == Json::array({"ev1"}));
    CHECK(contains(t.drawn(), "ev1: Staff survey 2025"));

    t.screen().edit_state().evidence_draft = {"ev2"};  // one box cleared, the other ticked
    t.run(act::SetStatus{});
    REQUIRE(t.st().errors.empty());
    CHECK(t.action(id).at("evidence") == Json::array({"ev2"}));
    const std::string text = t.drawn();
    CHECK(contains(text, "evidence linked: ev2; evidence unlinked: ev1"));
    CHECK(contains(text, "ev2: Board minutes"));
}

TEST_CASE("actions screen: next year's assessment carries the open actions, marked as such") {
    ActionsFixture t;
    t.change_folder([&t](WorkspaceFolder& folder) {
        REQUIRE(folder.add_assessment(*t.f.ws.registry().find("eds2022"), "2025").has_value());
    });
    const std::string open = t.add("eds2022:1A", "Still to do", "Ann", far_ahead);
    const std::string done = t.add("eds2022:1B", "Finished", "Ann", far_ahead);
    t.run(act::Select{done});
    t.screen().edit_state().status_draft = "done";
    t.run(act::SetStatus{});
    REQUIRE(t.st().errors.empty());

    t.run(act::Go{ui::ActionsPage::reviews});
    CHECK(contains(t.drawn(), "Start next year's assessment"));
    t.screen().edit_state().next = {"eds2022", "2026"};
    t.run(act::StartNext{});
    REQUIRE(t.st().errors.empty());
    CHECK(t.st().page == ui::ActionsPage::list);
    CHECK(t.st().status ==
          "Started eds2022-next after eds2022: 1 open action(s) carried over, each "
          "marked as carried over; closed ones stay where they were.");
    // The open one goes across as a new action of the new assessment; the done one stays.
    const Json carried = t.action("a3");
    REQUIRE(carried.is_object());
    CHECK(carried.at("carried_over_from") == open);
    CHECK(carried.at("assessment") == "eds2022-next");
    CHECK(t.action(open).is_null());  // the old one left the list, carried
    CHECK(t.action(done).at("status") == "done");
    const std::string text = t.drawn();
    CHECK(contains(text, "Carried over from " + open));
    CHECK(contains(text, "Still to do"));
    CHECK(t.f.platform.library_changes > 0);
    t.run(act::Go{ui::ActionsPage::reviews});
    CHECK(contains(t.drawn(), "2 assessment(s) listed"));
}

TEST_CASE("actions screen: the keyboard reaches an action and its status") {
    ActionsFixture t;
    const std::string id = t.add("eds2022:1A", "Reached by keyboard", "Ann", far_ahead);
    t.run(act::Go{ui::ActionsPage::list});  // the list again, with nothing chosen
    t.screen().edit_state().selected.clear();
    t.f.press('1', true);  // away and back: the focus starts on the page's radio button
    t.f.frames(1);
    t.show();
    // Down past the filters, the overdue boxes, the buttons and the folder to the first row.
    for (int i = 0; i < 6; ++i)
        t.f.press(key(ImGuiKey_DownArrow));
    t.f.press(key(ImGuiKey_Space));
    CHECK(t.st().selected == id);
    CHECK(contains(t.drawn(), "History"));
}
