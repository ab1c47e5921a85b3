#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "eqkit/crosswalk_suggestions.hpp"
#include "test_support.hpp"

using namespace eqkit;

namespace {

// A workspace with an EDS 2022 assessment that answered 1A, a note supporting eds2022:1A, and an
// empty CQC quality statements assessment.
struct Workspace {
    test::TempDir dir;
    WorkspaceFolder folder = make();

    WorkspaceFolder make() {
        const Registry& registry = test::shipped_registry();
        Result<WorkspaceFolder> made = WorkspaceFolder::create(dir / "ws", registry);
        REQUIRE(made.has_value());
        const Framework& eds = *registry.find("eds2022");
        REQUIRE(made->add_assessment(eds, "Ours", "eds2022").has_value());
        REQUIRE(made->add_assessment(*registry.find("cqc_saf"), "Ours", "cqc").has_value());
        Assessment a = made->find_assessment("eds2022")->assessment;
        Answer answer;
        answer.score = 2;
        answer.narrative = "Interpreters on request.";
        REQUIRE(set_answer(eds, a, "1A", answer).has_value());
        REQUIRE(made->save_assessment("eds2022", a).has_value());
        EvidenceDetails details;
        details.title = "Access audit";
        details.supports = {"eds2022:1A"};
        details.added_by = "Sam";
        Checked<std::string> note = made->add_note("Audit notes", details, "2026-01-10");
        REQUIRE_MESSAGE(note.has_value(), (note ? std::string() : join_messages(note.error())));
        return std::move(*made);
    }
};

const ItemRef res5{"cqc_saf", "RES-5"};

}  // namespace

TEST_CASE("crosswalk suggestions: evidence and answers given for a linked item, not copied") {
    Workspace ws;
    const std::vector<Suggestion> found = suggestions(ws.folder, res5, "cqc");
    REQUIRE(found.size() == 2);
    CHECK(found[0].kind == SuggestionKind::evidence);
    CHECK(found[0].link.ref() == "eds2022:1A");
    CHECK(found[0].evidence_title == "Access audit");
    CHECK(found[1].kind == SuggestionKind::answer);
    CHECK(found[1].assessment_id == "eds2022");
    CHECK(found[1].answer.score == 2);
    // Nothing changed by looking.
    CHECK(ws.folder.find_assessment("cqc")->assessment.answers.empty());
    CHECK_FALSE(ws.folder.evidence().at(0).supports_item("cqc_saf:RES-5"));
    const auto doc = nlohmann::json::parse(suggestions_json(res5, found));
    CHECK(doc.at("suggestions").at(1).at("relationship_words") == "overlaps with");
}

TEST_CASE(
    "crosswalk suggestions: accepting attaches evidence and carries the answer with its "
    "source, marked needs review") {
    Workspace ws;
    const std::vector<Suggestion> found = suggestions(ws.folder, res5, "cqc");
    REQUIRE(found.size() == 2);
    for (const Suggestion& s : found)
        REQUIRE(accept_suggestion(ws.folder, res5, "cqc", s, "Sam", "2026-11-23").has_value());
    CHECK(ws.folder.evidence().at(0).supports_item("cqc_saf:RES-5"));
    const Answer& carried = ws.folder.find_assessment("cqc")->assessment.answer("RES-5");
    CHECK(carried.narrative ==
          "From EDS 2022 1A (assessment eds2022), accepted by Sam on 2026-11-23; needs review: "
          "score 2 (Achieving activity). Interpreters on request.");
    // The link is an overlap between different scales: the score is not carried.
    CHECK_FALSE(carried.score.has_value());
    // Both are now taken up, so neither is suggested again.
    CHECK(suggestions(ws.folder, res5, "cqc").empty());
}

TEST_CASE(
    "crosswalk suggestions: an answer can only be carried into an assessment of the "
    "item's framework") {
    Workspace ws;
    const std::vector<Suggestion> found = suggestions(ws.folder, res5);
    REQUIRE(found.size() == 2);
    Result<void> wrong =
        accept_suggestion(ws.folder, res5, "eds2022", found[1], "Sam", "2026-11-23");
    REQUIRE_FALSE(wrong.has_value());
    CHECK(wrong.error().reason == "the assessment \"eds2022\" is not a cqc_saf assessment");
    CHECK_FALSE(accept_suggestion(ws.folder, res5, "nope", found[1], "Sam", "2026-11-23"));
}
