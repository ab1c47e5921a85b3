#include <doctest/doctest.h>

#include "eqkit/framework_diff.hpp"
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
