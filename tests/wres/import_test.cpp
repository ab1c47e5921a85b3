// Row-level files to counts: each row used, excluded with a reason, or rejected with its line
// and column; column mappings; and the import checked against the synthetic generator's truth.
#include <doctest/doctest.h>

#include "eqkit/workforce_import.hpp"
#include "workforce_synth.hpp"
#include "wres_support.hpp"

using namespace eqkit;
using namespace eqkit::workforce;

namespace {

// Feeds files (role, name, text) to one import, each in chunks of the given size.
struct Fed {
    Counts counts;
    ImportReport report;
    std::optional<Error> error;
};

Fed feed(const std::vector<std::tuple<std::string, std::string, std::string>>& files,
         const ColumnMapping* mapping = nullptr, const Definitions& defs = test::wres(),
         std::size_t chunk = 7) {
    Import import(defs, mapping);
    Fed out;
    for (const auto& [role, name, text] : files) {
        Result<void> ok = import.begin(role, name);
        for (std::size_t at = 0; ok && at < text.size(); at += chunk)
            ok = import.feed(std::string_view(text).substr(at, chunk));
        if (ok) ok = import.end();
        if (!ok) {
            out.error = ok.error();
            break;
        }
    }
    out.counts = import.counts();
    out.report = import.report();
    return out;
}

std::vector<std::string> messages(const ErrorList& errors) {
    std::vector<std::string> out;
    for (const Error& e : errors)
        out.push_back(e.message());
    return out;
}

const std::string staff_csv =
    "person_id,ethnic_category,afc_band,medical_subgroup,clinical,is_bank\n"
    "p1,A,5,,Y,N\n"                                // White, clinical band 5
    "p2,C2 White - Other European,Band 8A,,N,N\n"  // ESR style: White, non-clinical 8a
    "p3,N,5,,Y,N\n"                                // BME
    "p4,Z,,Consultant,Y,N\n"                       // Unknown, medical consultant
    "p5,99,6,,N,Y\n"                               // bank: left out
    "p6,X,5,,Y,N\n"                                // not an ethnic category
    "p7,A,8e,,Y,N\n"                               // not a band
    "p8,,5,,maybe,N\n"                             // clinical neither Y nor N
    "p1,B,5,,Y,N\n"                                // person_id repeated
    "p9,Not stated,VSM,,N,N\n"                     // Unknown by name
    "\n"                                           // a blank line
    "p10,H,4,,Y\n";                                // ragged: a field short

}  // namespace

TEST_CASE("import: staff rows are used, excluded or rejected, and each rejection is reported") {
    const Fed f = feed({{"staff", "staff.csv", staff_csv}});
    REQUIRE_FALSE(f.error);
    // Used: p1, p2 (White), p3 (BME), p4, p9 (Unknown).
    CHECK(*f.counts.measure("headcount") == GroupCounts{2, 1, 2});
    const FileReport& r = f.report.files.at(0);
    CHECK(r.rows == 11);
    CHECK(r.used == 5);
    CHECK(r.blank_lines == 1);
    CHECK(r.excluded ==
          std::map<std::string, std::uint64_t>{{"bank staff (left out of the workforce)", 1}});
    CHECK(r.rejected == std::map<std::string, std::uint64_t>{{"Ethnic category not recognised", 1},
                                                             {"clinical not Y or N", 1},
                                                             {"pay band not recognised", 1},
                                                             {"person_id repeated", 1},
                                                             {"wrong number of fields", 1}});
    CHECK(r.rows == r.used + 1 + 5);  // nothing silently dropped
    CHECK(
        messages(f.report.problems) ==
        std::vector<std::string>{
            "staff.csv: line 7, column 2 (\"ethnic_category\"): \"X\" is not a recognised ethnic "
            "category (use a code (A, B, C, D, E, F, G, H, J, K, L, M, N, P, R, S, Z or 99) or "
            "the name of a category)",
            "staff.csv: line 8, column 3 (\"afc_band\"): \"8e\" is not a pay band (use Under "
            "Band 1, Band 1, Band 2, Band 3, Band 4, Band 5, Band 6, Band 7, Band 8a, Band 8b, "
            "Band 8c, Band 8d, Band 9, Very senior managers (VSM) or Other, not on Agenda for "
            "Change)",
            "staff.csv: line 9, column 5 (\"clinical\"): \"maybe\" is not yes or no (use Y or N)",
            "staff.csv: line 10, column 1 (\"person_id\"): person_id \"p1\" is already on line 2; "
            "each person counts once",
            "staff.csv: line 13, column 6: this row has 5 fields but the header has 6 (a value or "
            "a comma is missing)"});
    CHECK(f.report.problem_count == 5);
    // Indicator 1 rows: band 8a non-clinical has the ESR-style White row.
    bool found = false;
    for (const BandCount& b : f.counts.bands)
        if (b.section == "non_clinical" && b.row == "8a") found = b.counts == GroupCounts{1, 0, 0};
    CHECK(found);
}

TEST_CASE(
    "import: recruitment rows are counts or Y/N flags, and appointed cannot exceed shortlisted") {
    const Fed f = feed({{"recruitment", "rec.csv",
                         "ethnic_category,shortlisted,appointed\n"
                         "A,Y,N\nA,Y,Y\nM,12,3\nZ,1,0\nA,N,N\nH,two,1\nR,1,2\n"}});
    REQUIRE_FALSE(f.error);
    CHECK(*f.counts.measure("shortlisted") == GroupCounts{2, 12, 1});
    CHECK(*f.counts.measure("appointed") == GroupCounts{1, 3, 0});
    const FileReport& r = f.report.files.at(0);
    CHECK(r.excluded.at("not shortlisted") == 1);
    CHECK(messages(f.report.problems) ==
          std::vector<std::string>{
              "rec.csv: line 7, column 2 (\"shortlisted\"): \"two\" is not a number of applicants "
              "or Y/N",
              "rec.csv: line 8, column 3 (\"appointed\"): more appointed (2) than shortlisted (1); "
              "indicator 2 counts appointments from shortlisting only"});
}

TEST_CASE("import: event files count each person once, by their group in the staff file") {
    const Fed f = feed(
        {{"staff", "staff.csv", staff_csv},
         {"disciplinary", "disc.csv",
          "person_id,entered_formal_investigation_date\n"
          "p1,2024-05-01\np1,2024-09-01\np3,2024-06-01\np5,2024-07-01\n"
          "p6,2024-07-01\nnobody,2024-08-01\n,2024-08-02\n"},
         {"training", "train.csv",
          "person_id,course,mandatory\np1,Fire safety,Y\np1,Coaching,N\np3,\"Leadership, 2\",N\n"
          "p3,Coaching,N\np4,x,maybe\n"}});
    REQUIRE_FALSE(f.error);
    CHECK(*f.counts.measure("disciplinary") == GroupCounts{1, 1, 0});
    CHECK(*f.counts.measure("training") == GroupCounts{1, 1, 0});
    const FileReport& d = f.report.files.at(1);
    CHECK(d.used == 2);
    CHECK(d.excluded == std::map<std::string, std::uint64_t>{
                            {"bank staff (left out of the workforce)", 1},
                            {"person already counted (each person counts once)", 1}});
    CHECK(d.rejected == std::map<std::string, std::uint64_t>{{"no person_id", 1},
                                                             {"person not in the staff file", 1},
                                                             {"person's staff row rejected", 1}});
    const FileReport& t = f.report.files.at(2);
    CHECK(t.excluded.at("mandatory = Y") == 1);
    CHECK(t.rejected.at("mandatory not Y or N") == 1);
    const std::vector<std::string> all = messages(f.report.problems);
    CHECK(std::find(all.begin(), all.end(),
                    "disc.csv: line 6, column 1 (\"person_id\"): the staff file's row for "
                    "person_id \"p6\" (line 7) was rejected") != all.end());
    CHECK(
        std::find(all.begin(), all.end(),
                  "disc.csv: line 7, column 1 (\"person_id\"): person_id \"nobody\" is not in the "
                  "staff file, so their group is not known") != all.end());
}

TEST_CASE("import: an event file without person_id counts rows by their own group") {
    const Fed f = feed({{"disciplinary", "disc.csv", "ethnic_category\nA\nA\nN\nZ\n"}});
    REQUIRE_FALSE(f.error);
    CHECK(*f.counts.measure("disciplinary") == GroupCounts{2, 1, 1});
}

TEST_CASE("import: board members, and the survey figures") {
    const Fed f = feed(
        {{"board", "board.csv",
          "member_id,ethnic_category,voting,executive\nb1,A,Y,Y\nb2,H,Y,N\nb3,A,N,Y\nb4,A,N,N\n"},
         {"survey", "survey.csv",
          "indicator,group,percentage,survey_year,question_id\n5,White,25.1%,2024,Q14a\n"
          "5,BAME,28,2024,Q14a\n9,BME,3,2024,x\n6,Asian,20,2024,x\n7,BME,101,2024,x\n5,BME,29,2024,"
          "x\n"}});
    REQUIRE_FALSE(f.error);
    CHECK(*f.counts.measure("board_voting") == GroupCounts{1, 1, 0});
    CHECK(*f.counts.measure("board_executive") == GroupCounts{2, 0, 0});
    CHECK(f.report.files[0].excluded.at("neither a voting nor an executive member") == 1);
    CHECK(f.counts.survey.at("5").values.at("white") == doctest::Approx(25.1));
    CHECK(f.counts.survey.at("5").values.at("bme") == doctest::Approx(28));  // BAME is BME
    CHECK(f.counts.survey.at("5").question_id == "Q14a");
    CHECK(f.report.files[1].rejected ==
          std::map<std::string, std::uint64_t>{{"not a percentage", 1},
                                               {"survey figure repeated", 1},
                                               {"survey group not recognised", 1},
                                               {"survey indicator not recognised", 1}});
}

TEST_CASE("import: a column mapping names the organisation's headings and values") {
    auto mapping =
        parse_mapping(R"({"format": "eqkit-column-mapping/1", "organisation": "Sunrise Care",
        "files": {"staff": {"ethnic_category": "Ethnic Origin", "afc_band": "Pay Band", "clinical": "Clinical?",
                            "person_id": "Assignment Number", "ethnicity_typo": "Nope"}},
        "values": {"afc_band": {"Band 8 - Range A": "8a"}, "clinical": {"Clinical": "Y", "Non-clinical": "N"},
                   "ethnic_category": {"Prefer not to say": "Z"}}})",
                      "mapping.json");
    REQUIRE(mapping);
    const Fed f =
        feed({{"staff", "esr.csv",
               "\xEF\xBB\xBF\"Assignment Number\",\"Ethnic Origin\",\"Pay Band\",\"Clinical?\"\r\n"
               "1,A White - British,Band 8 - Range A,Non-clinical\r\n"
               "2,Prefer not to say,Band 5,Clinical\r\n"}},
             &*mapping);
    REQUIRE_FALSE(f.error);
    CHECK(*f.counts.measure("headcount") == GroupCounts{1, 0, 1});
    CHECK(f.report.notes ==
          std::vector<std::string>{
              "mapping.json: \"ethnicity_typo\" (mapped to \"Nope\") is not a field "
              "EqualityKit reads; check its spelling"});
}

TEST_CASE("import: a missing column stops the file and lists the columns found") {
    const Fed f = feed({{"staff", "staff.csv", "id,ethnicity,band,clinical\n1,A,5,Y\n"}});
    REQUIRE(f.error);
    CHECK(f.error->message() ==
          "staff.csv: line 1: there is no ethnic_category column; rename the column, or say which "
          "column holds it in a column mapping file (--mapping) (columns found: \"id\", "
          "\"ethnicity\", \"band\", \"clinical\")");
    auto mapping = parse_mapping(
        R"({"format": "eqkit-column-mapping/1", "files": {"staff": {"ethnic_category": "Ethnic Origin"}}})",
        "m.json");
    const Fed mapped =
        feed({{"staff", "staff.csv", "id,ethnicity,afc_band,clinical\n"}}, &*mapping);
    REQUIRE(mapped.error);
    CHECK(mapped.error->message() ==
          "staff.csv: line 1: the column mapping (m.json) puts ethnic_category in the column "
          "\"Ethnic Origin\", but there is no such column (columns found: \"id\", \"ethnicity\", "
          "\"afc_band\", \"clinical\")");
}

TEST_CASE("import: a heading used twice, an empty file, and a broken quote stop the file") {
    CHECK(feed({{"staff", "s.csv", "ethnic_category,afc_band,clinical,Ethnic Category\n"}})
              .error->message() ==
          "s.csv: line 1, column 4: the heading \"Ethnic Category\" appears twice (also column 1); "
          "rename one of them");
    CHECK(feed({{"staff", "s.csv", ""}}).error->message() ==
          "s.csv: line 1: the file is empty; it needs a line of column headings");
    CHECK(feed({{"staff", "s.csv", "ethnic_category,afc_band,clinical\nA,\"5,Y\n"}})
              .error->message() ==
          "s.csv: line 2, column 2: the quote that opens this field is never closed (the file "
          "ends inside it); check for a missing \" or a stray one");
}

TEST_CASE("import: an event file by person_id needs the staff file first") {
    const Fed f = feed({{"training", "t.csv", "person_id,mandatory\np1,N\n"}});
    REQUIRE(f.error);
    CHECK(f.error->message() ==
          "t.csv: line 1: the staff file must be read first, so the person_id here cannot be "
          "looked up; add the ethnic_category column");
}

TEST_CASE("import: the same counts whatever size of chunk the bytes arrive in") {
    const Fed whole = feed({{"staff", "staff.csv", staff_csv}}, nullptr, test::wres(), 1 << 20);
    for (std::size_t chunk : {1U, 2U, 3U, 5U, 64U}) {
        CAPTURE(chunk);
        const Fed f = feed({{"staff", "staff.csv", staff_csv}}, nullptr, test::wres(), chunk);
        CHECK(f.counts.measures == whole.counts.measures);
        CHECK(messages(f.report.problems) == messages(whole.report.problems));
    }
}

TEST_CASE("import: synthetic files give exactly the generator's counts, WRES and WDES") {
    for (bool local : {false, true}) {
        CAPTURE(local);
        test::TempDir dir;
        synth::Options o;
        o.seed = local ? 11 : 5;
        o.staff = 4000;
        o.local_style = local;
        const synth::Output out = synth::generate(o, dir.path());
        std::optional<ColumnMapping> mapping;
        if (local) mapping = *load_mapping(out.mapping);
        const ColumnMapping* m = mapping ? &*mapping : nullptr;

        auto wres_run = import_files(test::wres(), m,
                                     {{"staff", out.staff},
                                      {"recruitment", out.recruitment},
                                      {"disciplinary", out.disciplinary},
                                      {"training", out.training},
                                      {"board", out.board},
                                      {"survey", out.survey}});
        REQUIRE_MESSAGE(wres_run.has_value(),
                        (wres_run ? std::string() : wres_run.error().message()));
        CHECK_MESSAGE(wres_run->report.problems.empty(), join_messages(wres_run->report.problems));
        const Counts truth = test::counts_from(out.wres_counts);
        CHECK(wres_run->counts.measures == truth.measures);
        for (const BandCount& b : truth.bands) {
            bool same = false;
            for (const BandCount& got : wres_run->counts.bands)
                if (got.section == b.section && got.row == b.row) same = got.counts == b.counts;
            CHECK_MESSAGE(same, b.section << " " << b.row);
        }
        CHECK(wres_run->counts.survey.at("8").values == truth.survey.at("8").values);

        auto wdes_run = import_files(test::wdes(), m,
                                     {{"staff", out.staff},
                                      {"recruitment", out.recruitment},
                                      {"capability", out.capability},
                                      {"board", out.board},
                                      {"survey", out.survey_wdes}});
        REQUIRE_MESSAGE(wdes_run.has_value(),
                        (wdes_run ? std::string() : wdes_run.error().message()));
        CHECK(wdes_run->report.problems.empty());
        CHECK(wdes_run->counts.measures ==
              test::counts_from(out.wdes_counts, test::wdes()).measures);
    }
}

TEST_CASE("import: progress is reported between chunks, and the import can be cancelled") {
    test::TempDir dir;
    synth::Options o;
    o.staff = 30000;  // several chunks of 1 MiB in all
    const synth::Output out = synth::generate(o, dir.path());
    std::vector<std::uint64_t> seen;
    auto done = import_files(test::wres(), nullptr,
                             {{"recruitment", out.recruitment}, {"staff", out.staff}},
                             [&seen](const Progress& p) {
                                 seen.push_back(p.done);
                                 CHECK(p.done <= p.total);
                                 return true;
                             });
    REQUIRE(done);
    REQUIRE(seen.size() >= 3);
    CHECK(std::is_sorted(seen.begin(), seen.end()));
    CHECK(done->report.files[0].role == "staff");  // the staff file is always read first
    auto cancelled = import_files(test::wres(), nullptr, {{"staff", out.staff}},
                                  [](const Progress&) { return false; });
    REQUIRE_FALSE(cancelled);
    CHECK(cancelled.error().reason == "the import was cancelled");
    auto missing = import_files(test::wres(), nullptr, {{"staff", dir / "nope.csv"}});
    REQUIRE_FALSE(missing);
    CHECK(missing.error().reason == "cannot open this file (No such file or directory)");
}
