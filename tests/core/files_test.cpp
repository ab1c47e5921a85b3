#include <doctest/doctest.h>

#include "eqkit/files.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace eqkit;

TEST_CASE("atomic save: writes the file and leaves no temporary behind") {
    test::TempDir dir;
    REQUIRE(save_atomically(dir / "a.json", "first").has_value());
    CHECK(test::slurp(dir / "a.json") == "first");
    REQUIRE(save_atomically(dir / "a.json", "second, longer").has_value());
    CHECK(test::slurp(dir / "a.json") == "second, longer");
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path()))
        ++entries;
    CHECK(entries == 1);
}

TEST_CASE("atomic save: a failed save leaves the old file untouched and says why") {
    test::TempDir dir;
    REQUIRE(save_atomically(dir / "a.json", "kept").has_value());
    fs::create_directory(dir / "a.json.d");
    // Renaming a file over a non-empty folder fails after the data was written.
    test::spit(dir / "a.json.d" / "x", "x");
    auto r = save_atomically(dir / "a.json.d", "new");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().reason.rfind("cannot replace the file", 0) == 0);
    CHECK(test::slurp(dir / "a.json") == "kept");
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path()))
        ++entries;
    CHECK(entries == 2);  // a.json and the folder: no temporary left
}

TEST_CASE("atomic save: a missing folder is an error naming the file") {
    test::TempDir dir;
    auto r = save_atomically(dir / "missing" / "a.json", "x");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().file == (dir / "missing" / "a.json").generic_string());
    CHECK(r.error().reason.rfind("cannot write in", 0) == 0);
}

TEST_CASE("read_text_file: refuses folders and missing files with a reason") {
    test::TempDir dir;
    CHECK(read_text_file(dir.path()).error().reason == "this is a folder, not a file");
    CHECK(read_text_file(dir / "nope").error().reason == "the file does not exist");
    test::spit(dir / "t.txt", "hello");
    CHECK(read_text_file(dir / "t.txt").value() == "hello");
}

TEST_CASE("atomic save: the file keeps its permissions") {
    test::TempDir dir;
    REQUIRE(save_atomically(dir / "private.json", "v1").has_value());
    fs::permissions(dir / "private.json", fs::perms::owner_read | fs::perms::owner_write);
    REQUIRE(save_atomically(dir / "private.json", "v2").has_value());
    CHECK(fs::status(dir / "private.json").permissions() ==
          (fs::perms::owner_read | fs::perms::owner_write));
    CHECK(test::slurp(dir / "private.json") == "v2");
}

TEST_CASE("atomic save: saving through a symlink replaces the file it points to") {
    test::TempDir dir;
    fs::create_directory(dir / "real");
    REQUIRE(save_atomically(dir / "real" / "a.json", "v1").has_value());
    fs::create_symlink("real/a.json", dir / "link.json");
    REQUIRE(save_atomically(dir / "link.json", "v2").has_value());
    CHECK(fs::is_symlink(dir / "link.json"));
    CHECK(test::slurp(dir / "real" / "a.json") == "v2");
}
