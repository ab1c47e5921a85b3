// eqkit assess score: totals, bands and the unconfirmed facts behind them, as text and JSON.
#include <nlohmann/json.hpp>

#include "cli_support.hpp"

namespace fs = std::filesystem;
using namespace eqkit;
using namespace eqkit::test;

namespace {

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// An assessment file written through the core, with the given scores.
fs::path write_assessment(const TempDir& dir, const std::string& framework_id,
                          const std::map<std::string, int>& scores) {
    const Framework& fw = shipped(framework_id);
    Assessment a = new_assessment(fw);
    a.title = "Sunrise Care";
    for (const auto& [code, score] : scores) {
        Answer answer;
        answer.score = score;
        REQUIRE(set_answer(fw, a, code, answer).has_value());
    }
    const fs::path file = dir / (framework_id + ".json");
    spit(file, assessment_to_json(fw, a));
    return file;
}

std::map<std::string, int> every_item(const Framework& fw, int score) {
    std::map<std::string, int> scores;
    for (const Group& g : fw.groups) {
        for (const Item& item : g.items)
            scores[item.code] = score;
    }
    return scores;
}

const Band& band_named(const Framework& fw, const std::string& label) {
    for (const Band& b : fw.aggregation.overall_bands) {
        if (b.label == label) return b;
    }
    FAIL("no band " << label);
    throw;
}

}  // namespace

TEST_CASE("cli assess score --json: all EDS outcomes at 2 is 22, Achieving, unconfirmed") {
    const Framework& fw = shipped("eds2022");
    TempDir dir;
    // Through the CLI end to end: new, then set every outcome.
    REQUIRE(run_eqkit(dir.path(), {"assess", "new", "--framework", "eds2022", "--out", "a.json"})
                .status == 0);
    for (const auto& [code, score] : every_item(fw, 2)) {
        REQUIRE(run_eqkit(dir.path(),
                          {"assess", "set", "a.json", code, "--score", std::to_string(score)})
                    .status == 0);
    }
    const ProcessResult r = run_eqkit(dir.path(), {"assess", "score", "a.json", "--json"});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    const auto doc = nlohmann::json::parse(r.out);
    CHECK(doc.at("framework") == "eds2022");
    CHECK(doc.at("framework_version") == fw.version);
    CHECK(doc.at("total") == 22);
    CHECK(doc.at("max") == 33);
    CHECK(doc.at("answered") == 11);
    CHECK(doc.at("items") == 11);
    CHECK(doc.at("complete") == true);
    const auto& band = doc.at("band");
    REQUIRE(band.is_object());
    CHECK(band.at("label") == "Achieving");
    CHECK(band.at("min") == 22);
    CHECK(band.at("confirmed") == false);
    CHECK(band.at("note") == band_named(fw, "Achieving").provenance.note);
    CHECK(band.at("provisional") == false);

    const auto& groups = doc.at("groups");
    REQUIRE(groups.size() == fw.groups.size());
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const Group& g = fw.groups[i];
        CHECK(groups[i].at("code") == g.code);
        CHECK(groups[i].at("title") == g.title);
        CHECK(groups[i].at("total") == 2 * static_cast<int>(g.items.size()));
        CHECK(groups[i].at("max") == 3 * static_cast<int>(g.items.size()));
        CHECK(groups[i].at("answered") == g.items.size());
        CHECK(groups[i].at("items") == g.items.size());
    }
    bool band_listed = false;
    for (const auto& fact : doc.at("unconfirmed")) {
        CHECK(fact.at("note").is_string());
        if (fact.at("what") == "overall band \"Achieving\" (22–32)") band_listed = true;
    }
    CHECK(band_listed);
}

TEST_CASE("cli assess score: text shows totals, the band in words and what is unconfirmed") {
    const Framework& fw = shipped("eds2022");
    TempDir dir;
    write_assessment(dir, "eds2022", every_item(fw, 2));
    const ProcessResult r = run_eqkit(dir.path(), {"assess", "score", "eds2022.json"});
    CHECK(r.status == 0);
    CHECK(has(r.out, "eds2022.json: Sunrise Care\n"));
    CHECK(has(r.out,
              "Domain 1, " + fw.groups[0].title + ": total 8 of 12 (4 of 4 outcomes scored)\n"));
    CHECK(has(r.out,
              "Domain 3, " + fw.groups[2].title + ": total 6 of 9 (3 of 3 outcomes scored)\n"));
    CHECK(has(r.out, "Overall: total 22 of 33 (11 of 11 outcomes scored)\n"));
    CHECK(has(r.out, "Band: Achieving (22–32)\n"));
    CHECK(has(r.out, "UNCONFIRMED: " + band_named(fw, "Achieving").provenance.note));
    CHECK(has(r.out, "Note: " + fw.aggregation.note));
    CHECK(has(r.out, "These results rest on facts marked UNCONFIRMED:\n"));
    CHECK_FALSE(has(r.out, "provisional"));
}

TEST_CASE("cli assess score: a partly scored assessment has a provisional band") {
    const Framework& fw = shipped("eds2022");
    TempDir dir;
    write_assessment(dir, "eds2022", {{"1A", 3}, {"2C", 0}});
    const ProcessResult text = run_eqkit(dir.path(), {"assess", "score", "eds2022.json"});
    CHECK(text.status == 0);
    CHECK(has(text.out, "Overall: total 3 of 33 (2 of 11 outcomes scored)\n"));
    CHECK(has(text.out, "Band: Undeveloped (0–7), provisional: 9 outcomes not scored yet\n"));
    // Both levels used rest on unconfirmed pairings, and both are listed.
    CHECK(has(text.out, "  - scale level 0 \"" + fw.scale.level(0)->label + "\": "));
    CHECK(has(text.out, "  - scale level 3 \"" + fw.scale.level(3)->label + "\": "));

    const auto doc = nlohmann::json::parse(
        run_eqkit(dir.path(), {"assess", "score", "eds2022.json", "--json"}).out);
    CHECK(doc.at("complete") == false);
    CHECK(doc.at("answered") == 2);
    CHECK(doc.at("total") == 3);
    CHECK(doc.at("band").at("label") == "Undeveloped");
    CHECK(doc.at("band").at("provisional") == true);
    CHECK(doc.at("groups")[1].at("total") == 0);
    CHECK(doc.at("groups")[1].at("answered") == 1);
}

TEST_CASE("cli assess score: a framework without bands shows none, and its unofficial scale") {
    TempDir dir;
    write_assessment(dir, "freda", {{"F", 2}, {"R", 1}});
    const ProcessResult text = run_eqkit(dir.path(), {"assess", "score", "freda.json"});
    CHECK(text.status == 0);
    CHECK(has(text.out, "Overall: total 3 of 15 (2 of 5 principles scored)\n"));
    CHECK(has(text.out, "Band: none (this framework gives no bands)\n"));
    CHECK(has(text.out,
              "  - the scale \"" + shipped("freda").scale.title + "\": not an official scale"));

    const auto doc = nlohmann::json::parse(
        run_eqkit(dir.path(), {"assess", "score", "freda.json", "--json"}).out);
    CHECK(doc.at("band").is_null());
    CHECK(doc.at("total") == 3);
    CHECK(doc.at("max") == 15);
    REQUIRE(doc.at("unconfirmed").size() == 1);
    CHECK(has(doc.at("unconfirmed")[0].at("what").get<std::string>(), "the scale"));
}

TEST_CASE("cli assess score: a bad assessment file is bad input") {
    TempDir dir;
    spit(dir / "a.json", "[]");
    const ProcessResult r = run_eqkit(dir.path(), {"assess", "score", "a.json"});
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(r.err == "a.json: /: expected an object, found a list\n");
}

TEST_CASE("cli assess score: a framework whose scores are not added up shows counts only") {
    TempDir plugins;
    auto fw = nlohmann::json::parse(slurp(data_dir / "good" / "minimal.json"));
    fw["aggregation"] = {{"method", "none"}};
    fs::create_directories(plugins / "example");
    spit(plugins / "example" / "framework.json", fw.dump());
    TempDir dir;
    REQUIRE(run_eqkit_in(plugins.path(), dir.path(),
                         {"assess", "new", "--framework", "example", "--out", "a.json"})
                .status == 0);
    REQUIRE(
        run_eqkit_in(plugins.path(), dir.path(), {"assess", "set", "a.json", "1A", "--score", "1"})
            .status == 0);
    const ProcessResult text =
        run_eqkit_in(plugins.path(), dir.path(), {"assess", "score", "a.json"});
    CHECK(text.status == 0);
    CHECK(has(text.out, "Overall: 1 of 1 item scored\n"));
    CHECK(has(text.out, "This framework's scores are not added up.\n"));
    CHECK_FALSE(has(text.out, "total"));
    CHECK_FALSE(has(text.out, "Band"));
    const auto doc = nlohmann::json::parse(
        run_eqkit_in(plugins.path(), dir.path(), {"assess", "score", "a.json", "--json"}).out);
    CHECK(doc.at("aggregated") == false);
    CHECK(doc.at("band").is_null());
    CHECK(doc.at("complete") == true);
}
