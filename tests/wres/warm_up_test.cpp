// The web faces' idle-time warm-up: a made-up workforce through the real import, a step at a time,
// that never touches a user's session.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <numeric>

#include "eqkit/workforce_api.hpp"
#include "eqkit/workforce_warm_up.hpp"
#include "wres_support.hpp"

using namespace eqkit::workforce;

namespace {

std::uint64_t sum(const std::map<std::string, std::uint64_t>& tallies) {
    return std::accumulate(tallies.begin(), tallies.end(), std::uint64_t{0},
                           [](std::uint64_t n, const auto& t) { return n + t.second; });
}

void check_warm_up(const Definitions& defs) {
    WarmUp warm_up(defs, 3000);
    int steps = 0;
    while (warm_up.step())
        ++steps;
    CHECK(warm_up.done());
    CHECK_FALSE(warm_up.step());
    // 3000 staff rows are about 170 KB: fed in slices, never in one long step.
    CHECK(steps > 10);
    const ImportReport& report = warm_up.report();
    CHECK(report.problem_count == 0);
    const auto csv_inputs =
        std::count_if(defs.inputs.begin(), defs.inputs.end(),
                      [](const auto& i) { return i.kind != InputKind::survey; });
    REQUIRE(report.files.size() == static_cast<std::size_t>(csv_inputs));
    CHECK(report.files.front().role == "staff");
    for (const FileReport& file : report.files) {
        CAPTURE(file.role);
        CHECK(file.used > 0);
        CHECK(sum(file.rejected) == 0);
        CHECK(file.rows == file.used + sum(file.excluded));
    }
    CHECK(report.files.front().rows == 3000);
}

}  // namespace

TEST_CASE("warm-up: a made-up workforce goes through every kind of row without a problem") {
    check_warm_up(eqkit::test::wres());
    check_warm_up(eqkit::test::wdes());
}

TEST_CASE("warm-up: the session's own import is left alone, and waits for nothing") {
    WorkforceApi api(eqkit::test::shipped_registry());
    REQUIRE(api.choose("wres"));
    const std::string before = api.state_json();
    CHECK(api.warm_up_step());
    CHECK(api.state_json() == before);

    // While a real import is under way the warm-up does nothing (the import warms the same code).
    REQUIRE(api.begin("staff", "staff.csv", 0));
    REQUIRE(api.feed("person_id,ethnic_category,afc_band,clinical\nP1,A,5,Y\n"));
    CHECK_FALSE(api.warm_up_step());
    CHECK(api.progress().role == "staff");
    REQUIRE(api.end());
    REQUIRE(api.import_report() != nullptr);
    CHECK(api.import_report()->files.size() == 1);  // the warm-up's files are not in it

    int steps = 0;
    while (api.warm_up_step())
        ++steps;
    CHECK(steps > 10);
    CHECK_FALSE(api.warm_up_step());  // once done, for good
}
