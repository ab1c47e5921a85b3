// eqkit framework show | validate.
#include <nlohmann/json.hpp>

#include <algorithm>

#include "cli_support.hpp"

namespace fs = std::filesystem;
using namespace eqkit;
using namespace eqkit::test;

namespace {

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::string unconfirmed(const Provenance& p) {
    return "(UNCONFIRMED: " + p.note + ")";
}

std::vector<fs::path> bad_files() {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(data_dir / "bad")) {
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

TEST_CASE("cli framework show: items, scale and bands, each unconfirmed fact with its note") {
    const Framework& fw = shipped("eds2022");
    const ProcessResult r = run_eqkit({}, {"framework", "show", "eds2022"});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(has(r.out, fw.title));
    for (const Group& g : fw.groups) {
        CHECK(has(r.out, g.code + ": " + g.title));
        for (const Item& item : g.items)
            CHECK(has(r.out, "  " + item.code + "  " + item.title + "\n"));
    }
    std::size_t unconfirmed_levels = 0;
    for (const ScaleLevel& level : fw.scale.levels) {
        const std::string line = "  " + std::to_string(level.value) + "  " + level.label;
        if (level.provenance.confirmed) {
            CHECK(has(r.out, line + "\n"));
        } else {
            CHECK(has(r.out, line + " " + unconfirmed(level.provenance) + "\n"));
            ++unconfirmed_levels;
        }
    }
    CHECK(unconfirmed_levels > 0);  // the EDS data marks levels 0 and 3
    for (const Band& band : fw.aggregation.overall_bands) {
        CAPTURE(band.label);
        const std::string text =
            band.label +
            (band.provenance.confirmed ? "\n" : " " + unconfirmed(band.provenance) + "\n");
        CHECK(has(r.out, text));
    }
    CHECK(has(r.out, "0–7"));
    CHECK(has(r.out, fw.aggregation.note));
    REQUIRE(fw.raters);
    CHECK(has(r.out, unconfirmed(fw.raters->provenance)));
}

TEST_CASE("cli framework show: unconfirmed items and links of FREDA, and its unofficial scale") {
    const Framework& fw = shipped("freda");
    const ProcessResult r = run_eqkit({}, {"framework", "show", "freda"});
    CHECK(r.status == 0);
    std::size_t marks = 0;
    for (const Group& g : fw.groups) {
        for (const Item& item : g.items) {
            if (!item.provenance.confirmed) {
                CHECK(
                    has(r.out, item.code + "  " + item.title + " " + unconfirmed(item.provenance)));
                ++marks;
            }
            for (const Link& link : item.links) {
                if (link.provenance.confirmed) continue;
                CHECK(has(r.out, link.label + " " + unconfirmed(link.provenance)));
                ++marks;
            }
        }
    }
    CHECK(marks > 0);
    CHECK(has(r.out, "Not an official scale: " + fw.scale.rationale));
    CHECK(has(r.out, std::to_string(marks) + " facts above are marked UNCONFIRMED"));
}

TEST_CASE("cli framework show --json: confirmed and note on every marked fact") {
    const Framework& fw = shipped("eds2022");
    const ProcessResult r = run_eqkit({}, {"framework", "show", "eds2022", "--json"});
    CHECK(r.status == 0);
    const auto doc = nlohmann::json::parse(r.out);
    CHECK(doc.at("id") == "eds2022");
    CHECK(doc.at("version") == fw.version);
    const auto& levels = doc.at("scale").at("levels");
    REQUIRE(levels.size() == fw.scale.levels.size());
    for (std::size_t i = 0; i < levels.size(); ++i) {
        const ScaleLevel& level = fw.scale.levels[i];
        CHECK(levels[i].at("value") == level.value);
        CHECK(levels[i].at("label") == level.label);
        CHECK(levels[i].at("confirmed") == level.provenance.confirmed);
        if (level.provenance.confirmed) {
            CHECK(levels[i].at("note").is_null());
        } else {
            CHECK(levels[i].at("note") == level.provenance.note);
        }
    }
    const auto& bands = doc.at("aggregation").at("overall_bands");
    REQUIRE(bands.size() == fw.aggregation.overall_bands.size());
    for (std::size_t i = 0; i < bands.size(); ++i) {
        const Band& band = fw.aggregation.overall_bands[i];
        CHECK(bands[i].at("label") == band.label);
        CHECK(bands[i].at("min") == band.min);
        CHECK(bands[i].at("max") == band.max);
        CHECK(bands[i].at("confirmed") == band.provenance.confirmed);
    }
    REQUIRE(doc.at("groups").size() == fw.groups.size());
    CHECK(doc.at("groups")[0].at("items")[0].at("code") == fw.groups[0].items[0].code);
    bool achieving_listed = false;
    for (const auto& mark : doc.at("unconfirmed")) {
        if (mark.at("what") == "overall band \"Achieving\" (22–32)") achieving_listed = true;
    }
    CHECK(achieving_listed);
}

TEST_CASE("cli framework show: an unknown id names the loaded ones") {
    std::string loaded;
    for (const Framework& fw : shipped_registry().frameworks())
        loaded += (loaded.empty() ? "" : ", ") + fw.id;
    const ProcessResult r = run_eqkit({}, {"framework", "show", "x"});
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(r.err == "eqkit: no framework with id \"x\" is loaded (loaded: " + loaded + ")\n");
    CHECK(has(loaded, "eds2022, freda"));
}

TEST_CASE("cli framework show: a framework that failed to load is pointed at") {
    TempDir plugins;
    fs::create_directories(plugins / "broken");
    fs::copy_file(data_dir / "bad" / "unknown_hook.json", plugins / "broken" / "framework.json");
    const ProcessResult r = run_eqkit_in(plugins.path(), {}, {"framework", "show", "example"});
    CHECK(r.status == 1);
    CHECK(r.err ==
          "eqkit: no framework with id \"example\" is loaded (loaded: none)\n"
          "eqkit: 1 framework file was not loaded because of errors; \"eqkit frameworks\" lists "
          "them\n");
}

TEST_CASE("cli framework validate: each malformed file prints exactly its golden messages") {
    const std::vector<fs::path> files = bad_files();
    REQUIRE(files.size() >= 15);
    for (const fs::path& file : files) {
        const std::string name = "bad/" + file.filename().string();
        CAPTURE(name);
        fs::path expected = file;
        expected.replace_extension(".expected");
        const ProcessResult r = run_eqkit(data_dir, {"framework", "validate", name});
        CHECK(r.status == 1);
        CHECK(r.out.empty());
        CHECK(r.err == slurp(expected));
    }
}

TEST_CASE("cli framework validate: every file is checked, valid ones are confirmed") {
    const ProcessResult good = run_eqkit(data_dir, {"framework", "validate", "good/minimal.json"});
    CHECK(good.status == 0);
    CHECK(good.out == "good/minimal.json: valid (example 1, 1 item)\n");
    CHECK(good.err.empty());

    const ProcessResult mixed =
        run_eqkit(data_dir, {"framework", "validate", "bad/unknown_hook.json", "good/minimal.json",
                             "bad/unknown_keys.json", "missing.json"});
    CHECK(mixed.status == 1);
    CHECK(mixed.out == "good/minimal.json: valid (example 1, 1 item)\n");
    CHECK(mixed.err == slurp(data_dir / "bad" / "unknown_hook.expected") +
                           slurp(data_dir / "bad" / "unknown_keys.expected") +
                           "missing.json: the file does not exist\n");
}

TEST_CASE("cli framework validate: the shipped frameworks are valid") {
    std::vector<std::string> args{"framework", "validate"};
    std::string expected;
    for (const Framework& fw : shipped_registry().frameworks()) {
        const std::string file = (plugins_dir / fw.id / "framework.json").string();
        args.push_back(file);
        expected += file + ": valid (" + fw.id + " " + fw.version + ", " +
                    std::to_string(fw.item_count()) + " items)\n";
    }
    const ProcessResult r = run_eqkit({}, args);
    CHECK(r.status == 0);
    CHECK(r.out == expected);
    CHECK(r.err.empty());
}
