// manifest.json: round trip and the strict parser's messages.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "eqkit/manifest.hpp"

using namespace eqkit;

namespace {

const std::string hash_a(64, 'a');

Manifest sample() {
    Manifest m;
    m.tool_name = "EqualityKit";
    m.tool_version = "0.1.0";
    m.frameworks.push_back({"eds2022", "2022", "EDS 2022", hash_a});
    m.assessments.push_back(
        {"eds2022", "eds2022", "2022", "Home", {"assessments/eds2022.json", 10, hash_a}});
    m.documents.push_back({{"answers.csv", 5, hash_a}, "text/csv"});
    m.documents.push_back({{"report.html", 5, hash_a}, "text/html"});
    Evidence e;
    e.id = "ev1";
    e.kind = EvidenceKind::file;
    e.title = "Policy";
    e.effective_from = "2024-01-01";
    e.added_by = "Jo";
    e.added_on = "2024-01-02";
    e.sha256 = hash_a;
    e.size = 3;
    e.media_type = "application/pdf";
    e.original_name = "p.pdf";
    e.supports = {"eds2022:1A"};
    m.evidence.push_back({e, "evidence/ev1/p.pdf"});
    return m;
}

std::string errors_after(const std::function<void(nlohmann::json&)>& edit) {
    nlohmann::json j = nlohmann::json::parse(manifest_to_json(sample()));
    edit(j);
    Checked<Manifest> parsed = parse_manifest(j.dump(), "m.json");
    REQUIRE_FALSE(parsed.has_value());
    return join_messages(parsed.error());
}

}  // namespace

TEST_CASE("manifest: what is written is read back the same") {
    const Checked<Manifest> parsed = parse_manifest(manifest_to_json(sample()), "m.json");
    REQUIRE_MESSAGE(parsed.has_value(), join_messages(parsed.error()));
    CHECK(*parsed == sample());
    CHECK(parsed->files().size() == 4);
}

TEST_CASE("manifest: unsafe or clashing paths are refused") {
    CHECK(errors_after([](nlohmann::json& j) {
              j["evidence"][0]["path"] = "evidence/ev1/../../x";
          }) == "m.json: /evidence/0/path: the name goes up a folder (\"..\")\n");
    CHECK(errors_after([](nlohmann::json& j) {
              j["evidence"][0]["path"] = "evidence/ev2/p.pdf";
          }) == "m.json: /evidence/0/path: expected \"evidence/ev1/<file name>\"\n");
    CHECK(errors_after([](nlohmann::json& j) { j["documents"][0]["path"] = "/etc/passwd"; }) ==
          "m.json: /documents/0/path: the name is an absolute path\n"
          "m.json: /documents: \"answers.csv\" is not listed\n");
    CHECK(errors_after([](nlohmann::json& j) {
              j["assessments"][0]["path"] = "assessments/x.json";
          }) == "m.json: /assessments/0/path: expected \"assessments/eds2022.json\"\n");
}

TEST_CASE("manifest: strict about keys, types, formats and references") {
    CHECK(
        errors_after([](nlohmann::json& j) {
            j["format"] = "eqkit-pack/2";
            j["tool"]["colour"] = 1;
            j["assessments"][0]["framework_version"] = "2023";
            j["evidence"][0]["size"] = -1;
        }) ==
        "m.json: /format: this pack's format is \"eqkit-pack/2\"; this version of EqualityKit "
        "reads \"eqkit-pack/1\"\n"
        "m.json: /tool/colour: unknown key \"colour\"\n"
        "m.json: /assessments/0/framework_version: \"frameworks\" lists eds2022 version \"2022\"\n"
        "m.json: /evidence/0/size: a size cannot be negative\n");
    Checked<Manifest> not_json = parse_manifest("{\"format\":", "m.json");
    REQUIRE_FALSE(not_json.has_value());
    CHECK(join_messages(not_json.error())
              .starts_with("m.json: line 1, column 11: this is not valid JSON"));
}

TEST_CASE("pack paths: what may be used") {
    CHECK(unsafe_path_reason("evidence/ev1/Minutes – March.pdf").empty());
    CHECK(unsafe_path_reason("a//b") == "the name has an empty part (\"//\" or a trailing \"/\")");
    CHECK(unsafe_path_reason("a\\b") ==
          "the name holds a character that is not allowed (\\ : * ? \" < > |)");
    CHECK(unsafe_path_reason("C:/x") ==
          "the name holds a character that is not allowed (\\ : * ? \" < > |)");
    CHECK(unsafe_path_reason("./x") == "the name has a \".\" part");
    CHECK(unsafe_path_reason(std::string("a\xff", 2)) == "the name is not valid UTF-8");
    CHECK(fold_case("Evidence/A.PDF") == "evidence/a.pdf");
}
