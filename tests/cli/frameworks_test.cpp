// eqkit frameworks: the listing of loaded frameworks and of files that failed to load.
#include <nlohmann/json.hpp>

#include <sstream>

#include "cli_support.hpp"

namespace fs = std::filesystem;
using namespace eqkit;
using namespace eqkit::test;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

// The line of the listing that starts with this id, or "".
std::string row_of(const std::string& out, const std::string& id) {
    for (const std::string& line : lines_of(out)) {
        if (line.rfind("  " + id + " ", 0) == 0) return line;
    }
    return "";
}

// A plugins folder with one good framework (tests/data/good/minimal.json, id "example") and one
// broken one (tests/data/bad/bad_codes_and_id.json, two errors).
struct MixedPlugins {
    TempDir dir;
    fs::path broken = dir / "broken" / "framework.json";

    MixedPlugins() {
        fs::create_directories(dir / "example");
        fs::create_directories(dir / "broken");
        fs::copy_file(data_dir / "good" / "minimal.json", dir / "example" / "framework.json");
        fs::copy_file(data_dir / "bad" / "bad_codes_and_id.json", broken);
    }

    // The golden messages of the broken file, labelled with where it now is.
    [[nodiscard]] std::vector<std::string> expected_errors() const {
        std::vector<std::string> out;
        for (std::string line : lines_of(slurp(data_dir / "bad" / "bad_codes_and_id.expected"))) {
            const std::string label = "bad/bad_codes_and_id.json";
            REQUIRE(line.rfind(label, 0) == 0);
            out.push_back(broken.generic_string() + line.substr(label.size()));
        }
        return out;
    }
};

}  // namespace

TEST_CASE("cli frameworks: lists every shipped framework with its version and item count") {
    const ProcessResult r = run_eqkit({}, {"frameworks"});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    REQUIRE_FALSE(shipped_registry().frameworks().empty());
    for (const Framework& fw : shipped_registry().frameworks()) {
        CAPTURE(fw.id);
        const std::string row = row_of(r.out, fw.id);
        REQUIRE_FALSE(row.empty());
        CHECK(row.find(" " + fw.version + " ") != std::string::npos);
        CHECK(row.find(" " + std::to_string(fw.item_count()) + " ") != std::string::npos);
        CHECK(row.find(fw.title) != std::string::npos);
    }
    CHECK(r.out.find("Could not load") == std::string::npos);
}

TEST_CASE("cli frameworks --json: frameworks and failures") {
    const ProcessResult r = run_eqkit({}, {"frameworks", "--json"});
    CHECK(r.status == 0);
    const auto doc = nlohmann::json::parse(r.out);
    const auto& list = doc.at("frameworks");
    std::size_t frameworks = 0;
    for (const auto& entry : list) {
        if (entry.at("kind") != "framework") continue;
        ++frameworks;
        const Framework& fw = shipped(entry.at("id").get<std::string>());
        CHECK(entry.at("version") == fw.version);
        CHECK(entry.at("title") == fw.title);
        CHECK(entry.at("short_title") == fw.short_title);
        CHECK(entry.at("items") == fw.item_count());
        CHECK(entry.at("groups") == fw.groups.size());
    }
    CHECK(frameworks == shipped_registry().frameworks().size());
    CHECK(doc.at("failures").empty());
}

TEST_CASE("cli frameworks --json: tender question sets are listed with kind question_set") {
    const ProcessResult r = run_eqkit({}, {"frameworks", "--json"});
    CHECK(r.status == 0);
    const auto doc = nlohmann::json::parse(r.out);
    std::vector<std::string> sets;
    for (const auto& entry : doc.at("frameworks")) {
        if (entry.at("kind") == "question_set") sets.push_back(entry.at("id"));
        if (entry.at("id") == "tender_psr_access") {
            CHECK(entry.at("confirmed") == false);  // the key criterion's wording
            CHECK(entry.at("items") == 3);
        }
    }
    CHECK(sets == std::vector<std::string>{"tender_health_care", "tender_psr_access",
                                           "tender_svm_equal_opportunity"});
}

TEST_CASE("cli frameworks: a broken framework is listed with every error, beside the good one") {
    MixedPlugins plugins;
    const ProcessResult r = run_eqkit_in(plugins.dir.path(), {}, {"frameworks"});
    CHECK(r.status == 0);  // the listing is the point, failures included
    CHECK(r.err.empty());
    const std::string row = row_of(r.out, "example");
    CHECK(row.find("Example") != std::string::npos);
    const std::size_t heading = r.out.find("\nCould not load:\n");
    REQUIRE(heading != std::string::npos);
    const std::vector<std::string> expected = plugins.expected_errors();
    REQUIRE(expected.size() == 2);
    for (const std::string& message : expected) {
        CAPTURE(message);
        const std::size_t at = r.out.find(message);
        CHECK(at != std::string::npos);
        CHECK(at > heading);
    }
}

TEST_CASE("cli frameworks --json: a broken framework's errors, each with file, place, reason") {
    MixedPlugins plugins;
    const ProcessResult r = run_eqkit_in(plugins.dir.path(), {}, {"frameworks", "--json"});
    CHECK(r.status == 0);
    const auto doc = nlohmann::json::parse(r.out);
    REQUIRE(doc.at("frameworks").size() == 1);
    CHECK(doc.at("frameworks")[0].at("id") == "example");
    REQUIRE(doc.at("failures").size() == 1);
    const auto& failure = doc.at("failures")[0];
    CHECK(failure.at("file") == plugins.broken.generic_string());
    const std::vector<std::string> expected = plugins.expected_errors();
    REQUIRE(failure.at("errors").size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const auto& e = failure.at("errors")[i];
        CHECK(e.at("message") == expected[i]);
        CHECK(e.at("file") == plugins.broken.generic_string());
        CHECK(e.at("file").get<std::string>() + ": " + e.at("place").get<std::string>() + ": " +
                  e.at("reason").get<std::string>() ==
              expected[i]);
    }
    CHECK(failure.at("errors")[0].at("place") == "/id");
}

TEST_CASE("cli frameworks: a plugins folder that does not exist is bad input") {
    TempDir dir;
    const fs::path missing = dir / "nowhere";
    const ProcessResult r = run_eqkit_in(missing, {}, {"frameworks"});
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(r.err == missing.generic_string() + ": the plugins folder does not exist\n");
}

TEST_CASE("cli frameworks: without --plugins, $EQKIT_PLUGINS is used") {
    MixedPlugins plugins;
    const ProcessResult r = run_process({eqkit_binary.string(), "frameworks"},
                                        {{}, {"EQKIT_PLUGINS=" + plugins.dir.path().string()}});
    CHECK(r.status == 0);
    CHECK_FALSE(row_of(r.out, "example").empty());
    CHECK(row_of(r.out, "eds2022").empty());
}

TEST_CASE("cli frameworks: without --plugins or $EQKIT_PLUGINS, the build tree's frameworks") {
    const ProcessResult r =
        run_process({eqkit_binary.string(), "frameworks"}, {{}, {"EQKIT_PLUGINS="}});
    CHECK(r.status == 0);
    CHECK_FALSE(row_of(r.out, "eds2022").empty());
}
