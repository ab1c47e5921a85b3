// The canvas screens for CQC assessments, driven headlessly through the keyboard's way of
// pressing a widget (ImGui::ActivateItem, what Space or Enter does on the focused widget):
// choosing the statements that apply, recording a judgement with its rationale, confirming an
// answer marked "needs review", and scoring evidence categories under the earlier method.
#include <doctest/doctest.h>

#include <imgui.h>
#include <imgui_internal.h>

#include "app.hpp"
#include "eqkit/rating.hpp"
#include "headless.hpp"
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
