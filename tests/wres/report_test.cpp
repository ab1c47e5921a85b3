// The exports: JSON (the array of indicators with number, value, numerators, denominators,
// interval and flags), CSV and HTML, all showing the same published figures, never a hidden one.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "eqkit/workforce_report.hpp"
#include "wres_support.hpp"

using namespace eqkit;
using namespace eqkit::workforce;
using nlohmann::json;

namespace {

Results issue_results(std::int64_t suppress_below) {
    static const Counts counts = test::counts_file("issue_counts.json");
    return compute(test::wres(), counts, nullptr, {suppress_below});
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("report: JSON has every indicator with number, value and the figures behind it") {
    const json doc =
        json::parse(results_json(issue_results(10), {"the counts file c.json", nullptr, {}, ""}));
    CHECK(doc["format"] == "eqkit-workforce-results/1");
    CHECK(doc["standard"] == "wres");
    CHECK(doc["method"]["interval"]["method"] == "log method (Katz)");
    CHECK(doc["suppression"]["threshold"] == 10);
    CHECK(doc["four_fifths_guide"]["confirmed"] == false);
    const json& list = doc["indicators"];
    REQUIRE(list.size() == 9);
    for (int n = 1; n <= 9; ++n) {
        CAPTURE(n);
        const json& i = list[static_cast<std::size_t>(n - 1)];
        CHECK(i["number"] == n);
        CHECK((i["value"].is_number() || i["value"].is_null()));
        CHECK(i.contains("numerators"));
        CHECK(i.contains("denominators"));
        CHECK(i.contains("interval"));
        CHECK(i["flags"].is_array());
    }
    CHECK(list[1]["value"].get<double>() == doctest::Approx(120.0 * 410 / (900.0 * 31)));
    CHECK(list[1]["numerators"]["white"]["count"] == 120);
    CHECK(list[1]["denominators"]["bme"]["count"] == 410);
    CHECK(list[1]["interval"]["method"] == "log method (Katz)");
    CHECK(list[1]["interval"]["lower"].get<double>() == doctest::Approx(1.20931).epsilon(1e-4));
    // Indicator 3 rests on 9 BME staff: hidden, value null, the 9 nowhere in the document.
    CHECK(list[2]["value"].is_null());
    CHECK(list[2]["state"] == "suppressed");
    CHECK(list[2]["numerators"]["bme"]["count"].is_null());
    CHECK(list[2]["numerators"]["bme"]["mark"] == "[c]");
    CHECK(list[2]["interval"]["lower"].is_null());
    CHECK(list[2]["flags"].get<std::vector<std::string>>()[0] == "suppressed");
    CHECK(list[2]["pooled_two_year"]["confirmed"] == false);
    CHECK(list[8]["sign_convention"].get<std::string>().rfind("Board percentage minus", 0) == 0);
}

TEST_CASE("report: with suppression off the JSON shows every count") {
    const json doc = json::parse(results_json(issue_results(0), {}));
    CHECK(doc["suppression"]["active"] == false);
    CHECK(doc["indicators"][2]["value"].get<double>() ==
          doctest::Approx(9.0 * 2505 / (725.0 * 17)));
    CHECK(doc["indicators"][2]["numerators"]["bme"]["count"] == 9);
    CHECK(doc["indicators"][8]["value"].get<double>() ==
          doctest::Approx(100.0 * 2 / 12 - 100.0 * 725 / 3296));
}

TEST_CASE("report: CSV marks suppressed cells and never prints them") {
    const std::string csv = results_csv(issue_results(10));
    CHECK(csv.rfind("standard,period,indicator,part,measure,group,value,unit,state,note\r\n", 0) ==
          0);
    CHECK(has(csv, "wres,2024-25,3,,disciplinary,BME,,people,suppressed [c],"));
    CHECK(has(csv, "wres,2024-25,2,,relative_likelihood,,1.76344086,ratio,shown,"));
    CHECK(has(csv, "UNCONFIRMED"));
    CHECK_FALSE(has(csv, ",9,people"));
}

TEST_CASE("report: HTML is one accessible page with charts that have text alternatives") {
    const std::string html =
        results_html(issue_results(10), {"the counts file c.json", nullptr, {}, "Sunrise <Trust>"});
    CHECK(has(html, "<html lang=\"en-GB\">"));
    CHECK(has(html, "<h1>NHS Workforce Race Equality Standard (WRES): 2024-25</h1>"));
    CHECK(has(html, "Sunrise &lt;Trust&gt;"));
    CHECK(has(html, "<caption id=\"summary-table\">"));
    CHECK(has(html, "<th scope=\"col\">"));
    CHECK(has(html, "<th scope=\"row\">"));
    CHECK(has(html, "<svg role=\"img\" aria-labelledby=\"c2-t c2-d\""));
    CHECK(has(html, "<desc id=\"c2-d\">"));
    CHECK(has(html, "log method (Katz)"));
    CHECK(has(html, "UNCONFIRMED:"));
    CHECK(has(html, "four-fifths guide (not official, unconfirmed)"));
    CHECK(has(html, "Sign convention: Board percentage minus workforce percentage"));
    CHECK(has(html, "[c]</span><span class=\"vh\">suppressed</span>"));
    CHECK_FALSE(has(html, "<script"));
}

TEST_CASE("report: sentence and value text") {
    const Results r = issue_results(10);
    CHECK(sentence(r.indicators[1]) ==
          "White applicants were 1.76 times as likely as BME applicants to be appointed from "
          "shortlisting.");
    CHECK(sentence(r.indicators[2]).empty());  // hidden: no sentence gives it away
    CHECK(describe_value(r.indicators[0], r.indicators[0].current.value) == "22.0%");
    CHECK(format_points(-5.329) == "-5.3 percentage points");
    CHECK(format_points(2.33) == "+2.3 percentage points");
}
