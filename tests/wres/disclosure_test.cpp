// Disclosure control: primary suppression of small counts, secondary suppression where a hidden
// count could be worked out from a total, and figures resting on hidden counts hidden too.
#include <doctest/doctest.h>

#include "eqkit/disclosure.hpp"
#include "eqkit/workforce_indicators.hpp"
#include "wres_support.hpp"

using namespace eqkit;
using namespace eqkit::workforce;

TEST_CASE("disclosure: counts from 1 to threshold - 1 are suppressed; 0 and larger are shown") {
    Disclosure d(10);
    const std::size_t zero = d.add(0);
    const std::size_t one = d.add(1);
    const std::size_t nine = d.add(9);
    const std::size_t ten = d.add(10);
    const std::size_t none = d.add(std::nullopt);
    d.run();
    CHECK_FALSE(d.suppressed(zero));
    CHECK(d.suppressed(one));
    CHECK(d.suppressed(nine));
    CHECK_FALSE(d.suppressed(ten));
    CHECK_FALSE(d.suppressed(none));
    CHECK(d.suppressed_count() == 2);
    CHECK(d.secondary_count() == 0);
}

TEST_CASE("disclosure: threshold 0 or 1 suppresses nothing") {
    for (std::int64_t t : {0, 1}) {
        Disclosure d(t);
        const std::size_t c = d.add(1);
        d.run();
        CHECK_FALSE(d.suppressed(c));
    }
}

TEST_CASE("disclosure: one hidden part of a shown total hides the smallest other non-zero part") {
    // White 50 + BME 3 + Unknown 20 = 73. BME 3 alone hidden would be 73 - 50 - 20 = 3, so the
    // smallest other non-zero part, Unknown 20, is hidden too; then BME + Unknown = 23 only.
    Disclosure d(10);
    const std::size_t white = d.add(50);
    const std::size_t bme = d.add(3);
    const std::size_t unknown = d.add(20);
    const std::size_t total = d.add(73);
    d.relation({white, bme, unknown}, total);
    d.run();
    CHECK(d.suppressed(bme));
    CHECK_FALSE(d.secondary(bme));
    CHECK(d.suppressed(unknown));
    CHECK(d.secondary(unknown));
    CHECK_FALSE(d.suppressed(white));
    CHECK_FALSE(d.suppressed(total));
}

TEST_CASE("disclosure: the part hidden second is the one that matters least") {
    // Band 5: White 122 + BME 50 + Unknown 3 = 175. Unknown 3 is hidden. Hiding BME (50, the
    // smallest other part) would lose the row's BME percentage, the point of indicator 1; the
    // priority (Unknown 0, White 1, BME 2) hides White instead, and BME 50 and the total stay.
    Disclosure d(10);
    const std::size_t white = d.add(122, 1);
    const std::size_t bme = d.add(50, 2);
    const std::size_t unknown = d.add(3, 0);
    const std::size_t total = d.add(175, 3);
    d.relation({white, bme, unknown}, total);
    d.run();
    CHECK(d.suppressed(unknown));
    CHECK(d.suppressed(white));
    CHECK(d.secondary(white));
    CHECK_FALSE(d.suppressed(bme));
    CHECK_FALSE(d.suppressed(total));
}

TEST_CASE("disclosure: indicator 1 keeps the BME percentage where the unknowns are few") {
    // The same band through the engine: the BME share 50 / 175 = 28.57% is still shown.
    const Results r =
        compute(test::wres(), test::counts_from(R"({"format": "eqkit-wres-counts/1", "bands": [
        {"band": "5", "clinical": true, "white": 122, "bme": 50, "unknown": 3},
        {"band": "6", "clinical": true, "white": 140, "bme": 60, "unknown": 4}]})"),
                nullptr, {10});
    const RowResult& band5 = r.indicators[0].current.representation.rows[0];
    CHECK(band5.key == "5");
    CHECK(band5.percents[1].state == State::shown);
    CHECK(band5.percents[1].value == doctest::Approx(100.0 * 50 / 175));
    CHECK(band5.cells.groups[0].state == State::suppressed);  // White, to protect Unknown
    CHECK(band5.cells.groups[0].secondary);
}

TEST_CASE("disclosure: a zero part is never picked, it protects nothing") {
    // 12 + 3 + 0 = 15: hiding the 0 would still leave 15 - 12 = 3, so the 12 is hidden.
    Disclosure d(10);
    const std::size_t a = d.add(12);
    const std::size_t b = d.add(3);
    const std::size_t c = d.add(0);
    const std::size_t total = d.add(15);
    d.relation({a, b, c}, total);
    d.run();
    CHECK(d.suppressed(a));
    CHECK(d.secondary(a));
    CHECK_FALSE(d.suppressed(c));
}

TEST_CASE("disclosure: two hidden parts already protect each other") {
    Disclosure d(10);
    const std::size_t a = d.add(4);
    const std::size_t b = d.add(5);
    const std::size_t c = d.add(40);
    const std::size_t total = d.add(49);
    d.relation({a, b, c}, total);
    d.run();
    CHECK(d.secondary_count() == 0);
    CHECK_FALSE(d.suppressed(c));
}

TEST_CASE("disclosure: secondary suppression carries across rows and columns until stable") {
    // Two rows (bands) by two columns (groups) with row and column totals:
    //            White  BME | total
    //   band 5     40     4 |  44
    //   band 6     30    25 |  55
    //   total      70    29 |  99
    // BME band 5 (4) is hidden. Row band 5: its only other part, White band 5 (40), is hidden.
    // Column White now has one hidden: White band 6 (30) is hidden. Column BME has one hidden:
    // BME band 6 (25) is hidden. Row band 6 then has two hidden. Nothing can be worked out.
    Disclosure d(10);
    const std::size_t w5 = d.add(40), b5 = d.add(4), t5 = d.add(44);
    const std::size_t w6 = d.add(30), b6 = d.add(25), t6 = d.add(55);
    const std::size_t tw = d.add(70), tb = d.add(29), tt = d.add(99);
    d.relation({w5, b5}, t5);
    d.relation({w6, b6}, t6);
    d.relation({w5, w6}, tw);
    d.relation({b5, b6}, tb);
    d.relation({t5, t6}, tt);
    d.relation({tw, tb}, tt);
    d.run();
    CHECK(d.suppressed(b5));
    CHECK(d.suppressed(w5));
    CHECK(d.suppressed(b6));
    CHECK(d.suppressed(w6));
    CHECK_FALSE(d.suppressed(t5));
    CHECK_FALSE(d.suppressed(tt));
    CHECK(d.secondary_count() == 3);
}

TEST_CASE("disclosure: a ratio resting on a suppressed count is hidden, not only the count") {
    // The issue's example: 9 BME staff entered a formal disciplinary investigation. With
    // suppression at 10 the count is hidden and so is indicator 3; indicator 2 rests on counts
    // of 31 or more and is shown.
    const Counts counts = test::counts_file("issue_counts.json");
    const Results r = compute(test::wres(), counts, nullptr, {10});
    const IndicatorResult& ind3 = r.indicators[2];
    CHECK(ind3.current.value.state == State::suppressed);
    CHECK(ind3.current.likelihood->events.groups[1].state == State::suppressed);
    CHECK(ind3.current.likelihood->lower.state == State::suppressed);
    CHECK(ind3.current.likelihood->rates[1].state == State::suppressed);
    CHECK(r.indicators[1].current.value.state == State::shown);
    // Board: White 10, BME 2, Unknown 0 = 12. BME 2 is hidden, and White 10 with it (else
    // 12 - 10 - 0 = 2), so indicator 9 is hidden.
    const BoardResult& board = r.indicators[8].current.board.front();
    CHECK(board.board.groups[1].state == State::suppressed);
    CHECK(board.board.groups[0].state == State::suppressed);
    CHECK(board.board.groups[0].secondary);
    CHECK(board.board.groups[2].state == State::shown);
    CHECK(board.board.total.state == State::shown);
    CHECK(board.difference.state == State::suppressed);
    CHECK(r.indicators[8].current.value.state == State::suppressed);
}

TEST_CASE("disclosure: completeness with few unknowns shows only a lower bound") {
    // 3,000 White + 700 BME + 5 Unknown = 3,705. The 5 is hidden, so the exact 99.87% would
    // reveal it; shown instead: at least (3,705 - 9) / 3,705 = 99.757%.
    const Counts counts = test::counts_from(
        R"({"format": "eqkit-wres-counts/1", "headcount": {"white": 3000, "bme": 700, "unknown": 5}})");
    const Results r = compute(test::wres(), counts, nullptr, {10});
    CHECK(r.completeness.percent_known.state == State::suppressed);
    REQUIRE(r.completeness.at_least);
    CHECK(*r.completeness.at_least == doctest::Approx(100.0 * 3696 / 3705));
    const Results open = compute(test::wres(), counts, nullptr, {0});
    CHECK(open.completeness.percent_known.value == doctest::Approx(100.0 * 3700 / 3705));
}
