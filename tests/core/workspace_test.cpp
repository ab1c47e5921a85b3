#include <doctest/doctest.h>

#include "eqkit/workspace.hpp"
#include "sample_framework.hpp"
#include "test_support.hpp"

using namespace eqkit;

namespace {
Answer scored(int value, std::string narrative = {}) {
    Answer a;
    a.score = value;
    a.narrative = std::move(narrative);
    return a;
}
}  // namespace

TEST_CASE("workspace: edits can be undone and redone, one whole edit at a time") {
    const Registry registry = test::sample_registry();
    Workspace ws(registry);
    REQUIRE(ws.start("sample").has_value());
    CHECK_FALSE(ws.undo_label().has_value());
    REQUIRE(ws.edit("1A", scored(2)).has_value());
    REQUIRE(ws.edit("1A", scored(2, "because")).has_value());
    CHECK(ws.undo_label() == "edit 1A narrative");
    ws.undo();
    CHECK(ws.assessment().answer("1A") == scored(2));
    CHECK(ws.undo_label() == "set 1A score to 2 (Most)");
    ws.undo();
    CHECK(ws.assessment().answers.empty());
    CHECK(ws.redo_label() == "set 1A score to 2 (Most)");
    ws.redo();
    ws.redo();
    CHECK(ws.assessment().answer("1A") == scored(2, "because"));
    CHECK_FALSE(ws.redo_label().has_value());
}

TEST_CASE("workspace: a refused edit changes nothing and records no undo step") {
    const Registry registry = test::sample_registry();
    Workspace ws(registry);
    REQUIRE(ws.start("sample").has_value());
    CHECK_FALSE(ws.edit("1A", scored(9)).has_value());
    CHECK(ws.assessment().answers.empty());
    CHECK_FALSE(ws.undo_label().has_value());
}

TEST_CASE("workspace: saving clears the unsaved-changes mark, and the file opens again") {
    const Registry registry = test::sample_registry();
    test::TempDir dir;
    Workspace ws(registry);
    REQUIRE(ws.start("sample").has_value());
    CHECK(ws.dirty());
    REQUIRE(ws.edit("2B", scored(1)).has_value());
    REQUIRE(ws.save_as(dir / "a.json").has_value());
    CHECK_FALSE(ws.dirty());
    REQUIRE(ws.edit("2B", scored(3)).has_value());
    CHECK(ws.dirty());

    Workspace other(registry);
    REQUIRE(other.open(dir / "a.json").has_value());
    CHECK(other.assessment().answer("2B") == scored(1));
    CHECK_FALSE(other.dirty());
    CHECK(other.path() == dir / "a.json");
}

TEST_CASE("workspace: opening a bad file keeps the open assessment") {
    const Registry registry = test::sample_registry();
    test::TempDir dir;
    test::spit(dir / "bad.json", "not json");
    Workspace ws(registry);
    REQUIRE(ws.start("sample").has_value());
    REQUIRE(ws.edit("1A", scored(1)).has_value());
    CHECK_FALSE(ws.open(dir / "bad.json").has_value());
    CHECK(ws.assessment().answer("1A") == scored(1));
}
