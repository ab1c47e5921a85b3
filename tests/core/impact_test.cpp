// The impact assessment engine: rows and their reasons, risk, sign-off, versions and review.
#include <doctest/doctest.h>

#include "eqkit/assessment.hpp"
#include "eqkit/impact.hpp"
#include "eqkit/report.hpp"
#include "test_support.hpp"

using namespace eqkit;

namespace {

const Framework& eira() {
    const Framework* fw = test::shipped_registry().find("eira_nhs");
    REQUIRE(fw != nullptr);
    return *fw;
}

RowAnswer rated(std::string impact, std::string reason = "") {
    RowAnswer row;
    row.relevance = "yes";
    row.impact = std::move(impact);
    row.reason = std::move(reason);
    return row;
}

// Every required field, row and item answered, ready to sign.
Assessment complete_eira() {
    const Framework& fw = eira();
    Assessment a = new_assessment(fw);
    a.title = "Closing the Tuesday walk-in clinic";
    for (const FormField& f : fw.fields) {
        if (!f.required) continue;
        const std::string value = f.type == FieldType::date     ? "2026-06-30"
                                  : f.type == FieldType::choice ? f.choices.front()
                                                                : "Written down";
        REQUIRE(set_field(fw, a, f.id, value).has_value());
    }
    for (const RowSubject& s : fw.rows->subjects)
        REQUIRE(set_row(fw, a, s.id, rated("neutral")).has_value());
    for (const Group& g : fw.groups) {
        for (const Item& item : g.items) {
            Answer answer;
            answer.score = 2;
            REQUIRE(set_answer(fw, a, item.code, answer).has_value());
        }
    }
    return a;
}

Signoff jo() {
    return Signoff{"Jo Bloggs", "Equality and diversity lead", "2026-01-15"};
}

}  // namespace

TEST_CASE("impact: a negative impact with no reason is refused, naming the row") {
    Assessment a = new_assessment(eira());
    Result<void> r = set_row(eira(), a, "race", rated("negative", "  "));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().place == "row race");
    CHECK(r.error().reason == "the impact is rated \"Negative (adverse)\" but no reason is given");
    CHECK(a.form.rows.empty());
    CHECK(set_row(eira(), a, "race", rated("negative", "Fewer evening slots")).has_value());
    CHECK_FALSE(set_row(eira(), a, "age", rated("unknown")).has_value());
    CHECK(set_row(eira(), a, "age", rated("neutral")).has_value());
    CHECK_FALSE(set_row(eira(), a, "favourite_colour", rated("neutral")).has_value());
}

TEST_CASE("impact: risk is scored for a negative impact only, on the matrix, before then after") {
    const Framework& fw = eira();
    Assessment a = new_assessment(fw);
    RowAnswer row = rated("positive", "More appointments");
    row.risk_before = RiskRating{3, 4};
    CHECK(set_row(fw, a, "age", row).error().reason ==
          "risk is not scored for an impact rated \"Positive\"");
    row = rated("negative", "Fewer evening slots");
    row.risk_after = RiskRating{1, 1};
    CHECK(set_row(fw, a, "age", row).error().reason == "score the risk before mitigation first");
    row.risk_before = RiskRating{3, 6};
    CHECK(set_row(fw, a, "age", row).error().reason ==
          "before mitigation: impact 6 is not on the matrix (1 to 5)");
    row.risk_before = RiskRating{3, 4};
    REQUIRE(set_row(fw, a, "age", row).has_value());
    Result<RiskResult> before = assess_risk(*fw.risk_matrix, *a.form.rows.at("age").risk_before);
    REQUIRE(before.has_value());
    CHECK(before->score == 12);
    CHECK(before->band->label == "High");
}

TEST_CASE("impact: fields are checked against their type") {
    const Framework& fw = eira();
    Assessment a = new_assessment(fw);
    CHECK(set_field(fw, a, "review_date", "31/03/2026").error().reason ==
          "write the date as YYYY-MM-DD, such as 2026-03-31");
    CHECK(set_field(fw, a, "full_assessment", "Maybe").error().reason ==
          "\"Maybe\" is not one of the choices");
    CHECK(set_field(fw, a, "no_such_field", "x").error().place == "field no_such_field");
    CHECK(set_field(fw, a, "review_date", "2026-03-31").has_value());
    CHECK(a.form.fields.at("review_date") == "2026-03-31");
}

TEST_CASE("impact: sign-off with an unanswered required field is refused, every gap named") {
    const Framework& fw = eira();
    Assessment a = complete_eira();
    REQUIRE(set_field(fw, a, "lead", "").has_value());
    REQUIRE(set_row(fw, a, "sex", RowAnswer{}).has_value());
    Checked<void> signed_off = sign_off(fw, a, jo());
    REQUIRE_FALSE(signed_off.has_value());
    REQUIRE(signed_off.error().size() == 2);
    CHECK(signed_off.error()[0].place == "field lead");
    CHECK(signed_off.error()[0].reason == "\"Lead assessor\" must be answered first");
    CHECK(signed_off.error()[1].place == "row sex");
    CHECK_FALSE(a.trail.signoff.has_value());
    CHECK_FALSE(sign_off(fw, a, Signoff{"", "Lead", "2026-01-15"}).has_value());
}

TEST_CASE("impact: sign-off then an edit gives version 2; version 1 stays byte-identical") {
    const Framework& fw = eira();
    const Registry& registry = test::shipped_registry();
    Assessment a = complete_eira();
    REQUIRE(sign_off(fw, a, jo()).has_value());
    const std::string signed_file = assessment_to_json(fw, a);
    CHECK(signed_file.find("\"signoff\"") != std::string::npos);
    CHECK(version_text(fw, a, 1).value() == signed_file);
    CHECK_FALSE(sign_off(fw, a, jo()).has_value());  // already signed

    REQUIRE(set_row(fw, a, "race", rated("negative", "Fewer evening slots")).has_value());
    CHECK(a.trail.version == 2);
    CHECK_FALSE(a.trail.signoff.has_value());
    REQUIRE(a.trail.changes.size() == 1);
    CHECK(a.trail.changes[0].version == 2);
    CHECK(a.trail.changes[0].change == "row race: impact, reason");
    CHECK(version_text(fw, a, 1).value() == signed_file);

    // Saved and read back, version 1 is still the same bytes, and version 2 signs again.
    Checked<Assessment> back = parse_assessment(assessment_to_json(fw, a), "a.json", registry);
    REQUIRE(back.has_value());
    CHECK(*back == a);
    CHECK(version_text(fw, *back, 1).value() == signed_file);
    REQUIRE(sign_off(fw, *back, Signoff{"Sam Patel", "Committee chair", "2026-02-01"}).has_value());
    Answer changed;
    changed.score = 1;
    REQUIRE(set_answer(fw, *back, "B6", changed).has_value());
    CHECK(back->trail.version == 3);
    CHECK(back->trail.earlier_versions.size() == 2);
    CHECK(version_text(fw, *back, 1).value() == signed_file);
    CHECK(version_text(fw, *back, 2).value().find("Sam Patel") != std::string::npos);
    CHECK_FALSE(version_text(fw, *back, 4).has_value());
}

TEST_CASE("impact: an edit that changes nothing does not start a new version") {
    const Framework& fw = eira();
    Assessment a = complete_eira();
    REQUIRE(sign_off(fw, a, jo()).has_value());
    REQUIRE(set_row(fw, a, "age", rated("neutral")).has_value());
    REQUIRE(set_field(fw, a, "lead", "Written down").has_value());
    CHECK(a.trail.version == 1);
    CHECK(a.trail.signoff.has_value());
}

TEST_CASE("impact: a file whose version does not match its earlier versions is refused") {
    const std::string text = R"({"format": "eqkit-assessment/1",
      "framework": {"id": "eira_nhs", "version": "1"}, "answers": [], "version": 2})";
    Checked<Assessment> a = parse_assessment(text, "a.json", test::shipped_registry());
    REQUIRE_FALSE(a.has_value());
    CHECK(a.error().front().message() ==
          "a.json: /version: version 2 needs 1 earlier signed versions in \"earlier_versions\"");
}

TEST_CASE("impact: review status from the review date and the template's window") {
    const Framework& fw = eira();
    Assessment a = new_assessment(fw);
    CHECK(review_status(fw, a, "2026-01-01").state == ReviewState::no_date);
    REQUIRE(set_field(fw, a, "review_date", "2026-03-31").has_value());
    CHECK(review_status(fw, a, "2026-02-28").state == ReviewState::not_due);  // 31 days left
    CHECK(review_status(fw, a, "2026-03-01").state == ReviewState::due);      // 30 days left
    CHECK(review_status(fw, a, "2026-03-31").state == ReviewState::due);
    const ReviewStatus late = review_status(fw, a, "2026-04-02");
    CHECK(late.state == ReviewState::overdue);
    CHECK(late.days_left == -2);
    CHECK(review_state_label(late.state) == "Overdue");
}
