#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "eqkit/json_api.hpp"
#include "sample_framework.hpp"
#include "test_support.hpp"

using namespace eqkit;
using nlohmann::json;

TEST_CASE("json api: start, submit a page, read state, persist each change") {
    const Registry registry = test::sample_registry();
    Workspace ws(registry);
    int persisted = 0;
    JsonApi api(ws, [&](const Workspace&) -> Result<void> {
        ++persisted;
        return {};
    });
    CHECK(json::parse(api.state())["open"] == false);
    CHECK(json::parse(api.start("nope"))["ok"] == false);
    CHECK(json::parse(api.start("sample"))["ok"] == true);

    const json bad =
        json::parse(api.submit_item("1A", R"({"score": null, "narrative": "kept"})", false));
    CHECK(bad["ok"] == false);
    REQUIRE(bad["errors"].size() == 1);
    CHECK(bad["errors"][0]["field"] == "score");
    CHECK(bad["errors"][0]["message"] == "Select a rating for outcome 1A");

    CHECK(json::parse(api.submit_item("1A", R"({"score": null, "narrative": "kept"})",
                                      true))["ok"] == true);
    CHECK(json::parse(api.submit_item("1B", R"({"score": 2, "raters": ["Staff"]})", false))["ok"] ==
          true);
    CHECK(persisted == 3);  // start + two saves; the refused page saved nothing

    const json state = json::parse(api.state());
    CHECK(state["framework"] == "sample");
    CHECK(state["results"]["total"] == 2);
    CHECK(state["results"]["tasks"][0]["status"] == "in_progress");
    CHECK(state["assessment"]["answers"][0]["narrative"] == "kept");
    CHECK(api.report_html().find("<h1>") != std::string::npos);
}

TEST_CASE("json api: malformed input from a face is refused with a reason") {
    const Registry registry = test::sample_registry();
    Workspace ws(registry);
    JsonApi api(ws, nullptr);
    REQUIRE(json::parse(api.start("sample"))["ok"] == true);
    const json r = json::parse(api.submit_item("1A", R"({"score": "two"})", false));
    CHECK(r["ok"] == false);
    CHECK(r["error"] == "answer: /score: expected a whole number, found text");
    CHECK(json::parse(api.submit_item("9Z", "{}", true))["ok"] == false);
    CHECK(json::parse(api.submit_item("1A", "{", true))["ok"] == false);
}

TEST_CASE("json api: a storage failure is reported, not hidden") {
    const Registry registry = test::sample_registry();
    Workspace ws(registry);
    JsonApi api(ws, [](const Workspace&) -> Result<void> {
        return fail("/persist/current.json", "", "the browser refused to store data");
    });
    const json r = json::parse(api.start("sample"));
    CHECK(r["ok"] == true);
    CHECK(r["saved"] == false);
    CHECK(r["warning"] == "/persist/current.json: the browser refused to store data");
}

TEST_CASE("json api: uploads open through the same checks as files") {
    const Registry registry = test::sample_registry();
    Workspace ws(registry);
    JsonApi api(ws, nullptr);
    const json bad = json::parse(api.open_text("{}", "upload.json"));
    CHECK(bad["ok"] == false);
    CHECK(bad["errors"][0] == "upload.json: /: \"format\" is missing");
    REQUIRE(json::parse(api.start("sample"))["ok"] == true);
    const std::string saved = api.assessment_json();
    CHECK(json::parse(api.open_text(saved, "upload.json"))["ok"] == true);
    CHECK(json::parse(api.frameworks())["frameworks"][0]["id"] == "sample");
}

TEST_CASE("json api: a stored assessment that no longer opens is kept aside, not lost") {
    const Registry v1 = test::sample_registry("1");
    const Registry v2 = test::sample_registry("2");
    test::TempDir dir;
    {
        Workspace ws(v1);
        REQUIRE(ws.start("sample").has_value());
        REQUIRE(ws.edit("1A", test::answer_with(2)).has_value());
        REQUIRE(ws.save_as(dir / "current.json").has_value());
    }
    const std::string stored = test::slurp(dir / "current.json");
    Workspace ws(v2);
    JsonApi api(ws, nullptr);
    api.restore(dir / "current.json");
    const json state = json::parse(api.state());
    CHECK(state["open"] == false);
    REQUIRE(state["problems"].size() == 2);
    CHECK(state["problems"][0].get<std::string>().find("/framework/version") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "current.json"));
    CHECK(test::slurp(dir / "current.unreadable.json") == stored);
}

TEST_CASE("json api: restore reopens a stored assessment") {
    const Registry registry = test::sample_registry();
    test::TempDir dir;
    {
        Workspace ws(registry);
        REQUIRE(ws.start("sample").has_value());
        REQUIRE(ws.edit("2A", test::answer_with(1)).has_value());
        REQUIRE(ws.save_as(dir / "current.json").has_value());
    }
    Workspace ws(registry);
    JsonApi api(ws, nullptr);
    api.restore(dir / "current.json");
    const json state = json::parse(api.state());
    CHECK(state["open"] == true);
    CHECK(state["results"]["total"] == 1);
    CHECK(state["problems"].empty());
    CHECK(json::parse(api.open_file(dir / "missing.json", "x.json"))["errors"][0] ==
          "x.json: the file does not exist");
}
