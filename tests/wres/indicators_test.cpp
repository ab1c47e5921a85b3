// Every WRES indicator and WDES metric from hand-worked counts, the arithmetic written out, and
// every edge: zero denominators, all unknown, one group empty, last year and two-year pooling.
#include <doctest/doctest.h>

#include <cmath>

#include "eqkit/workforce_indicators.hpp"
#include "wres_support.hpp"

using namespace eqkit;
using namespace eqkit::workforce;
using doctest::Approx;

namespace {

constexpr std::size_t white = 0, bme = 1, unknown = 2;  // WRES group order
constexpr std::size_t non_disabled = 0, disabled = 1;   // WDES group order

Results open(const Counts& now, const Definitions& defs = test::wres(),
             const Counts* before = nullptr) {
    return compute(defs, now, before, {0});  // suppression off: the arithmetic itself
}

const IndicatorResult& number(const Results& r, int n) {
    for (const IndicatorResult& i : r.indicators)
        if (i.def->number == n) return i;
    FAIL("no indicator " << n);
    return r.indicators.front();
}

bool has_flag(const IndicatorResult& r, const std::string& flag) {
    return std::find(r.flags.begin(), r.flags.end(), flag) != r.flags.end();
}

}  // namespace

TEST_CASE("indicators: the relative likelihood and its Katz interval, worked by hand") {
    // (a/n) / (b/m) with a=120, n=900, b=31, m=410:
    //   rates 120/900 = 0.133333 and 31/410 = 0.075610; ratio = 0.133333 / 0.075610 = 1.763441
    //   SE(ln RR) = sqrt(1/120 - 1/900 + 1/31 - 1/410)
    //             = sqrt(0.0083333 - 0.0011111 + 0.0322581 - 0.0024390) = sqrt(0.0370413) =
    //             0.192461
    //   ln 1.763441 = 0.567268; 1.959964 x 0.192461 = 0.377216
    //   lower = exp(0.567268 - 0.377216) = exp(0.190052) = 1.209310
    //   upper = exp(0.567268 + 0.377216) = exp(0.944484) = 2.571485
    const RatioInterval ri = relative_likelihood(120, 900, 31, 410);
    CHECK(*ri.ratio == Approx(1.763441).epsilon(1e-6));
    CHECK(*ri.lower == Approx(1.209310).epsilon(1e-5));
    CHECK(*ri.upper == Approx(2.571485).epsilon(1e-5));
}

TEST_CASE("indicators: the relative likelihood when counts are zero") {
    CHECK_FALSE(relative_likelihood(5, 0, 3, 10).ratio);           // no one in the first group
    CHECK_FALSE(relative_likelihood(5, 10, 3, 0).ratio);           // no one in the second group
    CHECK_FALSE(relative_likelihood(5, 10, 0, 10).ratio);          // second rate 0: divides by zero
    const RatioInterval zero = relative_likelihood(0, 10, 3, 10);  // first rate 0: ratio 0
    CHECK(*zero.ratio == 0.0);
    CHECK_FALSE(zero.lower);  // the log method needs a count in each group
    const RatioInterval all = relative_likelihood(10, 10, 5, 5);  // everyone: SE 0
    CHECK(*all.ratio == 1.0);
    CHECK(*all.lower == 1.0);
    CHECK(*all.upper == 1.0);
}

TEST_CASE("WRES: the nine indicators from the issue's counts, worked by hand") {
    const Results r = open(test::counts_file("issue_counts.json"));
    REQUIRE(r.indicators.size() == 9);

    // 1: BME share of the workforce = 725 / (2505 + 725 + 66) = 725 / 3296 = 21.99636%.
    CHECK(number(r, 1).current.value.value == Approx(100.0 * 725 / 3296));
    // Band 5 clinical: 120 / (300 + 120 + 5) = 120 / 425 = 28.23529% BME.
    const Representation& rep = number(r, 1).current.representation;
    REQUIRE(rep.has_bands);
    CHECK(rep.rows[0].section == "clinical");
    CHECK(rep.rows[0].key == "5");
    CHECK(rep.rows[0].percents[bme].value == Approx(100.0 * 120 / 425));
    CHECK(rep.rows[0].cells.total.value == 425);
    CHECK(rep.rows.back().key == "overall");

    // 2: White appointed from shortlisting ÷ BME = (120 / 900) / (31 / 410) = 1.763441.
    const Likelihood& l2 = *number(r, 2).current.likelihood;
    CHECK(l2.ratio.value == Approx(120.0 * 410 / (900.0 * 31)));
    CHECK(l2.rates[white].value == Approx(120.0 / 900));
    CHECK(l2.rates[bme].value == Approx(31.0 / 410));
    CHECK(l2.lower.value == Approx(1.209310).epsilon(1e-5));
    CHECK(l2.upper.value == Approx(2.571485).epsilon(1e-5));
    CHECK(l2.within_guide == false);  // 1.76 > 1.25

    // 3: BME ÷ White entering formal disciplinary investigation
    //    = (9 / 725) / (17 / 2505) = 0.0124138 / 0.0067864 = 1.829209.
    //    SE = sqrt(1/9 - 1/725 + 1/17 - 1/2505) = sqrt(0.111111 - 0.001379 + 0.058824 - 0.000399)
    //       = sqrt(0.168156) = 0.410068; ln 1.829209 = 0.603884; 1.959964 x 0.410068 = 0.803718
    //    interval exp(-0.199834) = 0.818845 to exp(1.407602) = 4.086240.
    const Likelihood& l3 = *number(r, 3).current.likelihood;
    CHECK(l3.ratio.value == Approx(9.0 * 2505 / (725.0 * 17)));
    CHECK(l3.lower.value == Approx(0.818845).epsilon(1e-4));
    CHECK(l3.upper.value == Approx(4.086240).epsilon(1e-4));
    CHECK(l3.small_numbers == false);  // the smallest count is 9, not under 5

    // 4: White ÷ BME accessing non-mandatory training = (800 / 2505) / (230 / 725)
    //    = 0.319361 / 0.317241 = 1.006682: within the four-fifths guide.
    CHECK(number(r, 4).current.value.value == Approx(800.0 * 725 / (2505.0 * 230)));
    CHECK(number(r, 4).current.likelihood->within_guide == true);
    CHECK(has_flag(number(r, 4), "within_four_fifths_guide"));

    // 5 to 8: the BME percentage as given.
    CHECK(number(r, 5).current.value.value == Approx(28.0));
    CHECK(number(r, 7).current.value.value == Approx(44.9));
    CHECK(number(r, 8).current.survey[0].values[0].value == Approx(5.9));  // White

    // 9: BME share of the voting board minus of the workforce, in percentage points:
    //    2 / 12 = 16.6667% minus 725 / 3296 = 21.9964% = -5.3297 points (under-represented).
    const BoardResult& b9 = number(r, 9).current.board.front();
    CHECK(b9.board_percent.value == Approx(100.0 * 2 / 12));
    CHECK(b9.workforce_percent.value == Approx(100.0 * 725 / 3296));
    CHECK(number(r, 9).current.value.value == Approx(100.0 * 2 / 12 - 100.0 * 725 / 3296));
    // 9 (executive): no executive counts were given.
    CHECK(number(r, 9).current.board[1].difference.state == State::not_given);

    // Completeness: (2505 + 725) / 3296 = 97.9976% known.
    CHECK(r.completeness.percent_known.value == Approx(100.0 * 3230 / 3296));
    CHECK(r.completeness.unknown.value == 66);
}

TEST_CASE("WRES: unknown ethnicity is reported but left out of the ratio") {
    // Shortlisted White 100, BME 50, Unknown 1,000; appointed 20, 5, 900. The unknowns would
    // move any pooled rate a lot; the ratio uses White and BME only: (20/100)/(5/50) = 2.
    const Results r = open(test::counts_from(
        R"({"format": "eqkit-wres-counts/1", "shortlisted": {"white": 100, "bme": 50, "unknown": 1000},
            "appointed": {"white": 20, "bme": 5, "unknown": 900}})"));
    const IndicatorResult& i2 = number(r, 2);
    CHECK(i2.current.value.value == Approx(2.0));
    CHECK(i2.current.likelihood->events.groups[unknown].value == 900);
    CHECK(i2.current.likelihood->events.total.value == 925);
    CHECK(has_flag(i2, "unknown_excluded"));
}

TEST_CASE("WRES: zero denominators make a ratio not calculable, saying why") {
    const Results r = open(test::counts_from(
        R"({"format": "eqkit-wres-counts/1", "headcount": {"white": 100, "bme": 0, "unknown": 0},
            "shortlisted": {"white": 10, "bme": 10}, "appointed": {"white": 2, "bme": 0},
            "disciplinary": {"white": 3, "bme": 0}, "training": {"white": 0, "bme": 0}})"));
    // 2: (2/10) / (0/10): the BME rate is 0, so the ratio would divide by zero.
    CHECK(number(r, 2).current.value.state == State::not_calculable);
    CHECK(number(r, 2).current.value.why ==
          "no BME applicants appointed from shortlisting, so the ratio would divide by zero");
    // 3: BME headcount is 0, so the BME rate does not exist.
    CHECK(number(r, 3).current.value.state == State::not_calculable);
    CHECK(number(r, 3).current.value.why ==
          "there are no BME staff in post, so their rate cannot be worked out");
    CHECK(has_flag(number(r, 3), "not_calculable"));
    // 4: BME headcount 0 as well.
    CHECK(number(r, 4).current.value.state == State::not_calculable);
}

TEST_CASE("WRES: a ratio of 0 has no interval by the log method") {
    // (0 / 10) / (5 / 10) = 0: White applicants were never appointed.
    const Results r = open(test::counts_from(
        R"({"format": "eqkit-wres-counts/1", "shortlisted": {"white": 10, "bme": 10}, "appointed": {"white": 0, "bme": 5}})"));
    const IndicatorResult& i2 = number(r, 2);
    CHECK(i2.current.value.state == State::shown);
    CHECK(i2.current.value.value == 0.0);
    CHECK(i2.current.likelihood->lower.state == State::not_calculable);
    CHECK(has_flag(i2, "interval_not_calculable"));
    CHECK(has_flag(i2, "small_numbers"));  // 0 is under 5
}

TEST_CASE("WRES: all staff of unknown ethnicity") {
    const Results r = open(test::counts_from(
        R"({"format": "eqkit-wres-counts/1", "headcount": {"white": 0, "bme": 0, "unknown": 40},
            "training": {"white": 0, "bme": 0, "unknown": 12}})"));
    CHECK(number(r, 1).current.value.value == 0.0);  // 0 / 40 BME
    CHECK(r.completeness.percent_known.value == 0.0);
    CHECK(number(r, 4).current.value.state == State::not_calculable);
}

TEST_CASE("WRES: one group missing from the counts means not given, not zero") {
    const Results r = open(test::counts_from(
        R"({"format": "eqkit-wres-counts/1", "shortlisted": {"white": 100}, "appointed": {"white": 20}})"));
    CHECK(number(r, 2).current.value.state == State::not_given);
    CHECK(number(r, 2).current.value.why ==
          "needs counts of applicants appointed from shortlisting and applicants shortlisted for "
          "White and BME");
    CHECK(has_flag(number(r, 2), "no_data"));
    CHECK(number(r, 5).current.value.state == State::not_given);  // no survey
}

TEST_CASE("WRES: more events than people is reported, and the ratio is not calculable") {
    const auto load = parse_counts(
        R"({"format": "eqkit-wres-counts/1", "headcount": {"white": 100, "bme": 20, "unknown": 0},
            "training": {"white": 30, "bme": 25}})",
        "counts.json", test::wres());
    REQUIRE(load);
    REQUIRE(load->problems.size() == 1);
    CHECK(load->problems[0].place == "/training/bme");
    const Results r = open(load->counts);
    CHECK(number(r, 4).current.value.state == State::not_calculable);
    CHECK(number(r, 4).current.value.why ==
          "the BME staff accessing non-mandatory training or CPD are more than the staff in post; "
          "check the data");
}

TEST_CASE("WRES: last year beside this year, and indicator 3 pooled over two years") {
    const Counts now = test::counts_file("issue_counts.json");
    const Counts before = test::counts_file("previous_counts.json");
    const Results r = open(now, test::wres(), &before);
    REQUIRE(r.has_previous);
    CHECK(r.previous_year == "2023-24");
    // Last year's indicator 2: (110 / 870) / (25 / 380) = 0.126437 / 0.065789 = 1.921839.
    REQUIRE(number(r, 2).previous);
    CHECK(number(r, 2).previous->value.value == Approx(110.0 * 380 / (870.0 * 25)));
    // Pooled indicator 3: BME (9 + 12) / (725 + 690) = 21 / 1415 = 0.0148410;
    //   White (17 + 20) / (2505 + 2480) = 37 / 4985 = 0.0074223; ratio = 1.999547.
    const IndicatorResult& i3 = number(r, 3);
    REQUIRE(i3.pooled);
    CHECK(i3.pooled->ratio.value == Approx((21.0 / 1415) / (37.0 / 4985)));
    CHECK(i3.pooled->events.groups[bme].value == 21);
    CHECK(i3.pooled->bases.groups[white].value == 4985);
    CHECK(i3.pooled->period == "2023-24 and 2024-25");
    CHECK(i3.current.value.value == Approx(9.0 * 2505 / (725.0 * 17)));  // single year stays
    CHECK_FALSE(number(r, 2).pooled);  // only indicator 3 is pooled
    // Last year's survey figure 5 for BME.
    CHECK(number(r, 5).previous->value.value == Approx(29.5));
}

TEST_CASE("WRES: pooling hides the pooled ratio when either year's count is hidden") {
    const Counts now = test::counts_file("issue_counts.json");  // BME disciplinary 9: hidden
    const Counts before = test::counts_file("previous_counts.json");
    const Results r = compute(test::wres(), now, &before, {10});
    CHECK(number(r, 3).pooled->ratio.state == State::suppressed);
    CHECK(number(r, 3).pooled->events.groups[bme].state == State::suppressed);
    CHECK(number(r, 3).previous->value.state == State::shown);  // 12 and 20: shown last year
}

TEST_CASE("WDES: the metrics from hand-worked counts") {
    const Results r = open(test::counts_file("wdes_counts.json", test::wdes()), test::wdes());
    REQUIRE(r.indicators.size() == 10);
    // 1: Disabled share of the workforce = 150 / (2000 + 150 + 350) = 150 / 2500 = 6%.
    CHECK(number(r, 1).current.value.value == Approx(6.0));
    // 2: non-disabled ÷ Disabled appointed from shortlisting = (120 / 800) / (10 / 100)
    //    = 0.15 / 0.10 = 1.5.
    CHECK(number(r, 2).current.value.value == Approx(1.5));
    // 3: Disabled ÷ non-disabled entering the capability process = (3 / 150) / (8 / 2000)
    //    = 0.02 / 0.004 = 5.0. SE = sqrt(1/3 - 1/150 + 1/8 - 1/2000)
    //    = sqrt(0.333333 - 0.006667 + 0.125 - 0.0005) = sqrt(0.451167) = 0.671690;
    //    ln 5 = 1.609438; 1.959964 x 0.671690 = 1.316488; interval exp(0.292950) = 1.340393
    //    to exp(2.925926) = 18.650 — and it rests on small numbers (3 is under 5).
    const IndicatorResult& m3 = number(r, 3);
    CHECK(m3.current.value.value == Approx(5.0));
    CHECK(m3.current.likelihood->lower.value == Approx(1.340393).epsilon(1e-4));
    CHECK(m3.current.likelihood->upper.value == Approx(18.650).epsilon(1e-3));
    CHECK(m3.current.likelihood->small_numbers);
    CHECK(has_flag(m3, "small_numbers"));
    // 4: the headline is 4a (i) for Disabled staff; parts (ii) and (iii) were not given.
    CHECK(number(r, 4).current.value.value == Approx(31.5));
    CHECK(number(r, 4).current.survey.size() == 4);
    CHECK(number(r, 4).current.survey[1].values[disabled].state == State::not_given);
    // 8 asks Disabled staff only.
    CHECK(number(r, 8).current.value.value == Approx(72.4));
    // 9a: engagement scores, with the whole organisation beside them.
    CHECK(number(r, 9).current.value.value == Approx(6.4));
    CHECK(number(r, 9).current.survey[0].values[2].value == Approx(6.8));
    // 10: Disabled share of the voting board minus of the workforce:
    //     1 / (9 + 1 + 2) = 8.3333% minus 6% = +2.3333 points; executive 0 / 6 - 6% = -6 points.
    CHECK(number(r, 10).current.value.value == Approx(100.0 / 12 - 6.0));
    CHECK(number(r, 10).current.board[1].difference.value == Approx(-6.0));
    CHECK(number(r, 2).current.likelihood->events.groups[non_disabled].value == 120);
}

TEST_CASE("WDES: one engine, the other characteristic: the same counts give WRES-shaped results") {
    // The engine has no WRES or WDES code: the same arithmetic serves both definitions.
    const Counts w = test::counts_from(
        R"({"format": "eqkit-wres-counts/1", "shortlisted": {"white": 800, "bme": 100}, "appointed": {"white": 120, "bme": 10}})");
    const Counts d = test::counts_from(
        R"({"format": "eqkit-wdes-counts/1", "shortlisted": {"non_disabled": 800, "disabled": 100}, "appointed": {"non_disabled": 120, "disabled": 10}})",
        test::wdes());
    CHECK(number(open(w), 2).current.value.value ==
          number(open(d, test::wdes()), 2).current.value.value);
}

TEST_CASE("indicators: unconfirmed facts travel with the figures that rest on them") {
    const Results r = open(test::counts_file("issue_counts.json"));
    CHECK(has_flag(number(r, 2), "unconfirmed"));  // unknowns left out; four-fifths guide
    CHECK(has_flag(number(r, 9), "unconfirmed"));  // sign convention
    bool pooled = false;
    for (const Unconfirmed& u : number(r, 3).unconfirmed)
        pooled = pooled || u.what.find("Two-year pooled") != std::string::npos;
    CHECK(pooled);
}
