// eqkit wres|wdes compute through the real binary: counts files and CSV files in, JSON, CSV and
// HTML out; exit status and messages checked together.
#include <nlohmann/json.hpp>

#include "cli_support.hpp"

namespace fs = std::filesystem;
using namespace eqkit;
using namespace eqkit::test;
using nlohmann::json;

namespace {

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

const fs::path wres_data = data_dir / "wres";

// Small CSV files for every WRES input, with one unrecognised ethnic code on line 4.
void write_csvs(const TempDir& dir, const std::string& bad_code = "X") {
    spit(dir / "staff.csv",
         "person_id,ethnic_category,afc_band,medical_subgroup,clinical,is_bank\r\n"
         "p1,A,5,,Y,N\r\np2,N,5,,Y,N\r\np3," +
             bad_code + ",6,,N,N\r\np4,Z,,Consultant,Y,N\r\n");
    spit(dir / "recruitment.csv", "ethnic_category,shortlisted,appointed\nA,40,10\nN,30,5\n");
    spit(dir / "disciplinary.csv", "person_id,entered_formal_investigation_date\np2,2024-05-01\n");
    spit(dir / "training.csv", "person_id,mandatory\np1,N\np2,N\np2,Y\n");
    spit(dir / "board.csv", "member_id,ethnic_category,voting,executive\nb1,A,Y,Y\nb2,H,Y,N\n");
}

std::vector<std::string> csv_args() {
    return {"--staff",          "staff.csv",  "--recruitment", "recruitment.csv", "--disciplinary",
            "disciplinary.csv", "--training", "training.csv",  "--board",         "board.csv"};
}

std::vector<std::string> with(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

}  // namespace

TEST_CASE("cli wres: a counts file gives the nine indicators as JSON") {
    TempDir dir;
    const ProcessResult r =
        run_eqkit(dir.path(), {"wres", "compute", "--counts",
                               (wres_data / "issue_counts.json").string(), "--json", "out.json"});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(has(
        r.out,
        "  2  Appointment from shortlisting: 1.76 (95% interval 1.21 to 2.57, log method (Katz))"));
    CHECK(has(r.out, "  3  Entering formal disciplinary investigation: suppressed [c]"));
    const json doc = json::parse(slurp(dir / "out.json"));
    REQUIRE(doc["indicators"].size() == 9);
    for (int n = 1; n <= 9; ++n)
        CHECK(doc["indicators"][static_cast<std::size_t>(n - 1)]["number"] == n);
    CHECK(doc["indicators"][1]["value"].get<double>() == doctest::Approx(1.7634408602));
    CHECK(doc["indicators"][2]["value"].is_null());
    CHECK(doc["indicators"][3]["interval"]["method"] == "log method (Katz)");
}

TEST_CASE("cli wres: --suppress-below 0 shows every figure, and says not to publish") {
    TempDir dir;
    const ProcessResult r = run_eqkit(
        dir.path(), {"wres", "compute", "--counts", (wres_data / "issue_counts.json").string(),
                     "--suppress-below", "0", "--json", "-"});
    CHECK(r.status == 0);
    const json doc = json::parse(r.out);
    CHECK(doc["indicators"][2]["value"].get<double>() ==
          doctest::Approx(9.0 * 2505 / (725.0 * 17)));
    CHECK(doc["indicators"][8]["value"].get<double>() ==
          doctest::Approx(100.0 * 2 / 12 - 100.0 * 725 / 3296));
    CHECK(doc["suppression"]["active"] == false);
}

TEST_CASE("cli wres: last year's counts are shown beside this year's, with indicator 3 pooled") {
    TempDir dir;
    const ProcessResult r = run_eqkit(
        dir.path(), {"wres", "compute", "--counts", (wres_data / "issue_counts.json").string(),
                     "--previous", (wres_data / "previous_counts.json").string(),
                     "--suppress-below", "0", "--json", "out.json"});
    CHECK(r.status == 0);
    const json doc = json::parse(slurp(dir / "out.json"));
    CHECK(doc["previous_year"] == "2023-24");
    CHECK(doc["indicators"][1]["previous"]["value"].get<double>() ==
          doctest::Approx(110.0 * 380 / (870.0 * 25)));
    CHECK(doc["indicators"][2]["pooled_two_year"]["value"].get<double>() ==
          doctest::Approx((21.0 / 1415) / (37.0 / 4985)));
}

TEST_CASE("cli wres: CSV files, with a problem reported and the run going on") {
    TempDir dir;
    write_csvs(dir);
    const ProcessResult r =
        run_eqkit(dir.path(), with({"wres", "compute", "--year", "2024-25", "--json", "out.json",
                                    "--csv", "out.csv", "--html", "out.html"},
                                   csv_args()));
    CHECK(r.status == 0);
    CHECK(r.err ==
          "staff.csv: line 4, column 2 (\"ethnic_category\"): \"X\" is not a recognised ethnic "
          "category (use a code (A, B, C, D, E, F, G, H, J, K, L, M, N, P, R, S, Z or 99) or the "
          "name of a category)\n");
    const json doc = json::parse(slurp(dir / "out.json"));
    const json& staff = doc["inputs"]["files"][0];
    CHECK(staff["file"] == "staff.csv");
    CHECK(staff["rows"] == 4);
    CHECK(staff["used"] == 3);
    CHECK(staff["rejected"]["Ethnic category not recognised"] == 1);
    CHECK(doc["inputs"]["problem_count"] == 1);
    CHECK_FALSE(doc["inputs"].contains("problems"));  // a problem can quote a person's row
    CHECK(has(slurp(dir / "out.csv"), "standard,period,indicator"));
    CHECK(has(slurp(dir / "out.html"), "<html lang=\"en-GB\">"));
}

TEST_CASE("cli wres: --strict fails on a problem and writes nothing") {
    TempDir dir;
    write_csvs(dir);
    const auto before = snapshot(dir.path());
    const ProcessResult r = run_eqkit(
        dir.path(), with({"wres", "compute", "--strict", "--json", "out.json"}, csv_args()));
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(
        has(r.err, "staff.csv: line 4, column 2 (\"ethnic_category\"): \"X\" is not a recognised"));
    CHECK(has(r.err,
              "eqkit: 1 problems in the data and --strict was given, so nothing was written\n"));
    CHECK(snapshot(dir.path()) == before);
    write_csvs(dir, "S");
    CHECK(run_eqkit(dir.path(),
                    with({"wres", "compute", "--strict", "--json", "out.json"}, csv_args()))
              .status == 0);
}

TEST_CASE("cli wres: a broken quote stops the run with its line and column") {
    TempDir dir;
    write_csvs(dir);
    spit(dir / "board.csv", "member_id,ethnic_category,voting\nb1,\"A,Y\n");
    const ProcessResult r = run_eqkit(dir.path(), with({"wres", "compute"}, csv_args()));
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(r.err ==
          "board.csv: line 2, column 2: the quote that opens this field is never closed (the file "
          "ends inside it); check for a missing \" or a stray one\n");
}

TEST_CASE("cli wres: the command line must name one source of counts") {
    TempDir dir;
    const ProcessResult both =
        run_eqkit(dir.path(), {"wres", "compute", "--counts", "c.json", "--staff", "s.csv"});
    CHECK(both.status == 2);
    CHECK(has(both.err, "give either --counts or the CSV files, not both"));
    const ProcessResult none = run_eqkit(dir.path(), {"wres", "compute"});
    CHECK(none.status == 2);
    CHECK(has(none.err,
              "give the counts (--counts FILE) or the CSV files (--staff, --recruitment, "
              "--disciplinary, --training, --board)"));
    const ProcessResult some = run_eqkit(dir.path(), {"wres", "compute", "--staff", "s.csv"});
    CHECK(some.status == 2);
    CHECK(
        has(some.err,
            "these CSV files are needed too: --recruitment, --disciplinary, --training, --board"));
    const ProcessResult missing =
        run_eqkit(dir.path(), {"wres", "compute", "--counts", "nope.json"});
    CHECK(missing.status == 1);
    CHECK(has(missing.err, "nope.json: "));
}

TEST_CASE("cli wres: a bad counts file is reported by its JSON pointer") {
    TempDir dir;
    spit(dir / "c.json",
         R"({"format": "eqkit-wres-counts/1", "disciplinary": {"white": 17, "bme": "nine"}})");
    const ProcessResult r =
        run_eqkit(dir.path(), {"wres", "compute", "--counts", "c.json", "--strict"});
    CHECK(r.status == 1);
    CHECK(has(r.err, "c.json: /disciplinary/bme: expected a whole number of people, found text\n"));
}

TEST_CASE("cli wdes: the same engine for disability, from counts and from CSV files") {
    TempDir dir;
    const ProcessResult r = run_eqkit(
        dir.path(), {"wdes", "compute", "--counts", (wres_data / "wdes_counts.json").string(),
                     "--suppress-below", "0", "--json", "-"});
    CHECK(r.status == 0);
    const json doc = json::parse(r.out);
    CHECK(doc["standard"] == "wdes");
    REQUIRE(doc["indicators"].size() == 10);
    CHECK(doc["indicators"][1]["value"].get<double>() == doctest::Approx(1.5));
    CHECK(doc["indicators"][2]["value"].get<double>() == doctest::Approx(5.0));
    spit(dir / "staff.csv",
         "person_id,disability,afc_band,clinical\np1,Yes,5,Y\np2,No,5,Y\np3,Not declared,6,N\n");
    spit(dir / "recruitment.csv", "disability,shortlisted,appointed\nYes,Y,N\nNo,Y,Y\n");
    spit(dir / "capability.csv", "person_id\np1\n");
    spit(dir / "board.csv", "member_id,disability,voting\nb1,No,Y\n");
    const ProcessResult csv =
        run_eqkit(dir.path(), {"wdes", "compute", "--staff", "staff.csv", "--recruitment",
                               "recruitment.csv", "--capability", "capability.csv", "--board",
                               "board.csv", "--suppress-below", "0", "--json", "-"});
    CHECK(csv.status == 0);
    CHECK(csv.err.empty());
    // Capability: Disabled 1/1 ÷ non-disabled 0/1: divides by zero.
    CHECK(json::parse(csv.out)["indicators"][2]["state"] == "not calculable");
    const ProcessResult training =
        run_eqkit(dir.path(), {"wdes", "compute", "--training", "t.csv"});
    CHECK(training.status == 2);
}
