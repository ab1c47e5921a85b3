// The canvas WRES/WDES screen, driven headlessly: choose the standard, give the files, map the
// columns, import a slice per frame, type survey figures, compute, export; by actions and by
// the keyboard.
#include <doctest/doctest.h>

#include <imgui.h>

#include "app.hpp"
#include "eqkit/workforce_report.hpp"
#include "headless.hpp"
#include "screens/workforce_screen.hpp"
#include "test_support.hpp"
#include "workforce_samples.hpp"

using namespace eqkit;
using eqkit::test::Headless;
using eqkit::test::key;
using eqkit::test::RecordingPlatform;
namespace act = eqkit::ui::wf_action;

namespace {

struct Fixture {
    Headless headless;
    test::TempDir dir;
    RecordingPlatform platform;
    ui::Look look;
    std::vector<std::string> chosen;  // purposes the file chooser was shown for
    std::optional<ui::WorkforceScreen> screen;

    explicit Fixture(bool paths = true) {
        platform.paths = paths;
        platform.folder = dir.path();
        screen.emplace(test::shipped_registry(), platform, dir.path() / "mapping.json",
                       [this](std::string_view purpose) { chosen.emplace_back(purpose); });
        test::spit(dir.path() / "staff.csv", test::sample_staff_csv());
        test::spit(dir.path() / "recruitment.csv", test::sample_recruitment_csv());
        test::spit(dir.path() / "disciplinary.csv", test::sample_disciplinary_csv());
        test::spit(dir.path() / "training.csv", "person_id,accessed_non_mandatory\nW1,Y\n");
        test::spit(dir.path() / "board.csv", "ethnic_category,voting\nA,Y\n");
        frames(1);
    }
    void frame() {
        if (!ImGui::GetIO().Fonts->IsBuilt()) headless.build_fonts();
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("test", nullptr, ImGuiWindowFlags_NoDecoration);
        screen->draw(look);
        ImGui::End();
        ImGui::Render();
    }
    void frames(int n) {
        for (int i = 0; i < n; ++i)
            frame();
    }
    void press(int key_index) {
        ImGui::GetIO().KeysDown[key_index] = true;
        frame();
        ImGui::GetIO().KeysDown[key_index] = false;
        frame();
    }
    void act(const ui::WorkforceAction& a) {
        screen->act(a);
        frame();
    }
    const ui::WorkforceScreenState& st() const { return screen->state(); }

    void give_files() {
        for (const char* role : {"staff", "recruitment", "disciplinary", "training", "board"})
            act(act::SetPath{role, (dir.path() / (std::string(role) + ".csv")).string()});
    }
    // Starts importing a staff file of a little over three slices (1 MiB each).
    void start_big_import() {
        std::string big = "person_id,ethnic_category,afc_band,clinical\n";
        for (int i = 0; big.size() < (std::size_t{3} << 20) + 1000; ++i)
            big += "P" + std::to_string(i) + ",A,5,Y\n";
        test::spit(dir.path() / "big.csv", big);
        act(act::Choose{"wres"});
        give_files();
        act(act::SetPath{"staff", (dir.path() / "big.csv").string()});
        act(act::ToMapping{});
        act(act::SetColumn{"recruitment", "ethnic_category", "Ethnicity"});
        act(act::StartImport{});
    }
    // Frames until the import is over; each frame reads at most one slice.
    int import_all() {
        int count = 0;
        while (st().step == ui::WorkforceStep::importing && count < 1000) {
            frame();
            ++count;
        }
        return count;
    }
};

const workforce::IndicatorResult& indicator(const workforce::Results& r, int number) {
    for (const workforce::IndicatorResult& i : r.indicators)
        if (i.def->number == number) return i;
    FAIL("no indicator " << number);
    return r.indicators.front();
}

}  // namespace

TEST_CASE("workforce screen: files, mapping, import, survey and results, with hand-worked counts") {
    Fixture f;
    CHECK(f.st().step == ui::WorkforceStep::choose);
    f.act(act::Choose{"wres"});
    REQUIRE(f.st().step == ui::WorkforceStep::files);

    // A missing file is named, and the step stays.
    f.act(act::ToMapping{});
    CHECK(f.st().step == ui::WorkforceStep::files);
    CHECK_FALSE(f.st().problems.empty());

    f.give_files();
    f.act(act::ToMapping{});
    REQUIRE(f.st().step == ui::WorkforceStep::mapping);
    REQUIRE(f.st().proposals.size() == 5);
    CHECK(f.st().proposals[0].role == "staff");
    // "Ethnicity" is not our name: the recruitment file's group column is not proposed ...
    const workforce::MappingProposal& recruitment = f.st().proposals[1];
    CHECK(recruitment.columns[0].field == "ethnic_category");
    CHECK(recruitment.columns[0].heading.empty());
    // ... so importing stops at the mapping step with the core's message.
    f.act(act::StartImport{});
    CHECK(f.st().step == ui::WorkforceStep::mapping);
    REQUIRE(f.st().mapping_errors.count("recruitment") == 1);
    CHECK(f.st().mapping_errors.at("recruitment")[0].message ==
          "Select the column that holds ethnic category (it is needed)");

    f.act(act::SetColumn{"recruitment", "ethnic_category", "Ethnicity"});
    f.act(act::SetColumn{"staff", "is_bank", "Bank Flag"});
    f.act(act::StartImport{});
    CHECK(std::filesystem::exists(f.dir.path() / "mapping.json"));  // kept for next year
    f.import_all();
    REQUIRE(f.st().step == ui::WorkforceStep::report);
    CHECK(f.st().problems.empty());
    const workforce::ImportReport* report = f.screen->api().import_report();
    REQUIRE(report != nullptr);
    REQUIRE(report->files.size() == 5);
    CHECK(report->files[0].used == 60);

    f.act(act::Go{ui::WorkforceStep::survey});
    f.act(act::SetSurvey{"5", "white", "25.1"});
    f.act(act::SetSurvey{"5", "bme", "lots"});
    f.act(act::Compute{});
    CHECK(f.st().step == ui::WorkforceStep::survey);
    REQUIRE(f.st().survey_errors.size() == 1);
    CHECK(f.st().survey_errors[0].field == "5/bme");
    f.act(act::SetSurvey{"5", "bme", "28"});
    f.act(act::Compute{});
    REQUIRE(f.st().step == ui::WorkforceStep::results);
    f.frames(2);  // the results screen and its charts draw

    const workforce::Results& r = *f.screen->api().results();
    // Indicator 2: (60 / 200) / (20 / 100) = 0.30 / 0.20 = 1.50.
    CHECK(indicator(r, 2).current.value.value == doctest::Approx(1.5));
    // Indicator 3: (10 BME / 20) / (10 White / 40) = 0.50 / 0.25 = 2.00.
    CHECK(indicator(r, 3).current.value.value == doctest::Approx(2.0));

    f.act(act::Export{workforce::ExportFormat::csv});
    REQUIRE(f.platform.deliveries.size() == 1);
    CHECK(f.platform.deliveries[0].to == f.dir.path() / "wres-results.csv");
    CHECK(f.platform.deliveries[0].mime == "text/csv");
    CHECK(f.platform.deliveries[0].bytes == workforce::results_csv(r));
    CHECK(f.st().status == "Saved to " + (f.dir.path() / "wres-results.csv").string());
}

TEST_CASE("workforce screen: the import reads a slice per frame, so the screen keeps drawing") {
    Fixture f;
    f.start_big_import();
    REQUIRE(f.st().step == ui::WorkforceStep::importing);
    CHECK(f.screen->progress() > 0.0F);
    CHECK(f.screen->progress() < 1.0F);
    CHECK(f.import_all() >= 3);
    CHECK(f.st().step == ui::WorkforceStep::report);
    CHECK(f.screen->api().import_report()->files[0].used > 50000);
}

TEST_CASE("workforce screen: a broken file stops the import with its line and column") {
    Fixture f;
    test::spit(f.dir.path() / "board.csv", "ethnic_category,voting\nA,\"Y\n");
    f.act(act::Choose{"wres"});
    f.give_files();
    f.act(act::ToMapping{});
    f.act(act::SetColumn{"recruitment", "ethnic_category", "Ethnicity"});
    f.act(act::StartImport{});
    f.import_all();
    CHECK(f.st().step == ui::WorkforceStep::report);
    REQUIRE(f.st().problems.size() == 1);
    CHECK(f.st().problems[0].message().find("line 2") != std::string::npos);
    CHECK_FALSE(f.screen->api().has_counts());
}

TEST_CASE("workforce screen: the keyboard chooses a standard; the browser asks for uploads") {
    Fixture f(false);
    // Keyboard navigation: the first standard's button takes focus; Space presses it.
    ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    f.press(key(ImGuiKey_DownArrow));
    f.press(key(ImGuiKey_Space));
    REQUIRE(f.st().step == ui::WorkforceStep::files);
    CHECK(f.screen->api().standard() != nullptr);

    f.act(act::PickFile{"staff"});
    CHECK(f.chosen == std::vector<std::string>{"workforce:staff"});
    CHECK(f.screen->receive_file("workforce:staff", test::sample_staff_csv(), "staff.csv"));
    CHECK_FALSE(f.screen->receive_file("assessment", "{}", "a.json"));
    CHECK(f.st().files.at("staff").uploaded);
}

TEST_CASE("workforce screen: the app's Workforce tab shows it and takes its uploads") {
    Headless headless;
    test::TempDir dir;
    Workspace ws{test::shipped_registry()};
    RecordingPlatform platform;
    platform.paths = false;
    platform.folder = dir.path();
    ui::App app(ws, platform, test::headless_keys);
    headless.frames(app, 2);
    app.commands().push(ui::ShowSection{ui::Section::workforce});
    headless.frames(app, 2);
    CHECK(app.section() == ui::Section::workforce);
    app.workforce().act(act::Choose{"wres"});
    headless.frames(app, 2);
    CHECK(app.workforce().state().step == ui::WorkforceStep::files);
    // The browser's file chooser hands the file to the app, which passes it on by its purpose.
    app.receive_file("workforce:staff", test::sample_staff_csv(), "staff.csv");
    CHECK(app.workforce().state().files.at("staff").uploaded);
    CHECK(app.problems().empty());
}

TEST_CASE(
    "workforce screen: survey figures imported from a CSV file, the year, last year's "
    "counts beside this year, and counts saved for next year") {
    Fixture f;
    f.act(act::Choose{"wres"});
    f.give_files();
    f.act(act::ToMapping{});
    f.act(act::SetColumn{"recruitment", "ethnic_category", "Ethnicity"});
    f.act(act::StartImport{});
    f.import_all();
    REQUIRE(f.st().step == ui::WorkforceStep::report);
    f.act(act::Go{ui::WorkforceStep::survey});
    CHECK(f.st().year.empty());  // CSV files carry no year

    // The survey file's figures fill the form; a missing file is named first.
    f.act(act::ImportSurvey{});
    REQUIRE(f.st().problems.size() == 1);
    CHECK(f.st().problems[0].reason == "choose the Staff Survey CSV file first");
    test::spit(f.dir.path() / "survey.csv",
               "indicator,group,percentage\n5,White,25.1\n5,BME,28\n8,BME,14.1\n");
    f.act(act::SetPath{"survey", (f.dir.path() / "survey.csv").string()});
    f.act(act::ImportSurvey{});
    CHECK(f.st().problems.empty());
    CHECK(f.st().survey.at("5").at("white") == "25.1");
    CHECK(f.st().survey.at("8").at("bme") == "14.1");

    // Last year: (10 / 20) / (12 / 40) = 1.67 for indicator 3.
    test::spit(f.dir.path() / "last.json", R"({"format":"eqkit-wres-counts/1","year":"2023-24",
        "headcount":{"white":40,"bme":20,"unknown":0},"disciplinary":{"white":12,"bme":10}})");
    f.act(act::SetPath{"previous", (f.dir.path() / "last.json").string()});
    f.act(act::UsePrevious{});
    CHECK(f.screen->api().has_previous());
    f.act(act::SetYear{"2024-25"});
    f.act(act::Compute{});
    REQUIRE(f.st().step == ui::WorkforceStep::results);
    f.frames(2);
    const workforce::Results& r = *f.screen->api().results();
    CHECK(r.year == "2024-25");
    CHECK(r.previous_year == "2023-24");
    REQUIRE(indicator(r, 3).previous);
    CHECK(indicator(r, 3).previous->value.value == doctest::Approx(0.5 / 0.3));
    // Pooled counts: (20 / 40) / (22 / 80) = 1.82.
    REQUIRE(indicator(r, 3).pooled);
    CHECK(indicator(r, 3).pooled->ratio.value == doctest::Approx(0.5 / 0.275));
    CHECK(indicator(r, 5).current.survey[0].values[0].value == doctest::Approx(25.1));

    f.act(act::Export{workforce::ExportFormat::counts});
    REQUIRE(f.platform.deliveries.size() == 1);
    CHECK(f.platform.deliveries[0].to == f.dir.path() / "wres-counts-2024-25.json");
    CHECK(f.platform.deliveries[0].bytes.find("\"year\": \"2024-25\"") != std::string::npos);
}

TEST_CASE("workforce screen: an import goes on without frames, as in a hidden browser tab") {
    Fixture f;
    f.start_big_import();
    REQUIRE(f.st().step == ui::WorkforceStep::importing);
    // No frame is drawn: the browser calls step_import_for from a task until it says done.
    int calls = 0;
    while (f.screen->step_import_for(0.1) && calls < 1000)
        ++calls;
    CHECK(f.st().step == ui::WorkforceStep::report);
    CHECK(f.screen->api().import_report()->files[0].used > 50000);
    CHECK_FALSE(f.screen->step_import_for(0.1));  // nothing left
}
