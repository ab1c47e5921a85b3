// eqkit report: the accessible HTML report, written atomically.
#include "cli_support.hpp"

namespace fs = std::filesystem;
using namespace eqkit;
using namespace eqkit::test;

namespace {

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// a.json: an EDS assessment with every outcome at 2, made through the CLI.
void make_complete_eds(const TempDir& dir) {
    REQUIRE(run_eqkit(dir.path(), {"assess", "new", "--framework", "eds2022", "--out", "a.json",
                                   "--title", "Sunrise <Care>"})
                .status == 0);
    for (const Group& g : shipped("eds2022").groups) {
        for (const Item& item : g.items)
            REQUIRE(run_eqkit(dir.path(), {"assess", "set", "a.json", item.code, "--score", "2"})
                        .status == 0);
    }
}

}  // namespace

TEST_CASE("cli report: writes the HTML report with the scores") {
    TempDir dir;
    make_complete_eds(dir);
    const ProcessResult r = run_eqkit(dir.path(), {"report", "a.json", "--out", "report.html"});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out == "Wrote the report on a.json to report.html.\n");
    const std::string html = slurp(dir / "report.html");
    CHECK(has(html, "<html lang=\"en-GB\">"));
    CHECK(has(html, "Sunrise &lt;Care&gt;"));
    CHECK(has(html, "22 of 33"));
    CHECK(has(html, "Achieving"));
    CHECK(has(html, "UNCONFIRMED"));
    // Replacing an existing report is expected.
    CHECK(run_eqkit(dir.path(), {"report", "a.json", "--out", "report.html"}).status == 0);
}

TEST_CASE("cli report: a bad assessment writes nothing") {
    TempDir dir;
    spit(
        dir / "a.json",
        R"({"format": "eqkit-assessment/1", "framework": {"id": "eds2022", "version": "2022"}, "answers": [{"item": "9Z"}]})");
    const auto before = snapshot(dir.path());
    const ProcessResult r = run_eqkit(dir.path(), {"report", "a.json", "--out", "report.html"});
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(r.err == "a.json: /answers/0/item: \"9Z\" is not an item of eds2022\n");
    CHECK(snapshot(dir.path()) == before);
}

TEST_CASE("cli report: never writes the report over the assessment itself") {
    TempDir dir;
    make_complete_eds(dir);
    const auto before = snapshot(dir.path());
    const ProcessResult r = run_eqkit(dir.path(), {"report", "a.json", "--out", "./a.json"});
    CHECK(r.status == 1);
    CHECK(r.err == "./a.json: this is the assessment itself; choose another --out file\n");
    CHECK(snapshot(dir.path()) == before);
}

TEST_CASE("cli report: a folder that does not exist is bad input") {
    TempDir dir;
    make_complete_eds(dir);
    const ProcessResult r = run_eqkit(dir.path(), {"report", "a.json", "--out", "no/report.html"});
    CHECK(r.status == 1);
    CHECK(r.err.rfind("no/report.html: cannot write in no (", 0) == 0);
    CHECK_FALSE(fs::exists(dir / "no"));
}
