// The personal data guard's detectors, and scanning a whole workspace.
#include <doctest/doctest.h>

#include "eqkit/personal_data.hpp"
#include "pack_support.hpp"

using namespace eqkit;
using namespace eqkit::test;

namespace {
std::vector<std::string> found(std::string_view text) {
    std::vector<std::string> out;
    for (const TextFinding& f : scan_text(text))
        out.push_back(std::to_string(f.line) + ": " + f.what);
    return out;
}
}  // namespace

TEST_CASE("personal data: NHS numbers need a valid check digit, spaced or not") {
    CHECK(is_valid_nhs_number("9434765919"));
    CHECK_FALSE(is_valid_nhs_number("9434765918"));
    CHECK(found("NHS no 943 476 5919.") ==
          std::vector<std::string>{"1: an NHS number (943 476 ….)"});
    CHECK(found("ref 9434765919") == std::vector<std::string>{"1: an NHS number (943 476 ….)"});
    CHECK(found("943-476-5919") == std::vector<std::string>{"1: an NHS number (943 476 ….)"});
    CHECK(found("9434765918 and 943 476-5919 and 94347659190 and 19434765919").empty());
}

TEST_CASE("personal data: email addresses and dates of birth, with line numbers") {
    CHECK(found("line one\nwrite to jo.bloggs+care@example.nhs.uk.\n") ==
          std::vector<std::string>{"2: an email address (…@example.nhs.uk)"});
    CHECK(found("@example.org and jo@localhost and a@b.c1").empty());
    CHECK(found("DOB: 12/03/1950") ==
          std::vector<std::string>{"1: a date of birth (after \"DOB\")"});
    CHECK(found("Date of birth 1950-03-12") ==
          std::vector<std::string>{"1: a date of birth (after \"Date of birth\")"});
    CHECK(found("she was born on 12th March 1950") ==
          std::vector<std::string>{"1: a date of birth (after \"born on\")"});
    CHECK(found("Meeting on 12/03/2024. Doberman 12/03/2024").empty());
}

TEST_CASE("personal data: chunk boundaries and very long lines do not hide or repeat findings") {
    const std::string text = std::string(100000, 'x') + " 943 476 5919 " + std::string(70000, 'y') +
                             " jo@example.org\nsecond line 9434765919";
    for (std::size_t piece : {std::size_t{1}, std::size_t{7}, std::size_t{65536}, text.size()}) {
        PersonalDataScanner scanner;
        for (std::size_t at = 0; at < text.size(); at += piece)
            scanner.feed(std::string_view(text).substr(at, piece));
        scanner.finish();
        std::vector<std::string> out;
        for (const TextFinding& f : scanner.findings())
            out.push_back(std::to_string(f.line) + ": " + f.what);
        CHECK(out == std::vector<std::string>{"1: an NHS number (943 476 ….)",
                                              "1: an email address (…@example.org)",
                                              "2: an NHS number (943 476 ….)"});
    }
}

TEST_CASE("personal data: the workspace scan names where each finding is") {
    TempDir dir;
    WorkspaceFolder ws = sample_workspace(dir);
    spit(dir / "list.csv", "name,nhs\nA Person,9434765919\n");
    REQUIRE(ws.add_file(dir / "list.csv", details("Attendance"), "2024-06-01").has_value());
    REQUIRE(ws.add_note("Ask jo@example.org", details("Contact"), "2024-06-01").has_value());
    spit(dir / "scan.pdf", "9434765919");  // not text: not read
    REQUIRE(ws.add_file(dir / "scan.pdf", details("Scan"), "2024-06-01").has_value());
    Result<std::vector<PersonalDataFinding>> findings = scan_workspace_for_personal_data(ws);
    REQUIRE(findings.has_value());
    std::vector<std::string> out;
    for (const PersonalDataFinding& f : *findings)
        out.push_back(f.where + ": " + f.what);
    CHECK(out == std::vector<std::string>{
                     "evidence ev6 (list.csv), line 2: an NHS number (943 476 ….)",
                     "evidence ev7 (note), line 1: an email address (…@example.org)"});
}
