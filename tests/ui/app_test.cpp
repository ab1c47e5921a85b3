// The App's screens, driven headlessly through its command queue and through ImGui's own
// keyboard and mouse input.
#include <doctest/doctest.h>

#include <imgui.h>
#include <imgui_internal.h>

#include "app.hpp"
#include "eqkit/files.hpp"
#include "eqkit/scoring.hpp"
#include "headless.hpp"
#include "screens/problems_panel.hpp"
#include "test_support.hpp"

using namespace eqkit;
using eqkit::test::Headless;
using eqkit::test::key;
using eqkit::test::RecordingPlatform;

namespace {

Answer scored(int value) {
    Answer answer;
    answer.score = value;
    return answer;
}

using Fixture = test::AppFixture;

}  // namespace

TEST_CASE("app: starts on the framework picker, with keyboard navigation on") {
    Fixture f;
    CHECK_FALSE(f.ws.is_open());
    CHECK((ImGui::GetIO().ConfigFlags & ImGuiConfigFlags_NavEnableKeyboard) != 0);
    CHECK(ImGui::GetIO().IniFilename == nullptr);
    CHECK(f.app->window_title() == "EqualityKit");
}

TEST_CASE("app: Enter starts the framework that has the keyboard focus") {
    Fixture f;
    f.press(key(ImGuiKey_Enter));
    REQUIRE(f.ws.is_open());
    CHECK(f.ws.framework().id == "eds2022");
    CHECK(f.app->assess_state().selected == "1A");
}

TEST_CASE("app: the Down arrow moves to the next framework before Enter") {
    Fixture f;
    f.press(key(ImGuiKey_DownArrow));
    f.frames(2);
    f.press(key(ImGuiKey_Enter));
    REQUIRE(f.ws.is_open());
    CHECK(f.ws.framework().id == "freda");
}

TEST_CASE("app: a SetAnswer command changes the workspace and the totals, and undo reverts it") {
    Fixture f;
    f.run(ui::StartAssessment{"eds2022"});
    REQUIRE(f.ws.is_open());
    f.run(ui::SetAnswer{"1A", scored(2)});
    CHECK(f.ws.assessment().answer("1A").score == 2);
    CHECK(f.ws.dirty());
    const Scores scores = compute_scores(f.ws.framework(), f.ws.assessment());
    CHECK(scores.total == 2);
    CHECK(scores.answered == 1);
    CHECK(f.ws.undo_label() == "set 1A score to 2 (Achieving activity)");
    f.run(ui::Undo{});
    CHECK_FALSE(f.ws.assessment().answer("1A").score.has_value());
    f.run(ui::Redo{});
    CHECK(f.ws.assessment().answer("1A").score == 2);
    CHECK(f.app->window_title() == "EDS 2022 assessment – EqualityKit (unsaved changes)");
}

TEST_CASE("app: typing a scale value scores the selected item; Delete clears it") {
    Fixture f;
    f.run(ui::StartAssessment{"eds2022"});
    f.headless.type(*f.app, "3");
    CHECK(f.ws.assessment().answer("1A").score == 3);
    f.headless.type(*f.app, "7");  // not on the 0-3 scale: ignored
    CHECK(f.ws.assessment().answer("1A").score == 3);
    f.run(ui::SelectItem{"2B"});
    f.headless.type(*f.app, "1");
    CHECK(f.ws.assessment().answer("2B").score == 1);
    f.press(key(ImGuiKey_Delete));
    CHECK_FALSE(f.ws.assessment().answer("2B").score.has_value());
}

TEST_CASE("app: the Down arrow in the item list selects the next item") {
    Fixture f;
    f.run(ui::StartAssessment{"eds2022"}, 2);
    CHECK(f.app->assess_state().selected == "1A");
    f.press(key(ImGuiKey_DownArrow));
    f.frames(2);
    CHECK(f.app->assess_state().selected == "1B");
    f.headless.type(*f.app, "2");
    CHECK(f.ws.assessment().answer("1B").score == 2);
}

TEST_CASE("app: Ctrl+Z undoes and Ctrl+Y and Ctrl+Shift+Z redo") {
    Fixture f;
    f.run(ui::StartAssessment{"eds2022"});
    f.run(ui::SetAnswer{"1A", scored(1)});
    f.press(key(ImGuiKey_Z), true);
    CHECK_FALSE(f.ws.assessment().answer("1A").score.has_value());
    f.press(key(ImGuiKey_Y), true);
    CHECK(f.ws.assessment().answer("1A").score == 1);
    f.press(key(ImGuiKey_Z), true);
    f.press(key(ImGuiKey_Z), true, true);
    CHECK(f.ws.assessment().answer("1A").score == 1);
}

TEST_CASE("app: a finished narrative edit is one SetAnswer and one undo step") {
    Fixture f;
    f.run(ui::StartAssessment{"eds2022"}, 2);
    const ImGuiID field = f.app->assess_state().editor.narrative_id;
    REQUIRE(field != 0);
    ImGui::GetCurrentContext()->NavInputSource = ImGuiInputSource_Keyboard;
    ImGui::ActivateItem(field);
    f.frames(2);
    REQUIRE(f.app->assess_state().editor.narrative_active);
    f.headless.type(*f.app, "Feedback from ");
    f.headless.type(*f.app, "carers’ groups");
    CHECK(f.ws.assessment().answer("1A").narrative.empty());  // still a draft
    f.headless.click(*f.app, ImVec2(4.0F, 796.0F));           // click away: the edit ends
    CHECK(f.ws.assessment().answer("1A").narrative == "Feedback from carers’ groups");
    CHECK(f.ws.undo_label() == "edit 1A narrative");
    f.run(ui::Undo{}, 2);
    CHECK(f.ws.assessment().answer("1A").narrative.empty());
    CHECK(f.app->assess_state().editor.narrative.empty());  // the field follows the undo
}

TEST_CASE("app: 'Save changes?' guards unsaved work") {
    Fixture f;
    f.run(ui::StartAssessment{"eds2022"});
    f.run(ui::SetAnswer{"1A", scored(2)});

    SUBCASE("Cancel keeps the work") {
        f.run(ui::StartAssessment{"freda"}, 2);
        CHECK(f.app->asking_to_save());
        CHECK(ImGui::GetCurrentContext()->OpenPopupStack.Size == 1);  // the modal is shown
        f.run(ui::ResolveUnsaved{ui::UnsavedChoice::cancel});
        CHECK_FALSE(f.app->asking_to_save());
        CHECK(f.ws.framework().id == "eds2022");
        CHECK(f.ws.assessment().answer("1A").score == 2);
    }
    SUBCASE("Discard, chosen with the keyboard, goes on") {
        f.run(ui::StartAssessment{"freda"}, 4);  // the modal opens and takes the focus
        REQUIRE(f.app->asking_to_save());
        f.press(key(ImGuiKey_RightArrow));  // from Save (the default) to Discard
        f.frames(1);
        f.press(key(ImGuiKey_Space));
        CHECK_FALSE(f.app->asking_to_save());
        CHECK(f.ws.framework().id == "freda");
    }
    SUBCASE("Save asks for a path first, saves, then goes on") {
        test::TempDir dir;
        f.platform.folder = dir.path();
        f.run(ui::NewAssessment{});
        REQUIRE(f.app->asking_to_save());
        f.run(ui::ResolveUnsaved{ui::UnsavedChoice::save});
        REQUIRE(f.app->path_prompt().has_value());
        CHECK(f.app->path_prompt()->path == (dir / "eds2022-assessment.json").string());
        f.run(ui::SaveTo{dir / "mine.json"});
        CHECK_FALSE(f.ws.is_open());  // went on to a new assessment
        const Result<std::string> saved = read_text_file(dir / "mine.json");
        REQUIRE(saved.has_value());
        CHECK(saved->find("\"1A\"") != std::string::npos);
    }
    SUBCASE("closing the window asks too; Discard then quits") {
        f.app->request_close();
        f.frames(1);
        CHECK(f.app->asking_to_save());
        CHECK_FALSE(f.app->wants_to_quit());
        f.run(ui::ResolveUnsaved{ui::UnsavedChoice::discard});
        CHECK(f.app->wants_to_quit());
    }
}

TEST_CASE("app: every shipped framework starts, draws and scores") {
    Fixture f;
    for (const Framework& fw : f.ws.registry().frameworks()) {
        CAPTURE(fw.id);
        f.run(ui::NewAssessment{});
        if (f.app->asking_to_save()) f.run(ui::ResolveUnsaved{ui::UnsavedChoice::discard});
        f.run(ui::StartAssessment{fw.id}, 3);
        REQUIRE(f.ws.is_open());
        CHECK(f.ws.framework().id == fw.id);
        const std::string first = f.app->assess_state().selected;
        REQUIRE_FALSE(first.empty());
        f.run(ui::SetAnswer{first, scored(fw.scale.highest())}, 2);
        CHECK(f.ws.assessment().answer(first).score == fw.scale.highest());
        CHECK(f.app->problems().empty());
    }
}

TEST_CASE("app: closing without unsaved work quits at once") {
    Fixture f;
    f.app->request_close();
    f.frames(1);
    CHECK(f.app->wants_to_quit());
}

TEST_CASE("app: on the desktop, files are opened, saved and exported through the path prompt") {
    test::TempDir dir;
    Fixture f;
    f.platform.folder = dir.path();
    f.run(ui::StartAssessment{"freda"});
    f.run(ui::SetAnswer{"F", scored(1)});
    f.run(ui::Save{});
    REQUIRE(f.app->path_prompt().has_value());
    f.run(ui::SaveTo{dir / "freda.json"});
    CHECK_FALSE(f.ws.dirty());
    CHECK(f.ws.path() == dir / "freda.json");

    f.run(ui::Download{ui::Document::html_report});
    REQUIRE(f.app->path_prompt().has_value());
    CHECK(f.app->path_prompt()->path == (dir / "freda-report.html").string());
    f.run(ui::ExportTo{ui::Document::html_report, dir / "report.html"});
    REQUIRE(f.platform.deliveries.size() == 1);
    CHECK(f.platform.deliveries[0].to == dir / "report.html");
    CHECK(f.platform.deliveries[0].bytes.find("<html") != std::string::npos);

    f.run(ui::NewAssessment{});
    CHECK_FALSE(f.ws.is_open());
    f.run(ui::Open{});
    REQUIRE(f.app->path_prompt().has_value());
    f.run(ui::OpenFile{dir / "freda.json"});
    REQUIRE(f.ws.is_open());
    CHECK(f.ws.assessment().answer("F").score == 1);
}

TEST_CASE("app: a file that cannot be opened becomes a problem, as file: place: reason") {
    test::TempDir dir;
    Fixture f;
    test::spit(dir / "broken.json", "{ not json");
    f.run(ui::OpenFile{dir / "broken.json"});
    CHECK_FALSE(f.ws.is_open());
    REQUIRE_FALSE(f.app->problems().empty());
    CHECK(f.app->problems()[0].message().rfind((dir / "broken.json").string() + ": ", 0) == 0);
    f.run(ui::ClearProblems{});
    CHECK(f.app->problems().empty());
}

TEST_CASE("app: in the browser, Save and Download deliver files and uploads open") {
    test::TempDir dir;
    Fixture f(false);
    f.platform.kept = dir / "current.json";
    f.run(ui::StartAssessment{"eds2022"});
    f.run(ui::SetAnswer{"3A", scored(3)});
    const int kept_before = f.platform.kept_calls;

    f.run(ui::Download{ui::Document::assessment_json});
    REQUIRE(f.platform.deliveries.size() == 1);
    CHECK(f.platform.deliveries[0].to == "eds2022-assessment.json");
    CHECK(f.platform.deliveries[0].bytes ==
          assessment_to_json(f.ws.framework(), f.ws.assessment()));
    CHECK(f.ws.dirty());  // a download of the JSON is not "Save"

    f.run(ui::Save{});
    REQUIRE(f.platform.deliveries.size() == 2);
    CHECK_FALSE(f.ws.dirty());
    CHECK(f.platform.kept_calls > kept_before);

    f.run(ui::Download{ui::Document::html_report});
    REQUIRE(f.platform.deliveries.size() == 3);
    CHECK(f.platform.deliveries[2].to == "eds2022-report.html");
    CHECK(f.platform.deliveries[2].mime == "text/html");

    f.run(ui::Open{});
    CHECK(f.platform.chooser_shown == 1);
    CHECK(f.platform.chooser_purpose == ui::upload_assessment);
    const std::string upload = f.platform.deliveries[0].bytes;
    f.run(ui::NewAssessment{});
    f.app->receive_file(ui::upload_assessment, upload, "upload.json");
    f.frames(1);
    REQUIRE(f.ws.is_open());
    CHECK(f.ws.assessment().answer("3A").score == 3);
}

TEST_CASE("app: problems list every framework that failed to load") {
    test::TempDir dir;
    std::filesystem::create_directories(dir / "bad");
    std::filesystem::copy_file(
        std::filesystem::path(EQKIT_TEST_DATA_DIR) / "bad" / "duplicate_item_codes.json",
        dir / "bad" / "framework.json");
    std::filesystem::create_directories(dir / "freda");
    std::filesystem::copy_file(
        std::filesystem::path(EQKIT_PLUGINS_DIR) / "freda" / "framework.json",
        dir / "freda" / "framework.json");
    const Registry registry = load_registry(dir.path());
    REQUIRE(registry.failures().size() == 1);
    const std::vector<std::string> messages = ui::problem_messages(registry, {});
    REQUIRE(messages.size() == 1);
    CHECK(messages[0] == (dir / "bad" / "framework.json").string() +
                             ": /groups/0/items/1/code: code \"1A\" is used twice");

    Headless headless;
    Workspace ws(registry);
    RecordingPlatform platform;
    ui::App app(ws, platform, test::headless_keys);
    headless.frames(app, 2);  // draws the picker and the problems panel
    CHECK(app.state_json().find("is used twice") != std::string::npos);
}

TEST_CASE("app: text is at least 18 px, and the size setting rebuilds the fonts") {
    Fixture f;
    CHECK(f.app->settings().font_pixels >= 18.0F);
    CHECK(f.app->look().fonts.body->FontSize >= 18.0F);
    f.run(ui::SetFontSize{30.0F}, 2);
    CHECK(f.app->look().fonts.body->FontSize == doctest::Approx(30.0));
    CHECK(ImGui::GetIO().Fonts->IsBuilt());
    f.run(ui::SetFontSize{5.0F}, 2);
    CHECK(f.app->settings().font_pixels == doctest::Approx(18.0));
}

TEST_CASE("app: display settings are kept for the next session, and read back") {
    test::Headless headless;
    Workspace ws(test::shipped_registry());
    RecordingPlatform platform;
    platform.settings = ui::Settings{26.0F, true};
    ui::App app(ws, platform, test::headless_keys);
    headless.frames(app, 2);
    CHECK(app.settings() == ui::Settings{26.0F, true});
    CHECK(app.look().fonts.body->FontSize == doctest::Approx(26.0));
    CHECK(platform.settings_kept == 0);  // nothing changed yet
    app.commands().push(ui::SetFontSize{30.0F});
    headless.frames(app, 2);
    CHECK(platform.settings_kept == 1);
    REQUIRE(platform.settings.has_value());
    CHECK(platform.settings->font_pixels == doctest::Approx(30.0));
}

TEST_CASE("settings: JSON round trip; broken or out-of-range values are tamed") {
    const ui::Settings settings{24.0F, true};
    CHECK(ui::settings_from_json(ui::settings_to_json(settings)) == settings);
    CHECK_FALSE(ui::settings_from_json("not json").has_value());
    const auto small = ui::settings_from_json(R"({"font_pixels": 9, "high_contrast": "yes"})");
    REQUIRE(small.has_value());
    CHECK(small->font_pixels == doctest::Approx(18.0));
    CHECK_FALSE(small->high_contrast);
}

TEST_CASE("app: high contrast switches to the high-contrast theme and back") {
    Fixture f;
    f.run(ui::SetHighContrast{true});
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    CHECK(bg.x == 0.0F);
    CHECK(bg.y == 0.0F);
    CHECK(bg.z == 0.0F);
    CHECK(ImGui::GetStyle().Colors[ImGuiCol_Text].x == 1.0F);
    CHECK(f.app->problems().empty());
    f.run(ui::SetHighContrast{false});
    CHECK(ImGui::GetStyle().Colors[ImGuiCol_WindowBg].x > 0.0F);
}

TEST_CASE("app: Ctrl+1, Ctrl+2 and Ctrl+3 switch sections, and the Go menu's command does too") {
    Fixture f;
    CHECK(f.app->section() == ui::Section::assessment);
    f.press('2', true);
    CHECK(f.app->section() == ui::Section::evidence);
    f.press('3', true);
    CHECK(f.app->section() == ui::Section::workforce);
    f.run(ui::ShowSection{ui::Section::assessment}, 2);
    CHECK(f.app->section() == ui::Section::assessment);
    f.press('1', true);
    CHECK(f.app->section() == ui::Section::assessment);
}

TEST_CASE("app: a file the app did not ask for is reported, not opened") {
    Fixture f;
    f.app->receive_file("nonsense", "{}", "upload.json");
    f.frames(1);
    CHECK_FALSE(f.ws.is_open());
    REQUIRE(f.app->problems().size() == 1);
    CHECK(f.app->problems().front().file == "upload.json");
}
