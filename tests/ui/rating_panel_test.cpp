// The totals panel's rating section for frameworks rated by percentages (CQC single assessment
// framework): the app is driven headlessly through SetAnswer commands, and the lines the panel
// draws are checked against the core's rating and the hand-worked numbers.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "app.hpp"
#include "eqkit/rating.hpp"
#include "headless.hpp"
#include "screens/totals_panel.hpp"

using namespace eqkit;

namespace {

Answer scored(int value) {
    Answer answer;
    answer.score = value;
    return answer;
}

bool has_line(const std::vector<ui::RatingLine>& lines, ui::RatingLine::Kind kind,
              const std::string& text) {
    return std::any_of(lines.begin(), lines.end(), [&](const ui::RatingLine& line) {
        return line.kind == kind && line.text == text;
    });
}

bool has_text(const std::vector<ui::RatingLine>& lines, const std::string& part) {
    return std::any_of(lines.begin(), lines.end(), [&](const ui::RatingLine& line) {
        return line.text.find(part) != std::string::npos;
    });
}

using Kind = ui::RatingLine::Kind;

}  // namespace

TEST_CASE("rating panel: frameworks without percentage ratings have no rating section") {
    test::AppFixture f;
    f.run(ui::StartAssessment{"eds2022"}, 2);
    REQUIRE(f.ws.is_open());
    CHECK(ui::rating_lines(f.ws.framework(), f.ws.assessment()).empty());
}

TEST_CASE("rating panel: CQC key question percentages and ratings, as the core works them out") {
    test::AppFixture f;
    f.run(ui::StartAssessment{"cqc_saf"}, 2);
    REQUIRE(f.ws.is_open());
    // Safe: 3 + 3 + 4 + 2 = 12 of 4 × 4 = 16 → 75%, in the Good band (63–87).
    f.run(ui::SetAnswer{"SAFE-1", scored(3)});
    f.run(ui::SetAnswer{"SAFE-2", scored(3)});
    f.run(ui::SetAnswer{"SAFE-3", scored(4)});
    f.run(ui::SetAnswer{"SAFE-4", scored(2)});
    // Effective: 4 + 4 = 8 of 2 × 4 = 8 → 100%, in the Outstanding band (88–100).
    f.run(ui::SetAnswer{"EFF-1", scored(4)});
    f.run(ui::SetAnswer{"EFF-2", scored(4)}, 3);
    CHECK(f.app->problems().empty());

    const Framework& fw = f.ws.framework();
    const Result<Rating> rating = rate(fw, rating_input(fw, f.ws.assessment()));
    REQUIRE(rating.has_value());
    REQUIRE(rating->groups.size() == 5);
    CHECK(rating->groups[0].percent == 75);
    CHECK(rating->groups[0].rating == "Good");
    CHECK(rating->groups[1].percent == 100);
    CHECK(rating->groups[1].rating == "Outstanding");
    CHECK_FALSE(rating->groups[2].percent.has_value());

    const std::vector<ui::RatingLine> lines = ui::rating_lines(fw, f.ws.assessment());
    REQUIRE_FALSE(lines.empty());
    CHECK(has_line(
        lines, Kind::paragraph,
        "Method: " + rating->method_title + " (applies from " + rating->applies_from + ")"));
    CHECK(rating->applies_from == "2024-12");
    CHECK(has_line(lines, Kind::subheading, "Key question SAFE: Safe"));
    CHECK(has_line(lines, Kind::paragraph, "75%: Good"));
    CHECK(has_line(lines, Kind::paragraph, "100%: Outstanding"));
    CHECK(has_line(lines, Kind::muted, "Working: " + rating->groups[0].working));
    CHECK(has_line(lines, Kind::muted, "Nothing scored yet"));
    CHECK(has_line(lines, Kind::subheading, "How this method works"));
    CHECK(has_line(lines, Kind::paragraph, "1. " + rating->steps.at(0)));
    for (const UnconfirmedFact& fact : rating->unconfirmed) {
        CAPTURE(fact.what);
        CHECK(has_line(lines, Kind::unconfirmed, fact.what));
    }
    CHECK_FALSE(rating->unconfirmed.empty());
}

TEST_CASE("rating panel: a statement scored 1 leaves the key question to the user's judgement") {
    test::AppFixture f;
    f.run(ui::StartAssessment{"cqc_saf"}, 2);
    REQUIRE(f.ws.is_open());
    // Safe: 4 + 4 + 4 + 1 = 13 of 16 = 81.25% → 81%, but the cap for a statement scored 1 is
    // unconfirmed, so the core asks the user instead of applying it.
    for (const char* code : {"SAFE-1", "SAFE-2", "SAFE-3"})
        f.run(ui::SetAnswer{code, scored(4)});
    f.run(ui::SetAnswer{"SAFE-4", scored(1)}, 3);
    CHECK(f.app->problems().empty());

    const Framework& fw = f.ws.framework();
    const Result<Rating> rating = rate(fw, rating_input(fw, f.ws.assessment()));
    REQUIRE(rating.has_value());
    CHECK(rating->groups[0].percent == 81);
    REQUIRE_FALSE(rating->judgements.empty());

    const std::vector<ui::RatingLine> lines = ui::rating_lines(fw, f.ws.assessment());
    CHECK(has_line(lines, Kind::subheading, "Needs your judgement"));
    for (const JudgementCall& call : rating->judgements) {
        CAPTURE(call.about);
        CHECK(has_text(lines, call.reason));
        std::string options;
        for (const std::string& option : call.options)
            options += (options.empty() ? "" : ", ") + option;
        CHECK(has_line(lines, Kind::muted, "Options: " + options));
        if (!call.note.empty()) {
            CHECK(has_line(lines, Kind::muted, "Why it is not worked out for you: " + call.note));
        }
    }
    CHECK(has_text(lines, "Safe: "));
}

TEST_CASE("rating panel: the CQC local authority assessment's overall rating from its bands") {
    test::AppFixture f;
    f.run(ui::StartAssessment{"cqc_la"}, 2);
    REQUIRE(f.ws.is_open());
    // All statement scores together: 3 + 2 + 4 = 9 of 3 × 4 = 12 → 75%, in the Good band (63–87).
    f.run(ui::SetAnswer{"1", scored(3)});
    f.run(ui::SetAnswer{"2", scored(2)});
    f.run(ui::SetAnswer{"4", scored(4)}, 3);
    CHECK(f.app->problems().empty());

    const Framework& fw = f.ws.framework();
    const Result<Rating> rating = rate(fw, rating_input(fw, f.ws.assessment()));
    REQUIRE(rating.has_value());
    CHECK(rating->overall.percent == 75);
    CHECK(rating->overall.rating == "Good");
    const std::vector<ui::RatingLine> lines = ui::rating_lines(fw, f.ws.assessment());
    CHECK(has_line(lines, Kind::subheading, "Overall rating: Good (75%)"));
    CHECK(has_line(lines, Kind::paragraph, "Rule that gave it: " + rating->overall.rule));
    CHECK(has_line(lines, Kind::muted, "Working: " + rating->overall.working));
    if (rating->applies_from.empty()) {
        CHECK(has_line(lines, Kind::paragraph,
                       "Method: " + rating->method_title + " (no applies-from date given)"));
    }
}
