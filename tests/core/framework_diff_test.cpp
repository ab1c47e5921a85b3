#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "eqkit/files.hpp"
#include "eqkit/framework_diff.hpp"
#include "eqkit/json_api.hpp"
#include "eqkit/migration_offer.hpp"
#include "sample_framework.hpp"
#include "test_support.hpp"

using namespace eqkit;

namespace {

// EDS 2022 as shipped, and a made-up next version: 1A retitled, 3C removed, 4A added, and the
// top level (3) dropped from the scale.
struct Versions {
    Framework old_fw = *test::shipped_registry().find("eds2022");
    Framework new_fw = next(old_fw);

    static Framework next(Framework fw) {
        fw.version = "2099";
        fw.groups[0].items[0].title = "Everyone can use the service";
        fw.groups[2].items.pop_back();
        Item added;
        added.code = "4A";
        added.title = "A new outcome";
        fw.groups[2].items.push_back(added);
        fw.scale.levels.pop_back();
        return fw;
    }
};

Answer scored(int score, std::string narrative = "") {
    Answer a;
    a.score = score;
    a.narrative = std::move(narrative);
    return a;
}

}  // namespace

TEST_CASE("framework diff: added, removed, retitled and rescaled") {
    const Versions v;
    const FrameworkDiff diff = diff_frameworks(v.old_fw, v.new_fw);
    CHECK(diff.old_version == "2022");
    CHECK(diff.new_version == "2099");
    CHECK(diff.added == std::vector<std::string>{"4A"});
    CHECK(diff.removed == std::vector<std::string>{"3C"});
    REQUIRE(diff.retitled.size() == 1);
    CHECK(diff.retitled[0].code == "1A");
    CHECK(diff.retitled[0].new_title == "Everyone can use the service");
    CHECK(diff.rescaled);
    CHECK(diff_frameworks(v.old_fw, v.old_fw).empty());
}

TEST_CASE("framework migration: answers carried by code, marked needs review, none lost unlisted") {
    const Versions v;
    Assessment a = new_assessment(v.old_fw);
    a.title = "Ours";
    a.answers["1A"] = scored(2, "Interpreters");
    a.answers["2B"] = scored(3, "Kept");  // 3 is not on the new scale
    a.answers["3C"] = scored(1, "Gone");  // 3C is not in the new version
    const Migration m = migrate_assessment(a, v.old_fw, v.new_fw);
    CHECK(m.assessment.framework_version == "2099");
    CHECK(m.assessment.title == "Ours");
    CHECK(m.needs_review == std::vector<std::string>{"1A", "2B"});
    Answer carried = scored(2, "Interpreters");
    carried.needs_review = true;  // in the file, until the user confirms it
    CHECK(m.assessment.answer("1A") == carried);
    CHECK(m.assessment.answer("2B").needs_review);
    CHECK_FALSE(m.assessment.answer("2B").score.has_value());
    CHECK(m.assessment.answer("2B").narrative == "Kept");
    REQUIRE(m.not_carried.size() == 2);
    CHECK(m.not_carried[0].code == "2B");
    CHECK(m.not_carried[0].reason == "score 3 is not on the new scale; the rest was carried");
    CHECK(m.not_carried[1].code == "3C");
    CHECK(m.not_carried[1].reason == "the new version 2099 has no item 3C");
    // Every answer given is either carried or listed.
    CHECK(m.needs_review.size() + 1 == a.answers.size());
}

TEST_CASE("framework migration: an answer goes to the item a mapping says is the same") {
    Registry registry;
    registry.load_text(test::sample_framework_json(), "sample.json");
    std::string next = test::sample_framework_json();
    next.replace(next.find("\"id\": \"sample\""), 14, "\"id\": \"sample_next\"");
    next.replace(next.find("\"code\": \"2B\""), 12, "\"code\": \"2C\"");
    registry.load_text(next, "next.json");
    registry.load_mapping_text(R"({"format": "eqkit-mapping/1", "id": "sample_next",
      "title": "Sample to next", "from": "sample", "to": "sample_next", "official": false,
      "source": {"title": "Tests"}, "rows": [
        {"from": "2B", "to": "2C", "relationship": "equal", "rationale": "Renumbered"},
        {"from": "1A", "to": "2A", "relationship": "intersect", "rationale": "Overlaps"}]})",
                               "mapping.json");
    REQUIRE(registry.failures().empty());
    const Framework& old_fw = *registry.find("sample");
    const Framework& new_fw = *registry.find("sample_next");
    Assessment a = new_assessment(old_fw);
    a.answers["2B"] = scored(2, "Kept");
    const Migration m = migrate_assessment(a, old_fw, new_fw, &registry);
    CHECK(m.needs_review == std::vector<std::string>{"2C"});
    REQUIRE(m.mapped.size() == 1);
    CHECK(m.mapped[0].from_code == "2B");
    CHECK(m.mapped[0].mapping == "sample_next");
    CHECK(m.assessment.answer("2C").narrative == "Kept");
    CHECK(m.assessment.answer("2C").needs_review);
    // Without the registry's mappings it is listed as left behind, never dropped silently.
    const Migration by_code = migrate_assessment(a, old_fw, new_fw);
    REQUIRE(by_code.not_carried.size() == 1);
    CHECK(by_code.not_carried[0].code == "2B");
}

namespace {

// The shipped registry's frameworks with EDS 2022 loaded as the made-up next version and the
// shipped one kept as an earlier version.
struct Upgraded {
    Versions v;
    Registry registry = make(v);

    // A file made with the shipped (now earlier) version: 1A answered, and 3C, which the next
    // version removes.
    [[nodiscard]] std::string last_year() const {
        Assessment a = new_assessment(v.old_fw);
        a.answers["1A"] = scored(2, "Interpreters");
        a.answers["3C"] = scored(1, "Gone");
        return assessment_to_json(v.old_fw, a);
    }

    static Registry make(const Versions& v) {
        Registry r;
        r.add(v.new_fw);
        r.add_earlier_version(v.old_fw);
        return r;
    }
};

}  // namespace

TEST_CASE("registry: earlier versions are kept apart and found by version") {
    const Registry& shipped = test::shipped_registry();
    const Framework* ais2016 = shipped.find_version("ais", "2016");
    REQUIRE(ais2016 != nullptr);
    CHECK(shipped.find("ais")->version != "2016");  // the loaded one is the newest
    CHECK(shipped.find_version("ais", shipped.find("ais")->version) == shipped.find("ais"));
    CHECK(shipped.find_version("ais", "1999") == nullptr);
    for (const Framework& fw : shipped.frameworks())
        CHECK(&fw != ais2016);
    // An earlier version of a framework that is not loaded, or one loaded twice, is a failure.
    Registry r;
    r.add_earlier_version(*ais2016);
    r.add(*shipped.find("ais"));
    r.add_earlier_version(*shipped.find("ais"));
    CHECK(r.earlier_versions().empty());
    REQUIRE(r.failures().size() == 2);
    CHECK(r.failures()[0].errors.front().reason.find("not loaded") != std::string::npos);
    CHECK(r.failures()[1].errors.front().reason.find("is loaded already") != std::string::npos);
}

TEST_CASE("migration offer: a file from an earlier version shows the changes and the carrying") {
    const Upgraded u;
    const std::string file = u.last_year();
    Checked<MigrationOffer> offer = offer_migration(file, "last-year.json", u.registry);
    REQUIRE(offer.has_value());
    CHECK(offer->from->version == "2022");
    CHECK(offer->to->version == "2099");
    CHECK(offer->diff.removed == std::vector<std::string>{"3C"});
    CHECK(offer->migration.needs_review == std::vector<std::string>{"1A"});
    const auto doc = nlohmann::json::parse(migration_offer_json(*offer));
    CHECK(doc.at("added").at(0).at("code") == "4A");
    CHECK(doc.at("retitled").at(0).at("new_title") == "Everyone can use the service");
    CHECK(doc.at("rescaled") == true);
    CHECK(doc.at("carried").at(0).at("by") == "code");
    CHECK(doc.at("not_carried").at(0).at("code") == "3C");
    // A file already at the loaded version, or for no loaded framework, is no offer.
    const std::string current = assessment_to_json(u.v.new_fw, new_assessment(u.v.new_fw));
    CHECK_FALSE(offer_migration(current, "now.json", u.registry).has_value());
    const Checked<MigrationOffer> none = offer_migration("{}", "x.json", u.registry);
    REQUIRE_FALSE(none.has_value());
    CHECK(none.error().front().file == "x.json");
}

TEST_CASE("migration offer: carrying across opens the result unsaved, answers to review") {
    const Upgraded u;
    const std::string file = u.last_year();
    Workspace ws(u.registry);
    CHECK_FALSE(ws.open_text(file, "last-year.json").has_value());  // refused as it stands
    JsonApi api(ws, nullptr);
    const auto offer = nlohmann::json::parse(api.migration_offer(file, "last-year.json"));
    CHECK(offer.at("ok") == true);
    CHECK(offer.at("from").at("version") == "2022");
    const auto done = nlohmann::json::parse(api.migrate(file, "last-year.json"));
    REQUIRE(done.at("ok") == true);
    CHECK(done.at("needs_review") == nlohmann::json::array({"1A"}));
    CHECK(done.at("not_carried").at(0).at("code") == "3C");
    REQUIRE(ws.is_open());
    CHECK(ws.framework().version == "2099");
    CHECK(ws.dirty());
    CHECK_FALSE(ws.path().has_value());  // the earlier file is never written over
    CHECK(ws.assessment().answer("1A").needs_review);
    CHECK(nlohmann::json::parse(api.confirm_review("1A")).at("ok") == true);
    CHECK_FALSE(ws.assessment().answer("1A").needs_review);
    const auto bad = nlohmann::json::parse(api.migrate("{", "broken.json"));
    CHECK(bad.at("ok") == false);
}

TEST_CASE("migration offer: an assessment kept from an earlier version is offered, never lost") {
    const Upgraded u;
    test::TempDir dir;
    const std::string kept = u.last_year();
    const std::string before = kept + "\n";  // one set aside in an earlier session
    test::spit(dir / "current.json", kept);
    test::spit(dir / "current.earlier-version.json", before);
    Workspace ws(u.registry);
    JsonApi api(ws, [&](const Workspace& w) -> Result<void> {
        return save_atomically(dir / "current.json",
                               assessment_to_json(w.framework(), w.assessment()));
    });
    api.restore(dir / "current.json");
    auto state = nlohmann::json::parse(api.state());
    CHECK(state.at("open") == false);
    CHECK(state.at("problems").empty());  // offered, not reported as unreadable
    const std::string second = (dir / "current.earlier-version-2.json").generic_string();
    REQUIRE(state.at("earlier_versions").size() == 2);
    CHECK(state.at("earlier_versions").at(0).at("file") == second);
    CHECK(test::slurp(dir / "current.earlier-version-2.json") == kept);
    CHECK(test::slurp(dir / "current.earlier-version.json") == before);  // not overwritten

    const auto offer = nlohmann::json::parse(api.kept_migration_offer(second));
    CHECK(offer.at("ok") == true);
    CHECK(offer.at("from").at("version") == "2022");
    CHECK(offer.at("not_carried").at(0).at("code") == "3C");
    const auto done = nlohmann::json::parse(api.migrate_kept(second));
    REQUIRE(done.at("ok") == true);
    CHECK(done.at("needs_review") == nlohmann::json::array({"1A"}));
    CHECK(ws.framework().version == "2099");
    CHECK(test::slurp(dir / "current.carried.json") == kept);  // the answers as given, kept
    CHECK(nlohmann::json::parse(test::slurp(dir / "current.json")).at("framework").at("version") ==
          "2099");
    state = nlohmann::json::parse(api.state());
    REQUIRE(state.at("earlier_versions").size() == 1);  // the other one is still offered
    CHECK(nlohmann::json::parse(api.migrate_kept(second)).at("ok") == false);
    CHECK(nlohmann::json::parse(api.kept_migration_offer("/etc/passwd")).at("ok") == false);
}
