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
    WarmUp warm_up(defs, WarmUpPlan{.staff = 3000, .min_passes = 1, .max_passes = 1});
    int steps = 0;
    while (warm_up.step())
        ++steps;
    CHECK(warm_up.done());
    CHECK_FALSE(warm_up.step());
    CHECK(warm_up.pass_times().size() == 1);
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

// Runs a warm-up whose every step takes the given milliseconds in each pass (a made-up clock):
// the number of passes it made.
std::size_t passes_with(const std::vector<double>& step_ms, std::size_t min_passes = 3) {
    double now = 0;
    double per_step = step_ms.front();
    WarmUp warm_up(
        eqkit::test::wres(),
        WarmUpPlan{.staff = 300, .min_passes = min_passes, .max_passes = 5, .clock_ms = [&] {
                       return now += per_step / 2;
                   }});
    while (warm_up.step()) {
        const std::size_t pass = warm_up.pass_times().size();
        per_step = step_ms[std::min(pass, step_ms.size() - 1)];
    }
    REQUIRE(warm_up.done());
    // Every pass is the same made-up work, so its time is its steps times the step's cost.
    const auto& times = warm_up.pass_times();
    for (std::size_t i = 1; i < times.size(); ++i) {
        CHECK(times[i] / step_ms[std::min(i, step_ms.size() - 1)] ==
              doctest::Approx(times[0] / step_ms[0]));
    }
    CHECK(warm_up.report().files.front().rows == 300);
    return times.size();
}

}  // namespace

TEST_CASE("warm-up: repeated until a pass is hardly faster than the one before, within limits") {
    // 10 ms a step, then 5 (the browser optimised), then 4.9: steady after the third pass.
    CHECK(passes_with({10, 5, 4.9}) == 3);
    // Still getting faster by more than 15% a pass: on to the most passes allowed.
    CHECK(passes_with({10, 8, 6, 4, 2}) == 5);
    // Not faster at all from the start: still the fewest passes asked for.
    CHECK(passes_with({10, 10, 10}) == 3);
    CHECK(passes_with({10, 10, 10}, 2) == 2);
    // Faster by 16% (10 to 8.4): another pass; then 8.4 to 8.3 is steady.
    CHECK(passes_with({10, 10, 8.4, 8.3}) == 4);
    // Faster by only 14% (10 to 8.6): steady.
    CHECK(passes_with({10, 10, 8.6, 8.3}) == 3);
}

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
