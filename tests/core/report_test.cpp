#include <doctest/doctest.h>

#include "eqkit/report.hpp"
#include "sample_framework.hpp"

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
