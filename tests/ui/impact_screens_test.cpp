// The canvas screens for impact assessments (issue #8 part 6), driven headlessly through the
// keyboard's way of pressing a widget (ImGui::ActivateItem, what Space or Enter does on the
// focused widget): a row rated negative without a reason is refused in the core's words, the
// risk before and after mitigation shows its score and band in words, sign-off is refused with
// each gap named and then locks the version, and an edit after sign-off starts version 2 while
// version 1 stays readable and exportable as it was signed. Also the review date's due and
// overdue states.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>

#include <imgui.h>
#include <imgui_internal.h>

#include "app.hpp"
#include "eqkit/dates.hpp"
#include "headless.hpp"

using namespace eqkit;

namespace {

const ui::ImpactPanelState& panel(const test::AppFixture& f) {
    return f.app->assess_state().impact;
}

// A window tall enough for a whole page: a text field scrolled out of view is not drawn, so it
// could not take the typing (a user's arrow keys scroll it into view first).
struct Fixture : test::AppFixture {
    explicit Fixture(bool paths = true) : test::AppFixture(paths) {
        ImGui::GetIO().DisplaySize = ImVec2(1280.0F, 4000.0F);
    }
};

// Focuses a widget the panel recorded and presses it as Space would.
void press(Fixture& f, const std::string& name) {
    const auto& ids = panel(f).ids;
    const auto it = ids.find(name);
    REQUIRE_MESSAGE(it != ids.end(), name);
    ImGuiContext& g = *ImGui::GetCurrentContext();
    g.NavInputSource = ImGuiInputSource_Keyboard;
    g.NavId = it->second;
    ImGui::ActivateItem(it->second);
    f.frames(3);
}

// Types into a text field, as a user who moved to it first.
void type_into(Fixture& f, const std::string& name, const char* text) {
    press(f, name);
    f.headless.type(*f.app, text);
}

// Fills in who signs on the sign-off page and presses "Sign off version N".
void sign_as(Fixture& f, const char* name, const char* role) {
    f.run(ui::SelectItem{"@signoff"}, 3);
    type_into(f, "signoff/name", name);
    type_into(f, "signoff/role", role);
    press(f, "sign");
}

// Chooses a level of one axis of a risk rating: opens its list, then picks the level.
void choose(Fixture& f, const std::string& axis, int level) {
    press(f, axis);
    press(f, axis + "/" + std::to_string(level));
}

// YYYY-MM-DD, `days` from today.
std::string days_from_today(int days) {
    using namespace std::chrono;
    const std::string today = today_iso();
    const year_month_day now{year{std::stoi(today.substr(0, 4))},
                             month{static_cast<unsigned>(std::stoi(today.substr(5, 2)))},
                             day{static_cast<unsigned>(std::stoi(today.substr(8, 2)))}};
    const year_month_day then{sys_days{now} + std::chrono::days{days}};
    char out[16];
    std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(then.year()),
                  static_cast<unsigned>(then.month()), static_cast<unsigned>(then.day()));
    return out;
}

// Every required field, row and item answered through the core's own edits, as one step.
void complete(Fixture& f) {
    const Framework& fw = f.ws.framework();
    Assessment a = f.ws.assessment();
    for (const FormField& field : fw.fields) {
        if (!field.required) continue;
        const std::string value = field.type == FieldType::choice ? field.choices.front()
                                  : field.type == FieldType::date ? days_from_today(365)
                                                                  : "Written";
        REQUIRE(set_field(fw, a, field.id, value).has_value());
    }
    for (const RowSubject& s : fw.rows->subjects) {
        RowAnswer row;
        row.relevance = "no";
        row.impact = "neutral";
        REQUIRE(set_row(fw, a, s.id, row).has_value());
    }
    for (const Group& group : fw.groups) {
        for (const Item& item : group.items) {
            Answer answer;
            answer.score = fw.scale.highest();
            REQUIRE(set_answer(fw, a, item.code, answer).has_value());
        }
    }
    f.run(ui::EditAssessment{std::move(a), "fill in"});
}

const RowAnswer* row_of(const test::AppFixture& f, const std::string& subject) {
    const auto& rows = f.ws.assessment().form.rows;
    const auto it = rows.find(subject);
    return it == rows.end() ? nullptr : &it->second;
}

}  // namespace

TEST_CASE(
    "impact screens: the list has the form, each characteristic, matrix, sign-off, versions") {
    Fixture f;
    f.run(ui::StartAssessment{"eira_nhs"}, 2);
    const std::vector<ui::ImpactEntry> entries =
        ui::impact_entries(f.ws.framework(), f.ws.assessment());
    REQUIRE(entries.size() ==
            5 + 16 + 3);  // five sections, sixteen rows, matrix, sign-off, versions
    CHECK(entries[0].label == "Ownership (0 of 7 answered)");
    CHECK(entries[5].key == "@row:age");
    CHECK(entries[5].label == "Age: not rated yet");
    CHECK(entries.back().label == "Versions (1)");
    // The carers row is marked UNCONFIRMED in the template: the entry carries the mark.
    const auto carers = ui::find_impact_entry(f.ws.framework(), f.ws.assessment(), "@row:carers");
    REQUIRE(carers.has_value());
    CHECK_FALSE(carers->provenance.confirmed);
    f.run(ui::SelectItem{"@row:carers"}, 2);
    CHECK(f.app->assess_state().selected == "@row:carers");
    f.run(ui::SelectItem{"@nothing"}, 2);  // not an entry: the selection stays
    CHECK(f.app->assess_state().selected == "@row:carers");
}

TEST_CASE("impact screens: a negative impact without a reason is refused in the core's words") {
    Fixture f;
    f.run(ui::StartAssessment{"eira_nhs"}, 2);
    f.run(ui::SelectItem{"@row:race"}, 3);
    press(f, "relevance/yes");
    REQUIRE(row_of(f, "race") != nullptr);
    CHECK(row_of(f, "race")->relevance == "yes");
    CHECK(f.ws.undo_label() == "rate Race");

    press(f, "impact/negative");
    CHECK(row_of(f, "race")->impact.empty());  // not saved
    CHECK(panel(f).row.impact == "negative");  // but kept on screen
    CHECK(panel(f).refusal_at == "impact");
    CHECK(panel(f).row_refusal.find("row race: the impact is rated") == 0);
    CHECK(panel(f).row_refusal.find("but no reason is given") != std::string::npos);

    // With a reason, the same rating is saved when the reason's edit ends.
    type_into(f, "reason", "Fewer evening appointments for people who work shifts");
    press(f, "relevance/yes");  // the focus moves on: the edit ends
    REQUIRE(row_of(f, "race") != nullptr);
    CHECK(row_of(f, "race")->impact == "negative");
    CHECK(row_of(f, "race")->reason == "Fewer evening appointments for people who work shifts");
    CHECK(panel(f).row_refusal.empty());
}

TEST_CASE("impact screens: risk before and after mitigation shows its score and band in words") {
    Fixture f;
    f.run(ui::StartAssessment{"eira_nhs"}, 2);
    f.run(ui::SelectItem{"@row:disability"}, 3);
    type_into(f, "reason", "Step-free access only on Tuesdays");
    press(f, "impact/negative");
    REQUIRE(row_of(f, "disability") != nullptr);
    CHECK(row_of(f, "disability")->impact == "negative");

    choose(f, "risk_before/likelihood", 4);
    // Half a rating is the core's to refuse; the draft waits for the other half.
    CHECK_FALSE(row_of(f, "disability")->risk_before.has_value());
    CHECK(panel(f).refusal_at == "risk_before");
    CHECK_FALSE(panel(f).row_refusal.empty());
    choose(f, "risk_before/impact", 3);
    REQUIRE(row_of(f, "disability")->risk_before.has_value());
    CHECK(*row_of(f, "disability")->risk_before == RiskRating{4, 3});
    CHECK(panel(f).risk_shown.at("risk_before") == "Likelihood 4 × impact 3 = 12: High");

    choose(f, "risk_after/likelihood", 1);
    choose(f, "risk_after/impact", 3);
    REQUIRE(row_of(f, "disability")->risk_after.has_value());
    CHECK(panel(f).risk_shown.at("risk_after") == "Likelihood 1 × impact 3 = 3: Low");
    // "High" is marked UNCONFIRMED in the template, and the panel says so.
    CHECK(panel(f).unconfirmed_bands.count("High") == 1);
    CHECK(panel(f).unconfirmed_bands.count("Low") == 0);
}

TEST_CASE("impact screens: sign-off is refused naming each gap, then locks; an edit starts v2") {
    Fixture f;
    f.run(ui::StartAssessment{"eira_nhs"}, 2);
    sign_as(f, "Sam Patel", "Equality and diversity lead");
    CHECK_FALSE(f.ws.assessment().trail.signoff.has_value());
    const std::vector<std::string>& refusals = panel(f).signoff_refusals;
    REQUIRE_FALSE(refusals.empty());
    CHECK(std::find(refusals.begin(), refusals.end(),
                    "field lead: \"Lead assessor\" must be answered first") != refusals.end());
    CHECK(std::any_of(refusals.begin(), refusals.end(),
                      [](const std::string& r) { return r.rfind("row race: ", 0) == 0; }));

    complete(f);
    press(f, "sign");
    REQUIRE(f.ws.assessment().trail.signoff.has_value());
    CHECK(f.ws.assessment().trail.signoff->name == "Sam Patel");
    CHECK(f.ws.assessment().trail.signoff->date == today_iso());  // left empty: today
    CHECK(f.ws.undo_label() == "sign off version 1");
    const std::string signed_text = *version_text(f.ws.framework(), f.ws.assessment(), 1);

    // Locked: an edit keeps version 1 as it was signed and starts version 2.
    f.run(ui::SelectItem{"@row:age"}, 3);
    press(f, "relevance/yes");
    const Assessment& a = f.ws.assessment();
    CHECK(a.trail.version == 2);
    CHECK_FALSE(a.trail.signoff.has_value());
    REQUIRE(a.trail.earlier_versions.size() == 1);
    CHECK(a.trail.earlier_versions[0] == signed_text);

    // Version 1 is still readable, and exported as it was signed.
    f.run(ui::SelectItem{"@versions"}, 3);
    press(f, "version/1/read");
    CHECK(panel(f).reading == 1);
    press(f, "version/1/html");
    REQUIRE(f.app->path_prompt().has_value());
    CHECK(f.app->path_prompt()->path ==
          (f.platform.folder / "eira_nhs-version-1-report.html").string());
    CHECK(f.app->path_prompt()->version == 1);
}

TEST_CASE("impact screens: in the browser an earlier version downloads as it was signed") {
    Fixture f(false);
    f.run(ui::StartAssessment{"eira_nhs"}, 2);
    complete(f);
    sign_as(f, "Sam Patel", "Committee chair");
    REQUIRE(f.ws.assessment().trail.signoff.has_value());
    f.run(ui::SelectItem{"@section:1"}, 3);
    press(f, "field/new_or_existing/Existing");
    CHECK(f.ws.assessment().trail.version == 2);

    f.run(ui::SelectItem{"@versions"}, 3);
    press(f, "version/1/html");
    REQUIRE(f.platform.deliveries.size() == 1);
    CHECK(f.platform.deliveries[0].to == "eira_nhs-version-1-report.html");
    CHECK(f.platform.deliveries[0].bytes.find("Sam Patel") != std::string::npos);
    press(f, "version/1/json");
    REQUIRE(f.platform.deliveries.size() == 2);
    CHECK(f.platform.deliveries[1].bytes == f.ws.assessment().trail.earlier_versions[0]);
}

TEST_CASE("impact screens: the review date is refused unless a date, then due or overdue") {
    Fixture f;
    f.run(ui::StartAssessment{"eira_nhs"}, 2);
    const Framework& fw = f.ws.framework();
    f.run(ui::SelectItem{"@section:5"}, 3);  // Decision, publication and review
    type_into(f, "field/review_date", "next spring");
    press(f, "field/decision");
    CHECK_FALSE(f.ws.assessment().form.fields.contains("review_date"));
    REQUIRE(panel(f).field_refusals.count("review_date") == 1);
    CHECK(panel(f).field_refusals.at("review_date").rfind("field review_date: ", 0) == 0);

    f.run(ui::EditAssessment{
        [&] {
            Assessment a = f.ws.assessment();
            REQUIRE(set_field(fw, a, "review_date", days_from_today(10)).has_value());
            return a;
        }(),
        "set the review date"});
    CHECK(ui::review_words(fw, f.ws.assessment(), today_iso()) ==
          "Due: review by " + days_from_today(10) + " (10 day(s) left)");
    f.run(ui::EditAssessment{
        [&] {
            Assessment a = f.ws.assessment();
            REQUIRE(set_field(fw, a, "review_date", days_from_today(-3)).has_value());
            return a;
        }(),
        "set the review date"});
    CHECK(ui::review_words(fw, f.ws.assessment(), today_iso()) ==
          "Overdue: the review was due on " + days_from_today(-3) + ", 3 day(s) ago");
}

TEST_CASE("impact screens: a negative impact's mitigation becomes an action for its row") {
    Fixture f;
    f.run(ui::StartAssessment{"eira_nhs"}, 2);
    f.run(ui::SelectItem{"@row:disability"}, 3);
    CHECK(panel(f).ids.count("mitigation") == 0);  // only a negative impact has a risk to mitigate
    type_into(f, "reason", "Step-free access only on Tuesdays");
    press(f, "impact/negative");
    REQUIRE(row_of(f, "disability") != nullptr);
    REQUIRE(row_of(f, "disability")->impact == "negative");
    press(f, "mitigation");
    // The Actions section's add form, linked to the row, through the same core as the section.
    CHECK(f.app->section() == ui::Section::actions);
    const ui::ActionsScreenState& st = f.app->actions().state();
    CHECK(st.page == ui::ActionsPage::add);
    CHECK(st.form.framework == "eira_nhs");
    CHECK(st.form.item == "eira_nhs:disability");
    ui::ActionForm& form = f.app->actions().edit_state().form;
    form.text = "Open the step-free entrance every day";
    form.owner = "Sam Patel";
    form.due = "2099-03-31";
    f.app->actions().act(ui::ac_action::Add{});
    REQUIRE(st.errors.empty());
    REQUIRE(st.listed.at("actions").size() == 1);
    CHECK(st.listed.at("actions")[0].at("item") == "eira_nhs:disability");
}
