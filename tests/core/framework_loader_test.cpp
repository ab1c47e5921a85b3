#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>

#include "eqkit/framework.hpp"
#include "eqkit/plugins.hpp"
#include "golden.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace eqkit;

namespace {

const fs::path data_dir = EQKIT_TEST_DATA_DIR;

std::string messages_for(const fs::path& file) {
    Registry registry;
    register_builtin_hooks(registry);
    registry.load_text(test::slurp(file), "bad/" + file.filename().string());
    if (registry.failures().empty()) return "(loaded without errors)\n";
    return join_messages(registry.failures().front().errors);
}

}  // namespace

TEST_CASE("framework loader: every malformed file gives exactly its golden messages") {
    test::check_golden_files(data_dir / "bad", 15, messages_for);
}

TEST_CASE("framework loader: reads a minimal valid file") {
    auto fw = load_framework(data_dir / "good" / "minimal.json");
    REQUIRE(fw.has_value());
    CHECK(fw->id == "example");
    CHECK(fw->item_count() == 1);
    CHECK(fw->scale.levels.size() == 2);
    CHECK_FALSE(fw->source.provenance.confirmed);
    CHECK(fw->aggregation.overall_bands.at(1).provenance.note == "made up");
    CHECK(fw->group_label == "Group");
}

TEST_CASE("framework loader: reports every problem, not only the first") {
    auto fw = load_framework(data_dir / "bad" / "unknown_keys.json");
    REQUIRE_FALSE(fw.has_value());
    REQUIRE(fw.error().size() == 2);
    CHECK(fw.error()[0].place == "/groups/0/items/0/titel");
    CHECK(fw.error()[1].place == "/colour");
}

TEST_CASE("framework loader: a missing file is an error naming it") {
    auto fw = load_framework(data_dir / "no-such-file.json");
    REQUIRE_FALSE(fw.has_value());
    CHECK(fw.error().front().reason == "the file does not exist");
    CHECK(fw.error().front().file.find("no-such-file.json") != std::string::npos);
}

TEST_CASE("framework loader: a syntax error names line and column") {
    auto fw = parse_framework("{\n  \"id\": ,\n}", "x.json");
    REQUIRE_FALSE(fw.has_value());
    CHECK(fw.error().front().place == "line 2, column 9");
    CHECK(fw.error().front().message().rfind("x.json: line 2, column 9: this is not valid JSON",
                                             0) == 0);
}
