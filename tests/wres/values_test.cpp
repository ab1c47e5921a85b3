// The import's value parsers and its cache of distinct values (internal headers in core/src).
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <string_view>

#include "text_hash.hpp"
#include "workforce_values.hpp"

using eqkit::workforce::detail::parse_yes_no;
using eqkit::workforce::detail::TextCache;

TEST_CASE("values: yes/no flags in every spelling an HR export uses, one character or words") {
    for (std::string_view yes :
         {"Y", "y", "1", "Yes", "YES", "yes", "True", "true", " Y", "Y ", "\tyes\t"}) {
        CAPTURE(yes);
        CHECK(parse_yes_no(yes) == std::optional<bool>(true));
    }
    for (std::string_view no : {"N", "n", "0", "No", "NO", "no", "False", "FALSE", " N ", "0 "}) {
        CAPTURE(no);
        CHECK(parse_yes_no(no) == std::optional<bool>(false));
    }
    const std::string_view neithers[] = {"",
                                         " ",
                                         "\t",
                                         "x",
                                         "2",
                                         "T",
                                         "F",
                                         "ye",
                                         "yess",
                                         "maybe",
                                         "N/A",
                                         "Y N",
                                         std::string_view("\x11", 1),
                                         std::string_view("Y\0", 2)};
    for (std::string_view neither : neithers) {
        CAPTURE(neither);
        CHECK_FALSE(parse_yes_no(neither).has_value());
    }
}

TEST_CASE("values: the cache of distinct values tells apart keys that share bytes or lengths") {
    TextCache<int> cache;
    const std::string keys[] = {
        "",          "A",           std::string("A\0", 2), "AB",         "8a", "12345678",
        "123456789", "1234567890a", "White - British",     "Not stated", "99"};
    CHECK(cache.find("A") == nullptr);  // empty: nothing found
    int value = 0;
    for (const std::string& key : keys)
        cache.insert(key, value++);
    value = 0;
    for (const std::string& key : keys) {
        CAPTURE(key);
        const int* found = cache.find(key);
        REQUIRE(found != nullptr);
        CHECK(*found == value++);
    }
    const std::string_view absents[] = {"B",
                                        "a",
                                        "1234567",
                                        "123456788",
                                        "12345678 ",
                                        "White - Irish",
                                        std::string_view("\0", 1),
                                        std::string_view("A\0\0", 3)};
    for (std::string_view absent : absents) {
        CAPTURE(absent);
        CHECK(cache.find(absent) == nullptr);
    }
}

TEST_CASE("values: the cache stays bounded and still finds what it holds after growing") {
    TextCache<std::size_t> cache;
    for (std::size_t i = 0; i < 1000; ++i)
        cache.insert("code " + std::to_string(i), i);
    for (std::size_t i = 0; i < 1000; i += 37) {
        const std::size_t* found = cache.find("code " + std::to_string(i));
        REQUIRE(found != nullptr);
        CHECK(*found == i);
    }
    CHECK(cache.find("code 1000") == nullptr);
}
