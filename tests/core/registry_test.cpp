#include <doctest/doctest.h>

#include "eqkit/plugins.hpp"
#include "sample_framework.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace eqkit;

TEST_CASE("registry: one bad framework file does not stop the others loading") {
    test::TempDir dir;
    fs::create_directories(dir / "good");
    fs::create_directories(dir / "broken");
    fs::create_directories(dir / "not_a_plugin");
    test::spit(dir / "good" / "framework.json", test::sample_framework_json());
    test::spit(dir / "broken" / "framework.json", "{ \"format\": ");
    const Registry registry = load_registry(dir.path());
    REQUIRE(registry.frameworks().size() == 1);
    CHECK(registry.find("sample") != nullptr);
    REQUIRE(registry.failures().size() == 1);
    CHECK(registry.failures()[0].file == (dir / "broken" / "framework.json").generic_string());
    CHECK(registry.failures()[0].errors.front().place == "line 1, column 13");
}

TEST_CASE("registry: a second framework with the same id is refused, naming the first") {
    Registry registry;
    registry.load_text(test::sample_framework_json(), "a.json");
    registry.load_text(test::sample_framework_json(), "b.json");
    CHECK(registry.frameworks().size() == 1);
    REQUIRE(registry.failures().size() == 1);
    CHECK(registry.failures()[0].errors[0].message() ==
          "b.json: /id: id \"sample\" is already used by a.json");
}

TEST_CASE("registry: a computed hook must be registered") {
    std::string json = test::sample_framework_json();
    json.insert(json.rfind('}'), R"(, "computed": [ { "hook": "test.hook" } ])");
    Registry without;
    without.load_text(json, "x.json");
    REQUIRE(without.failures().size() == 1);
    CHECK(without.failures()[0].errors[0].place == "/computed/0/hook");
    Registry with;
    with.add_hook({"test.hook", "for tests"});
    with.load_text(json, "x.json");
    CHECK(with.failures().empty());
    CHECK(with.frameworks().size() == 1);
}

TEST_CASE("registry: a framework dropped into the plugins folder appears without rebuilding") {
    test::TempDir dir;
    CHECK(load_registry(dir.path()).frameworks().empty());
    fs::create_directories(dir / "sample");
    test::spit(dir / "sample" / "framework.json", test::sample_framework_json());
    CHECK(load_registry(dir.path()).find("sample") != nullptr);
}
