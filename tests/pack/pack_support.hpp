#pragma once
// Workspaces with known contents for the pack tests.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "eqkit/pack.hpp"
#include "eqkit/workspace_folder.hpp"
#include "test_support.hpp"

namespace eqkit::test {

inline EvidenceDetails details(std::string title, std::vector<std::string> supports = {}) {
    EvidenceDetails d;
    d.title = std::move(title);
    d.added_by = "Jo Bloggs";
    d.supports = std::move(supports);
    return d;
}

inline WorkspaceFolder open_workspace(const std::filesystem::path& dir) {
    Checked<WorkspaceFolder> ws = WorkspaceFolder::open(dir, shipped_registry());
    REQUIRE_MESSAGE(ws.has_value(), join_messages(ws.error()));
    return std::move(*ws);
}

// A workspace in dir/ws with an EDS 2022 assessment (two answers), a FREDA assessment, two
// evidence files (one of them added twice), a link and a note.
inline WorkspaceFolder sample_workspace(const TempDir& dir) {
    Result<WorkspaceFolder> made = WorkspaceFolder::create(dir / "ws", shipped_registry());
    REQUIRE_MESSAGE(made.has_value(), made.error().message());
    WorkspaceFolder& ws = *made;
    const Framework& eds = *shipped_registry().find("eds2022");
    REQUIRE(ws.add_assessment(eds, "Sunrise Care – Leeds").has_value());
    REQUIRE(ws.add_assessment(*shipped_registry().find("freda"), "").has_value());
    Assessment a = ws.find_assessment("eds2022")->assessment;
    Answer answer;
    answer.score = 2;
    answer.narrative = "Patients, \"carers\" and staff, consulted.\nSee minutes.";
    answer.raters = {"Staff"};
    REQUIRE(set_answer(eds, a, "1A", answer).has_value());
    answer.score = 1;
    REQUIRE(set_answer(eds, a, "2B", answer).has_value());
    REQUIRE(ws.save_assessment("eds2022", a).has_value());

    spit(dir / "Equality policy 2024.pdf", "%PDF-1.4 pretend policy\n" + std::string(5000, 'p'));
    spit(dir / "minutes.txt", "Board minutes, 3 March 2024.\nActions agreed.\n");
    EvidenceDetails policy = details("Equality policy", {"eds2022:1A", "eds2022:2B"});
    policy.effective_from = "2024-01-01";
    policy.effective_to = "2024-12-31";
    policy.expires = "2025-03-31";
    policy.description = "Approved by the board.";
    REQUIRE(ws.add_file(dir / "Equality policy 2024.pdf", policy, "2024-05-01").has_value());
    REQUIRE(ws.add_file(dir / "minutes.txt", details("Board minutes", {"eds2022:1A"}), "2024-05-02")
                .has_value());
    REQUIRE(
        ws.add_file(dir / "minutes.txt", details("Same minutes again", {"freda:F"}), "2024-05-03")
            .has_value());
    REQUIRE(ws.add_link("https://example.org/survey", details("Staff survey", {"eds2022:3A"}),
                        "2024-05-04")
                .has_value());
    REQUIRE(ws.add_note("We meet the carers' forum every month.", details("Carers' forum"),
                        "2024-05-05")
                .has_value());
    return std::move(ws);
}

// Another workspace, in dir/other, whose own EDS 2022 assessment ("eds2022") and evidence
// ("ev1") hold ids the sample workspace's pack uses, so an import must rename.
inline WorkspaceFolder clashing_workspace(const TempDir& dir) {
    REQUIRE(WorkspaceFolder::create(dir / "other", shipped_registry()).has_value());
    WorkspaceFolder other = open_workspace(dir / "other");
    REQUIRE(other.add_assessment(*shipped_registry().find("eds2022"), "Another home").has_value());
    spit(dir / "mine.txt", "my own evidence");
    REQUIRE(other.add_file(dir / "mine.txt", details("Mine", {"eds2022:1A"}), "2024-01-01")
                .has_value());
    return other;
}

}  // namespace eqkit::test
