#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "eqkit/form.hpp"
#include "sample_framework.hpp"

using namespace eqkit;
using nlohmann::json;

using test::answer_with;

TEST_CASE("form: a question page needs a rating unless saved as a draft") {
    const Registry registry = test::sample_registry();
    const Framework& fw = *registry.find("sample");
    const auto errors =
        validate_item_page(fw, "1A", answer_with(std::nullopt, "typed"), Submit::save);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] == FieldError{"score", "Select a rating for outcome 1A"});
    CHECK(validate_item_page(fw, "1A", answer_with(std::nullopt, "typed"), Submit::draft).empty());
    CHECK(validate_item_page(fw, "1A", answer_with(2), Submit::save).empty());
}

TEST_CASE("form: narrative length is counted as the NHS.UK character count counts it") {
    const Registry registry = test::sample_registry();
    const Framework& fw = *registry.find("sample");
    // Limit 10: nine letters and an emoji are 11 UTF-16 units.
    const auto errors =
        validate_item_page(fw, "1A", answer_with(1, "123456789\xF0\x9F\x98\x80"), Submit::save);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].field == "narrative");
    CHECK(errors[0].message == "Narrative must be 10 characters or fewer");
    CHECK(validate_item_page(fw, "1A", answer_with(1, "12345678\xF0\x9F\x98\x80"), Submit::save)
              .empty());
}

TEST_CASE("form: every problem on a page is reported, rating first") {
    const Registry registry = test::sample_registry();
    const Framework& fw = *registry.find("sample");
    const auto errors =
        validate_item_page(fw, "1A", answer_with(7, std::string(11, 'x'), {" "}), Submit::save);
    REQUIRE(errors.size() == 3);
    CHECK(errors[0].field == "score");
    CHECK(errors[1].field == "narrative");
    CHECK(errors[2].field == "raters");
}

TEST_CASE("form: task statuses follow what was saved") {
    CHECK(task_status(Answer{}) == TaskStatus::not_started);
    CHECK(task_status(answer_with(std::nullopt, "draft")) == TaskStatus::in_progress);
    CHECK(task_status(answer_with(0)) == TaskStatus::completed);
    CHECK(task_status_label(TaskStatus::in_progress) == "In progress");
}

TEST_CASE("form: the model carries pages, fields, messages and unconfirmed marks") {
    const Registry registry = test::sample_registry();
    const Framework& fw = *registry.find("sample");
    const json model = json::parse(form_model_json(fw));
    CHECK(model["format"] == "eqkit-form/1");
    REQUIRE(model["pages"].size() == 4);
    const json& page = model["pages"][3];
    CHECK(page["item"] == "2B");
    CHECK(page["heading"] == "2B: Two <B>");
    CHECK(page["caption"] == "Domain 2: Second");
    CHECK(page["messages"]["score_required"] == "Select a rating for outcome 2B");
    REQUIRE(page["fields"].size() == 3);
    CHECK(page["fields"][0]["options"][3]["confirmed"] == false);
    CHECK(page["fields"][0]["options"][3]["note"] == "level 3 unverified");
    CHECK(page["fields"][1]["max_length"] == 10);
    CHECK(page["fields"][2]["options"][0] == "Staff");
}

TEST_CASE("form: results give totals, band and a status per task") {
    const Registry registry = test::sample_registry();
    const Framework& fw = *registry.find("sample");
    Assessment a = new_assessment(fw);
    REQUIRE(set_answer(fw, a, "1A", answer_with(3)).has_value());
    REQUIRE(set_answer(fw, a, "2A", answer_with(std::nullopt, "notes")).has_value());
    const json r = json::parse(results_json(fw, a));
    CHECK(r["total"] == 3);
    CHECK(r["max"] == 12);
    CHECK(r["complete"] == false);
    CHECK(r["band"]["label"] == "Low");
    CHECK(r["groups"][0]["total"] == 3);
    CHECK(r["tasks"][0]["status_label"] == "Completed");
    CHECK(r["tasks"][0]["score_label"] == "All");
    CHECK(r["tasks"][1]["status"] == "not_started");
    CHECK(r["tasks"][2]["status"] == "in_progress");
    REQUIRE(r["unconfirmed"].size() == 1);
    CHECK(r["unconfirmed"][0]["what"] == "scale level 3 \"All\"");
}
