#include <doctest/doctest.h>

#include "eqkit/report.hpp"
#include "sample_framework.hpp"
#include "test_support.hpp"

using namespace eqkit;

TEST_CASE("report: semantic, escaped, with totals and unconfirmed marks in words") {
    const Registry registry = test::sample_registry();
    const Framework& fw = *registry.find("sample");
    Assessment a = new_assessment(fw);
    a.title = "Care <Home> & Co";
    Answer top;
    top.score = 3;
    top.narrative = "<i>x</i>";
    top.raters = {"Staff"};
    REQUIRE(set_answer(fw, a, "1A", top).has_value());
    const std::string html = render_report_html(fw, a);
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en-GB\">", 0) == 0);
    CHECK(html.find("<h1>Care &lt;Home&gt; &amp; Co</h1>") != std::string::npos);
    CHECK(html.find("<i>") == std::string::npos);
    CHECK(html.find("&lt;i&gt;x&lt;/i&gt;") != std::string::npos);
    CHECK(html.find("<th scope=\"col\">Who rated it</th>") != std::string::npos);
    CHECK(html.find("Two &lt;B&gt;") != std::string::npos);
    CHECK(html.find("<td>3 of 6</td>") != std::string::npos);
    CHECK(html.find("UNCONFIRMED: level 3 unverified") != std::string::npos);
    CHECK(html.find("Overall rating: <strong>Low (provisional") != std::string::npos);
}

TEST_CASE("report: a CQC assessment shows its rating, rules, judgements and UNCONFIRMED facts") {
    const Framework& fw = *test::shipped_registry().find("cqc_saf");
    Assessment a = new_assessment(fw);
    for (const Group& g : fw.groups) {
        for (const Item& item : g.items) {
            Answer answer;
            answer.score = item.code == "SAFE-1" ? 1 : 4;
            REQUIRE(set_answer(fw, a, item.code, answer).has_value());
        }
    }
    const std::string html = render_report_html(fw, a);
    CHECK(html.find("<section aria-labelledby=\"rating\"><h2 id=\"rating\">Rating</h2>") !=
          std::string::npos);
    CHECK(html.find("<p>Method: How we reach a rating (from December 2024), applies from "
                    "2024-12.</p>") != std::string::npos);
    CHECK(html.find("<caption>Percentage and rating by Key question</caption>") !=
          std::string::npos);
    // 29 of 32 = 90.625%: shown rounded half up (90.63%), as the 91% is. The limit for a
    // statement scored 1 is unconfirmed, so Safe waits for the user's judgement, and so does
    // the overall rating.
    CHECK(html.find("<tr><th scope=\"row\">SAFE Safe</th><td>91%</td><td>Needs your "
                    "judgement</td><td>1 + 4 + 4 + 4 + 4 + 4 + 4 + 4 = 29 of 32 = 90.63%, "
                    "rounded to 91% → Outstanding (88–100%); Outstanding unless an unconfirmed "
                    "limit applies: needs your judgement</td></tr>") != std::string::npos);
    CHECK(html.find("<p>Overall rating: <strong>not worked out yet</strong></p>") !=
          std::string::npos);
    CHECK(html.find("<dd>Your judgement: not recorded yet</dd>") != std::string::npos);
    // Recorded, the judgement is shown as recorded and the rules give the overall rating.
    a.judgements["SAFE"] = {"Good", "One fall, reviewed"};
    const std::string judged = render_report_html(fw, a);
    CHECK(judged.find("<td>91%</td><td>Good</td>") != std::string::npos);
    CHECK(judged.find("<p>Overall rating: <strong>Outstanding</strong></p>") != std::string::npos);
    CHECK(judged.find("<p>Rule: principle 3: ") != std::string::npos);
    CHECK(judged.find("<li>Is there a breach of regulations?</li>") != std::string::npos);
    CHECK(judged.find("<h3 id=\"rating-judgements\">Your judgements, as recorded</h3>") !=
          std::string::npos);
    CHECK(judged.find("<dd>Your judgement: Good (One fall, reviewed)</dd>") != std::string::npos);
    CHECK(html.find("<h3 id=\"rating-rules\">Aggregation principles") != std::string::npos);
    CHECK(html.find("<h3 id=\"rating-judgements\">Needs your judgement</h3>") != std::string::npos);
    CHECK(html.find("<dt>SAFE: A quality statement scored 1 caps the key question at Requires "
                    "improvement.</dt>\n<dd>Why: ") != std::string::npos);
    CHECK(html.find("<dd>Options: Requires improvement, Good, Outstanding</dd>") !=
          std::string::npos);
    CHECK(html.find("<li><strong>UNCONFIRMED:</strong> scoring method &quot;How we reach a rating "
                    "(from December 2024)&quot;. ") != std::string::npos);
    // A framework that is not rated by percentages has no rating section.
    const Framework& eds = *test::shipped_registry().find("eds2022");
    CHECK(render_report_html(eds, new_assessment(eds)).find("id=\"rating\"") == std::string::npos);
}
