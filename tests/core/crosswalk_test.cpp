#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "eqkit/crosswalk.hpp"
#include "eqkit/plugins.hpp"
#include "golden.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace eqkit;

namespace {

const fs::path bad_dir = fs::path(EQKIT_TEST_DATA_DIR) / "bad_mappings";

// The shipped frameworks and mappings, plus one more mapping document.
Registry with_mapping(const std::string& json, const std::string& label) {
    Registry registry = test::shipped_registry();
    registry.load_mapping_text(json, label);
    return registry;
}

std::string messages_for(const fs::path& file) {
    const Registry registry =
        with_mapping(test::slurp(file), "bad_mappings/" + file.filename().string());
    const std::size_t before = test::shipped_registry().failures().size();
    if (registry.failures().size() == before) return "(loaded without errors)\n";
    return join_messages(registry.failures().back().errors);
}

const CrosswalkLink* find_link(const std::vector<CrosswalkLink>& links, const std::string& ref) {
    const auto it = std::find_if(links.begin(), links.end(),
                                 [&ref](const CrosswalkLink& l) { return l.ref() == ref; });
    return it == links.end() ? nullptr : &*it;
}

const std::string good_mapping = R"({
  "format": "eqkit-mapping/1", "id": "test_mapping", "title": "Test", "from": "freda",
  "to": "eds2022", "official": false,
  "source": { "title": "Made up for tests", "confirmed": false, "note": "not real" },
  "rows": [ { "from": "E", "to": "1A", "relationship": "superset", "rationale": "made up" } ] })";

}  // namespace

TEST_CASE("crosswalk: every malformed mapping file gives exactly its golden messages") {
    test::check_golden_files(bad_dir, 5, messages_for);
}

TEST_CASE("crosswalk: an unknown code is named with its file, row pointer and framework") {
    const std::string text = messages_for(bad_dir / "unknown_codes.json");
    CHECK(text.find("bad_mappings/unknown_codes.json: /rows/1/from: code \"1Z\" is not in eds2022 "
                    "(EDS 2022)") != std::string::npos);
    CHECK(text.find("/rows/2/to: code \"WL-9\" is not in cqc_saf") != std::string::npos);
    CHECK(text.find("/rows/0/") == std::string::npos);
}

TEST_CASE("crosswalk: a bad mapping file never stops the frameworks or other mappings") {
    Registry registry = test::shipped_registry();
    const std::size_t mappings = registry.mappings().size();
    registry.load_mapping_text(test::slurp(bad_dir / "unknown_codes.json"), "bad.json");
    registry.load_mapping_text(good_mapping, "good.json");
    CHECK(registry.mappings().size() == mappings + 1);
    CHECK(registry.frameworks().size() == test::shipped_registry().frameworks().size());
    REQUIRE(registry.failures().size() == test::shipped_registry().failures().size() + 1);
    CHECK(registry.failures().back().file == "bad.json");
}

TEST_CASE("crosswalk: a mapping id used twice is refused, naming the first file") {
    Registry registry = with_mapping(good_mapping, "one.json");
    registry.load_mapping_text(good_mapping, "two.json");
    REQUIRE_FALSE(registry.failures().empty());
    const Error& e = registry.failures().back().errors.at(0);
    CHECK(e.message() == "two.json: /id: id \"test_mapping\" is already used by one.json");
}

TEST_CASE("crosswalk: every shipped mapping loads, and every row's codes exist") {
    const Registry& registry = test::shipped_registry();
    CHECK(registry.failures().empty());
    REQUIRE(registry.mappings().size() == 11);
    for (const CrosswalkMapping& m : registry.mappings()) {
        CAPTURE(m.id);
        CHECK(check_crosswalk_mapping(m, registry).empty());
        CHECK(m.file.find("/mappings/" + m.id + ".json") != std::string::npos);
        for (const CrosswalkRow& row : m.rows) {
            CHECK_FALSE(row.rationale.empty());
            // Only CQC's own Equally Outstanding table is official; every other link is ours and
            // its file says so with an UNCONFIRMED mark.
            CHECK(row.official == (m.from == "cqc_equally_outstanding"));
            if (!row.official) CHECK_FALSE(m.source.provenance.confirmed);
        }
    }
}

TEST_CASE("crosswalk: Equally Outstanding factor 2 links to the reference table's prompts") {
    const auto asc = linked_items(test::shipped_registry(), "cqc_equally_outstanding", "2");
    std::string refs;
    for (const CrosswalkLink& l : asc)
        refs += l.ref() + " ";
    CHECK(refs ==
          "cqc_kloe_asc:W1.6 cqc_kloe_asc:C3.3 cqc_kloe_asc:C3.5 cqc_kloe_asc:R1.2 "
          "cqc_kloe_asc:R3.1 cqc_kloe_asc:S1.3 cqc_kloe_health:W3.8 cqc_kloe_health:W7.1 "
          "cqc_kloe_health:W7.2 cqc_kloe_health:S1.3 cqc_kloe_health:E1.2 cqc_kloe_health:R1.1 "
          "cqc_kloe_health:R2.1 cqc_kloe_health:R2.4 cqc_kloe_health:R2.5 "
          "cqc_kloe_health:R2.9 ");
    for (const CrosswalkLink& l : asc) {
        CHECK(l.official);
        CHECK(l.provenance.confirmed);
        CHECK_FALSE(l.reversed);
    }
}

TEST_CASE("crosswalk: walking a row backwards swaps subset and superset") {
    const Registry& registry = test::shipped_registry();
    // wres_eds2022: WRES indicator 5 is part of (subset) EDS 2022 outcome 2B.
    const auto from_wres = linked_items(registry, "wres", "5");
    const CrosswalkLink* to_2b = find_link(from_wres, "eds2022:2B");
    REQUIRE(to_2b != nullptr);
    CHECK(to_2b->relationship == Relationship::subset);
    CHECK_FALSE(to_2b->reversed);
    CHECK(relationship_words(to_2b->relationship) == "is part of");

    const auto from_2b = linked_items(registry, "eds2022", "2B");
    const CrosswalkLink* to_wres = find_link(from_2b, "wres:5");
    REQUIRE(to_wres != nullptr);
    CHECK(to_wres->relationship == Relationship::superset);
    CHECK(to_wres->reversed);
    CHECK(relationship_words(to_wres->relationship) == "covers");
    CHECK(to_wres->rationale == to_2b->rationale);
    CHECK(to_wres->title.rfind("Percentage of staff experiencing harassment", 0) == 0);
    // Overlap and equality read the same both ways.
    CHECK(inverse(Relationship::intersect) == Relationship::intersect);
    CHECK(inverse(Relationship::equal) == Relationship::equal);
}

TEST_CASE("crosswalk: EDS 2022 1A links to Equity in access, marked as ours and unconfirmed") {
    const Registry& registry = test::shipped_registry();
    const auto links = linked_items(registry, "eds2022", "1A");
    const CrosswalkLink* res5 = find_link(links, "cqc_saf:RES-5");
    REQUIRE(res5 != nullptr);
    CHECK(res5->title == "Equity in access");
    CHECK_FALSE(res5->official);
    CHECK_FALSE(res5->provenance.confirmed);
    CHECK_FALSE(res5->provenance.note.empty());
    const auto doc = nlohmann::json::parse(crosswalk_json(registry, "eds2022", "1A", links));
    CHECK(doc.at("item").at("title") ==
          "Patients (service users) have required levels of access to the service");
    const auto& first = doc.at("links").at(0);
    CHECK(first.at("relationship") == "intersect");
    CHECK(first.at("relationship_words") == "overlaps with");
    CHECK(first.at("confirmed") == false);
    CHECK(first.at("framework_title") == "CQC single assessment framework: quality statements");
}

TEST_CASE("crosswalk: an item no mapping names has no links") {
    CHECK(linked_items(test::shipped_registry(), "cqc_saf", "WL-8").empty());
    CHECK(linked_items(test::shipped_registry(), "nosuch", "1A").empty());
}
