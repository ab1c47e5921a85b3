// eqkit assess field | row | signoff | versions | export | reviews and eqkit eira risk, run as
// the real binary on an EIRA made from the eira_nhs template.
#include <nlohmann/json.hpp>

#include "cli_support.hpp"

namespace fs = std::filesystem;
using namespace eqkit;
using namespace eqkit::test;

namespace {

struct Eira {
    TempDir dir;

    Eira() {
        REQUIRE(run({"assess", "new", "--framework", "eira_nhs", "--out", "a.json", "--title",
                     "Closing the Tuesday walk-in clinic"})
                    .status == 0);
    }
    [[nodiscard]] ProcessResult run(const std::vector<std::string>& args) const {
        return run_eqkit(dir.path(), args);
    }
    void ok(const std::vector<std::string>& args) const {
        const ProcessResult r = run(args);
        CAPTURE(r.err);
        REQUIRE(r.status == 0);
    }
    [[nodiscard]] std::string file() const { return slurp(dir / "a.json"); }

    // Every required part answered, so it can be signed.
    void complete() const {
        for (const char* f :
             {"team", "lead", "aims", "who_affected", "screening_reason", "decision"})
            ok({"assess", "field", "a.json", f, "Written down"});
        ok({"assess", "field", "a.json", "new_or_existing", "Existing"});
        ok({"assess", "field", "a.json", "full_assessment", "Yes"});
        ok({"assess", "field", "a.json", "review_date", "2026-06-30"});
        const Framework* fw = shipped_registry().find("eira_nhs");
        for (const RowSubject& s : fw->rows->subjects)
            ok({"assess", "row", "a.json", s.id, "--relevance", "yes", "--impact", "neutral"});
        for (const Group& g : fw->groups) {
            for (const Item& item : g.items)
                ok({"assess", "set", "a.json", item.code, "--score", "2"});
        }
    }
};

}  // namespace

TEST_CASE("cli eira: a negative impact with no reason is refused as file: place: reason") {
    Eira e;
    const std::string before = e.file();
    const ProcessResult r =
        e.run({"assess", "row", "a.json", "race", "--relevance", "yes", "--impact", "negative"});
    CHECK(r.status == 1);
    CHECK(r.err ==
          "a.json: row race: the impact is rated \"Negative (adverse)\" but no reason is given\n");
    CHECK(e.file() == before);
    const ProcessResult fine =
        e.run({"assess", "row", "a.json", "race", "--impact", "negative", "--reason",
               "Fewer evening slots", "--text", "mitigation=Open on Thursday evenings"});
    CHECK(fine.status == 0);
    CHECK(fine.out == "Race: impact Negative (adverse)\n");
}

TEST_CASE("cli eira risk: likelihood × impact on the template's matrix, before and after") {
    Eira e;
    e.ok({"assess", "row", "a.json", "disability", "--impact", "negative", "--reason",
          "Step-free access lost"});
    const ProcessResult before = e.run({"eira", "risk", "a.json", "--characteristic", "disability",
                                        "--likelihood", "4", "--impact", "3"});
    CHECK(before.status == 0);
    CHECK(before.out.starts_with(
        "Disability: risk before mitigation: likelihood 4 × impact 3 = 12: High (UNCONFIRMED: "));
    const ProcessResult after =
        e.run({"eira", "risk", "a.json", "--characteristic", "disability", "--likelihood", "1",
               "--impact", "3", "--residual", "--json"});
    CHECK(after.status == 0);
    const nlohmann::json j = nlohmann::json::parse(after.out);
    CHECK(j["score"] == 3);
    CHECK(j["band"]["label"] == "Low");
    CHECK(j["when"] == "after mitigation");
    const ProcessResult off = e.run({"eira", "risk", "a.json", "--characteristic", "disability",
                                     "--likelihood", "6", "--impact", "1"});
    CHECK(off.status == 1);
    CHECK(
        off.err ==
        "a.json: row disability: before mitigation: likelihood 6 is not on the matrix (1 to 5)\n");
    CHECK(e.run({"eira", "risk", "a.json", "--characteristic", "age", "--likelihood", "1",
                 "--impact", "1"})
              .err == "a.json: row age: rate the impact before scoring its risk\n");
}

TEST_CASE("cli assess signoff: refused while a required field is unanswered, every gap named") {
    Eira e;
    const ProcessResult r =
        e.run({"assess", "signoff", "a.json", "--name", "Jo Bloggs", "--role", "Lead"});
    CHECK(r.status == 1);
    CHECK(
        r.err.starts_with("a.json: field team: \"Team or directorate\" must be answered first\n"
                          "a.json: field lead: \"Lead assessor\" must be answered first\n"));
    CHECK(r.err.find("a.json: row age: the impact on Age is not rated\n") != std::string::npos);
    CHECK(r.err.find("a.json: item B6: \"Records\" is not answered\n") != std::string::npos);
}

TEST_CASE("cli assess signoff then an edit: version 2, version 1 exported byte for byte") {
    Eira e;
    e.complete();
    const ProcessResult s = e.run({"assess", "signoff", "a.json", "--name", "Jo Bloggs", "--role",
                                   "Equality and diversity lead", "--date", "2026-01-15"});
    CAPTURE(s.err);
    REQUIRE(s.status == 0);
    CHECK(s.out.starts_with("Version 1 of a.json is signed off by Jo Bloggs"));
    const std::string signed_bytes = e.file();

    const ProcessResult edit = e.run({"assess", "field", "a.json", "decision", "Go ahead"});
    CHECK(edit.status == 0);
    CHECK(edit.out.find("starts version 2") != std::string::npos);
    CHECK(e.run({"assess", "export", "a.json", "--version", "1"}).out == signed_bytes);
    e.ok({"assess", "export", "a.json", "--version", "1", "--out", "v1.json"});
    CHECK(slurp(e.dir / "v1.json") == signed_bytes);

    const nlohmann::json v =
        nlohmann::json::parse(e.run({"assess", "versions", "a.json", "--json"}).out);
    REQUIRE(v["versions"].size() == 2);
    CHECK(v["versions"][0]["signoff"]["name"] == "Jo Bloggs");
    CHECK(v["versions"][0]["signoff"]["date"] == "2026-01-15");
    CHECK(v["versions"][1]["current"] == true);
    CHECK(v["versions"][1]["changes"][0] == "field decision");

    const ProcessResult html = e.run({"assess", "export", "a.json", "--version", "1", "--html"});
    CHECK(html.out.find("version 1</strong>, signed off by Jo Bloggs (Equality and diversity "
                        "lead) on 2026-01-15") != std::string::npos);
    CHECK(e.run({"assess", "export", "a.json", "--version", "3"}).status == 1);
}

TEST_CASE("cli assess reviews: each assessment's version, sign-off and review status") {
    TempDir dir;
    REQUIRE(run_eqkit(dir.path(), {"workspace", "new", "ws"}).status == 0);
    REQUIRE(run_eqkit(dir.path(), {"assess", "new", "--framework", "eira_nhs", "--workspace", "ws"})
                .status == 0);
    REQUIRE(run_eqkit(dir.path(), {"assess", "field", "ws/assessments/eira-nhs.json", "review_date",
                                   "2026-03-31"})
                .status == 0);
    const auto status_on = [&](const char* today) {
        const ProcessResult r =
            run_eqkit(dir.path(), {"assess", "reviews", "ws", "--today", today, "--json"});
        REQUIRE(r.status == 0);
        return nlohmann::json::parse(r.out)["assessments"][0]["review"].get<std::string>();
    };
    CHECK(status_on("2026-01-01") == "Not due");
    CHECK(status_on("2026-03-15") == "Due");
    CHECK(status_on("2026-04-01") == "Overdue");
}

TEST_CASE("cli assess new: as the issue writes it, with no --out or --workspace") {
    TempDir dir;
    const std::vector<std::string> args = {"assess",      "new",
                                           "--framework", "eira_nhs",
                                           "--title",     "Closing the Tuesday walk-in clinic"};
    const ProcessResult first = run_eqkit(dir.path(), args);
    CAPTURE(first.err);
    REQUIRE(first.status == 0);
    CHECK(first.out.rfind("Created closing-the-tuesday-walk-in-clinic.json: a new", 0) == 0);
    CHECK(read_assessment(dir / "closing-the-tuesday-walk-in-clinic.json").title ==
          "Closing the Tuesday walk-in clinic");
    // Never over an existing file: the next one gets a number.
    const ProcessResult second = run_eqkit(dir.path(), args);
    REQUIRE(second.status == 0);
    CHECK(second.out.rfind("Created closing-the-tuesday-walk-in-clinic-2.json", 0) == 0);

    // In a workspace folder, it goes into the workspace.
    REQUIRE(run_eqkit(dir.path(), {"workspace", "new", "ws"}).status == 0);
    const ProcessResult in_ws = run_eqkit(dir / "ws", args);
    CAPTURE(in_ws.err);
    REQUIRE(in_ws.status == 0);
    CHECK(in_ws.out.find("Created the assessment eira-nhs in .") != std::string::npos);
    CHECK(fs::exists(dir / "ws" / "assessments" / "eira-nhs.json"));
}
