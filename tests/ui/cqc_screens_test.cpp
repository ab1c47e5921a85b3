// The canvas screens for CQC assessments, driven headlessly through the keyboard's way of
// pressing a widget (ImGui::ActivateItem, what Space or Enter does on the focused widget):
// choosing the statements that apply, recording a judgement with its rationale, confirming an
// answer marked "needs review", scoring evidence categories under the earlier method, and the
// migration review screen for a file made with an earlier framework version.
#include <doctest/doctest.h>

#include <imgui.h>
#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include "app.hpp"
#include "eqkit/coverage.hpp"
#include "eqkit/rating.hpp"
#include "headless.hpp"
#include "screens/migration_screen.hpp"
#include "screens/totals_panel.hpp"

using namespace eqkit;

namespace {

Answer scored(int value) {
    Answer answer;
    answer.score = value;
    return answer;
}

// Focuses a widget a screen recorded and presses it as Space would (ImGui::ActivateItem); the
// focus also keeps a widget scrolled out of its panel from being clipped away.
void press(test::AppFixture& f, unsigned int id) {
    REQUIRE(id != 0);
    ImGuiContext& g = *ImGui::GetCurrentContext();
    g.NavInputSource = ImGuiInputSource_Keyboard;
    g.NavId = id;
    ImGui::ActivateItem(id);
    f.frames(3);
}

bool has_text(const std::vector<ui::RatingLine>& lines, const std::string& part) {
    return std::any_of(lines.begin(), lines.end(), [&](const ui::RatingLine& line) {
        return line.text.find(part) != std::string::npos;
    });
}

}  // namespace

TEST_CASE("cqc screens: the statements that apply are chosen by keyboard, and only they show") {
    test::AppFixture f;
    f.run(ui::StartAssessment{"cqc_saf"}, 2);
    REQUIRE(f.ws.is_open());
    press(f, f.app->assess_state().choice_ids.at("choices"));  // open "Choices"
    REQUIRE(f.app->assess_state().choice_ids.count("SAFE-1") == 1);
    press(f, f.app->assess_state().choice_ids.at("SAFE-1"));
    const Assessment& a = f.ws.assessment();
    REQUIRE(a.applicable.has_value());
    CHECK(a.applicable->size() == 33);
    CHECK_FALSE(a.applies("SAFE-1"));
    CHECK(f.ws.undo_label() == "choose the items that apply");
    // Back to every statement in one step.
    press(f, f.app->assess_state().choice_ids.at("all"));
    CHECK_FALSE(f.ws.assessment().applicable.has_value());
}

TEST_CASE("cqc screens: a whole key question applies or not in one keyboard press") {
    test::AppFixture f;
    f.run(ui::StartAssessment{"cqc_saf"}, 2);
    press(f, f.app->assess_state().choice_ids.at("choices"));
    REQUIRE(f.app->assess_state().choice_ids.count("group:EFFECTIVE") == 1);
    // Unticking Effective: every other key question applies whole, none of Effective's six.
    press(f, f.app->assess_state().choice_ids.at("group:EFFECTIVE"));
    const Assessment& a = f.ws.assessment();
    REQUIRE(a.applicable.has_value());
    CHECK(a.applicable->size() == 34 - 6);
    CHECK_FALSE(a.applies("EFF-1"));
    CHECK(a.applies("WL-8"));
    CHECK(f.ws.undo_label() == "choose the items that apply");
    CHECK(f.headless.logged_frame(*f.app).find(
              "None of its quality statements apply to your service") != std::string::npos);
    // Caring's statements one by one, then Caring ticked again: all five apply in one step.
    press(f, f.app->assess_state().choice_ids.at("group:CARING"));
    CHECK(f.ws.assessment().applicable->size() == 34 - 6 - 5);
    press(f, f.app->assess_state().choice_ids.at("CAR-2"));
    CHECK(f.ws.assessment().applies("CAR-2"));
    CHECK_FALSE(f.ws.assessment().applies("CAR-1"));
    press(f, f.app->assess_state().choice_ids.at("group:EFFECTIVE"));
    // Every group is now ticked (Caring through CAR-2), so each applies whole, as
    // "eqkit assess choose --applies SAFE EFFECTIVE CARING RESPONSIVE WELL-LED" gives.
    CHECK(f.ws.assessment().applicable ==
          applying_items(f.ws.framework(),
                         {"SAFE", "EFFECTIVE", "CARING", "RESPONSIVE", "WELL-LED"}));
    CHECK(f.ws.assessment().applies("CAR-1"));
}

TEST_CASE("cqc screens: a judgement is recorded with its rationale, or refused without one") {
    test::AppFixture f;
    ImGui::GetIO().DisplaySize = ImVec2(1280.0F, 4000.0F);  // the whole totals panel in view
    f.run(ui::StartAssessment{"cqc_saf"}, 2);
    for (const char* code : {"SAFE-1", "SAFE-2", "SAFE-3"})
        f.run(ui::SetAnswer{code, scored(4)});
    f.run(ui::SetAnswer{"SAFE-4", scored(1)}, 3);  // Safe needs the user's judgement
    const ui::TotalsPanelState& totals = f.app->assess_state().totals;
    REQUIRE(totals.ids.count("SAFE/Good") == 1);
    press(f, totals.ids.at("SAFE/Good"));
    CHECK(totals.rating.at("SAFE") == "Good");
    // No rationale yet: the core refuses, and the app says why.
    press(f, totals.ids.at("SAFE"));
    CHECK(f.ws.assessment().judgements.empty());
    REQUIRE_FALSE(f.app->problems().empty());
    CHECK(f.app->problems().back().message().find("a judgement needs a rationale saying why") !=
          std::string::npos);
    press(f, totals.ids.at("SAFE/rationale"));
    f.headless.type(*f.app, "One fall, reviewed and acted on");
    press(f, totals.ids.at("SAFE"));
    const Assessment& a = f.ws.assessment();
    REQUIRE(a.judgements.count("SAFE") == 1);
    CHECK(a.judgements.at("SAFE").rating == "Good");
    CHECK(a.judgements.at("SAFE").rationale == "One fall, reviewed and acted on");
    CHECK(f.ws.undo_label() == "record the judgement on Safe");
    const auto lines = ui::rating_lines(f.ws.framework(), a);
    CHECK(has_text(lines, "Your judgements, as recorded"));
    CHECK(has_text(lines, "Your call: Good, because One fall, reviewed and acted on"));
    CHECK(has_text(lines, "Key question SAFE: your judgement, Good"));
}

TEST_CASE("cqc screens: an answer marked \"needs review\" is confirmed by keyboard") {
    test::AppFixture f;
    f.run(ui::StartAssessment{"cqc_saf"}, 2);
    Answer carried = scored(3);
    carried.needs_review = true;
    carried.sources.push_back(
        {"eds2022:2A", "EDS 2022 2A (assessment eds2022)", "Jo", "2025-01-31"});
    f.run(ui::SetAnswer{"CAR-1", carried});
    f.run(ui::SelectItem{"CAR-1"}, 3);
    press(f, f.app->assess_state().editor.confirm_id);
    CHECK_FALSE(f.ws.assessment().answer("CAR-1").needs_review);
    CHECK(f.ws.assessment().answer("CAR-1").sources.size() == 1);  // where it came from stays
    CHECK(f.ws.undo_label() == "confirm CAR-1 reviewed");
    CHECK(f.app->assess_state().editor.confirm_id == 0);  // the button has gone
}

TEST_CASE("cqc screens: under the earlier method the editor scores evidence categories") {
    test::AppFixture f;
    f.run(ui::StartAssessment{"cqc_saf"}, 2);
    Assessment settings = f.ws.assessment();
    settings.method = "evidence_categories";
    f.run(ui::SetChoices{settings, "choose the scoring method"});
    Answer categories;
    categories.category_scores = {{"people", 4}, {"staff", 4}, {"processes", 3}};  // 11/12 → 92%
    f.run(ui::SetAnswer{"SAFE-1", categories}, 3);
    CHECK(f.app->problems().empty());
    const auto lines = ui::rating_lines(f.ws.framework(), f.ws.assessment());
    CHECK(has_text(lines, "How we reach a rating (for assessments before December 2024)"));
    CHECK(has_text(lines, "100%"));  // Safe: one statement, score 4 of 4
}

namespace {

// An AIS assessment made with the 2016 version, which the shipped plugins keep as an earlier
// version of the loaded one: 1 and G1 answered.
std::filesystem::path ais_2016_file(const test::TempDir& dir) {
    const Framework& old_fw = *test::shipped_registry().find_version("ais", "2016");
    Assessment a = new_assessment(old_fw);
    a.answers["1"] = scored(2);
    a.answers["1"].narrative = "Asked at registration";
    a.answers["G1"] = scored(1);
    const std::filesystem::path file = dir.path() / "ais-2016.json";
    test::spit(file, assessment_to_json(old_fw, a));
    return file;
}

}  // namespace

TEST_CASE("migration screen: a file from an earlier version shows what changed, then carries") {
    test::AppFixture f;
    const test::TempDir dir;
    f.run(ui::OpenFile{ais_2016_file(dir)}, 3);
    CHECK_FALSE(f.ws.is_open());
    CHECK(f.app->problems().empty());  // not an error: an offer
    REQUIRE(f.app->migration().has_value());
    const auto state = nlohmann::json::parse(f.app->state_json());
    const auto& offer = state.at("migration");
    CHECK(offer.at("from").at("version") == "2016");
    CHECK(offer.at("added").size() == 2);  // 6 Review, G3 Compliance published each year
    CHECK(offer.at("carried").size() == 2);
    CHECK(offer.at("not_carried").empty());
    // The keyboard starts on "Carry it across" (Space carries; the browser test presses it).
    CHECK(ImGui::GetCurrentContext()->NavId == f.app->migration()->ids.at("carry"));
    press(f, f.app->migration()->ids.at("carry"));
    REQUIRE(f.ws.is_open());
    CHECK_FALSE(f.app->migration().has_value());
    CHECK(f.ws.framework().version == f.ws.registry().find("ais")->version);
    CHECK(f.ws.dirty());
    CHECK_FALSE(f.ws.path().has_value());  // Save asks where: the 2016 file stays as it was
    CHECK(f.ws.assessment().answer("1").narrative == "Asked at registration");
    CHECK(ui::answers_to_review(f.ws) == std::vector<std::string>{"1", "G1"});
    CHECK(f.app->assess_state().selected == "1");  // the first to review
}

TEST_CASE("migration screen: an assessment kept from an earlier version is offered at start") {
    test::AppFixture f(false);
    const test::TempDir dir;
    // What the web build's restore() set aside: offered, not opened, and not an error.
    const std::filesystem::path kept = dir.path() / "current.earlier-version.json";
    std::filesystem::rename(ais_2016_file(dir), kept);
    f.platform.earlier = {kept};
    f.app.reset();
    f.app.emplace(f.ws, f.platform, test::headless_keys, EQKIT_PLUGINS_DIR);
    f.frames(2);
    REQUIRE(f.app->migration().has_value());
    CHECK(f.app->migration()->kept == kept);
    CHECK(f.app->migration()->label == "The assessment kept in this browser");
    CHECK(f.app->problems().empty());
    CHECK_FALSE(f.ws.is_open());
    // Cancel leaves it set aside, unchanged, for next time.
    const std::string before = test::slurp(kept);
    press(f, f.app->migration()->ids.at("cancel"));
    CHECK_FALSE(f.app->migration().has_value());
    CHECK(test::slurp(kept) == before);
    // Next start: offered again; carried across, it is kept as carried, no longer offered.
    f.app.reset();
    f.app.emplace(f.ws, f.platform, test::headless_keys, EQKIT_PLUGINS_DIR);
    f.frames(2);
    REQUIRE(f.app->migration().has_value());
    press(f, f.app->migration()->ids.at("carry"));
    REQUIRE(f.ws.is_open());
    CHECK(ui::answers_to_review(f.ws) == std::vector<std::string>{"1", "G1"});
    CHECK_FALSE(std::filesystem::exists(kept));
    CHECK(test::slurp(dir.path() / "current.carried.json") == before);
}

TEST_CASE("migration screen: carried answers are reviewed one by one, by keyboard") {
    test::AppFixture f;
    const test::TempDir dir;
    f.run(ui::OpenFile{ais_2016_file(dir)}, 3);
    press(f, f.app->migration()->ids.at("carry"));
    press(f, f.app->assess_state().review_ids.at("confirm"));  // "Confirm and next"
    CHECK_FALSE(f.ws.assessment().answer("1").needs_review);
    CHECK(f.ws.assessment().answer("G1").needs_review);
    CHECK(f.app->assess_state().selected == "G1");
    CHECK(f.ws.undo_label() == "confirm 1 reviewed");
    press(f, f.app->assess_state().review_ids.at("confirm"));
    CHECK(ui::answers_to_review(f.ws).empty());
    CHECK(f.app->assess_state().review_ids.empty());  // the strip has gone
}

TEST_CASE("migration screen: Cancel opens nothing and keeps the open assessment") {
    test::AppFixture f;
    f.run(ui::StartAssessment{"eds2022"}, 2);
    const test::TempDir dir;
    Result<void> saved = f.ws.save_as(dir.path() / "eds.json");  // nothing unsaved to ask about
    REQUIRE(saved.has_value());
    f.run(ui::OpenFile{ais_2016_file(dir)}, 3);
    REQUIRE(f.app->migration().has_value());
    press(f, f.app->migration()->ids.at("cancel"));
    CHECK_FALSE(f.app->migration().has_value());
    CHECK(f.ws.framework().id == "eds2022");
    // A file that is simply broken is an error, not an offer.
    test::spit(dir.path() / "bad.json", "{");
    f.run(ui::OpenFile{dir.path() / "bad.json"}, 2);
    CHECK_FALSE(f.app->migration().has_value());
    CHECK_FALSE(f.app->problems().empty());
}

namespace {

// The canvas's evidence library (a workspace folder) holding an EDS 2022 assessment with 1A
// answered; the shipped crosswalk links 1A to CQC RES-5. The library is opened again to see it.
void library_with_eds_answer(test::AppFixture& f) {
    const Registry& registry = f.ws.registry();
    Checked<WorkspaceFolder> made = WorkspaceFolder::open(f.platform.library_folder(), registry);
    REQUIRE(made.has_value());
    const Framework& eds = *registry.find("eds2022");
    REQUIRE(made->add_assessment(eds, "Ours", "eds2022").has_value());
    Assessment a = made->find_assessment("eds2022")->assessment;
    a.answers["1A"] = scored(2);
    a.answers["1A"].narrative = "Interpreters on request.";
    REQUIRE(made->save_assessment("eds2022", a).has_value());
    ErrorList problems;
    f.app->evidence().open_library(problems);
    REQUIRE(problems.empty());
}

// Focuses an answer's row and types one letter, as a keyboard user would.
void key_on(test::AppFixture& f, unsigned int id, const char* letter) {
    REQUIRE(id != 0);
    ImGuiContext& g = *ImGui::GetCurrentContext();
    g.NavInputSource = ImGuiInputSource_Keyboard;
    ImGui::ClearActiveID();  // leave any text field, as Tab would
    ImGui::SetFocusID(id, g.NavWindow != nullptr ? g.NavWindow : g.CurrentWindow);
    f.frames(1);
    f.headless.type(*f.app, letter);
    f.frames(2);
}

// A CQC assessment open at RES-5, which is offered EDS 2022 1A's answer: that answer's row.
unsigned int res5_with_offered_answer(test::AppFixture& f) {
    f.run(ui::StartAssessment{"cqc_saf"}, 2);
    library_with_eds_answer(f);
    f.run(ui::SelectItem{"RES-5"}, 3);
    const auto& ids = f.app->assess_state().editor.answer_ids;
    REQUIRE(ids.count("eds2022:1A|eds2022") == 1);
    return ids.at("eds2022:1A|eds2022");
}

}  // namespace

TEST_CASE("crosswalk panel: an answer from a linked item is accepted with A, with its source") {
    test::AppFixture f;
    const unsigned int offered = res5_with_offered_answer(f);
    // Nobody named yet: nothing is copied, and the editor says why.
    key_on(f, offered, "a");
    CHECK(f.ws.assessment().answer("RES-5").empty());
    CHECK(f.app->assess_state().editor.answers_note.find("Say who you are") == 0);
    press(f, f.app->assess_state().editor.accepted_by_id);
    f.headless.type(*f.app, "Jo Bloggs");
    key_on(f, offered, "a");
    const Answer& got = f.ws.assessment().answer("RES-5");
    CHECK(got.needs_review);
    REQUIRE(got.sources.size() == 1);
    CHECK(got.sources[0].item == "eds2022:1A");
    CHECK(got.sources[0].accepted_by == "Jo Bloggs");
    CHECK(got.narrative.find("Interpreters on request.") != std::string::npos);
    CHECK(f.app->assess_state().editor.answer_ids.empty());  // no longer offered
    f.run(ui::Undo{}, 2);                                    // one undo step takes it all back
    CHECK(f.ws.assessment().answer("RES-5").empty());
}

TEST_CASE("crosswalk panel: R rejects a linked answer and copies nothing") {
    test::AppFixture f;
    const unsigned int offered = res5_with_offered_answer(f);
    key_on(f, offered, "r");
    CHECK(f.ws.assessment().answer("RES-5").empty());
    CHECK(f.app->assess_state().editor.answer_ids.empty());
    CHECK(f.app->assess_state().editor.answers_note == "Answer rejected: nothing was copied.");
}

TEST_CASE("coverage view: items with evidence here, through the crosswalk, or none") {
    test::AppFixture f;
    ImGui::GetIO().DisplaySize = ImVec2(1280.0F, 4000.0F);  // the whole detail panel in view
    f.run(ui::StartAssessment{"cqc_saf"}, 2);
    library_with_eds_answer(f);
    f.run(ui::ShowSection{ui::Section::evidence}, 3);
    press(f, f.app->evidence().coverage_state().header_id);
    // The open assessment's framework first: RES-5 is covered through EDS 2022 1A's answer.
    const Result<Coverage> c = coverage(*f.app->evidence().library(), "cqc_saf");
    REQUIRE(c.has_value());
    CHECK(c->crosswalk > 0);
    CHECK(f.app->evidence().coverage_state().counts ==
          std::to_string(c->direct) + " with evidence here, " + std::to_string(c->crosswalk) +
              " through the crosswalk only, " + std::to_string(c->none) + " with none.");
}
