#include <doctest/doctest.h>

#include "eqkit/text.hpp"

using namespace eqkit;

TEST_CASE("text: UTF-16 length matches JavaScript's string length") {
    CHECK(utf16_length("") == 0);
    CHECK(utf16_length("abc") == 3);
    CHECK(utf16_length("caf\xC3\xA9") == 4);        // é: one unit
    CHECK(utf16_length("\xE2\x82\xAC") == 1);       // €: one unit
    CHECK(utf16_length("a\xF0\x9F\x98\x80") == 3);  // emoji: a surrogate pair
}

TEST_CASE("text: UTF-8 validation rejects malformed sequences") {
    CHECK(is_valid_utf8("plain"));
    CHECK(is_valid_utf8("caf\xC3\xA9 \xF0\x9F\x98\x80"));
    CHECK_FALSE(is_valid_utf8("\xFF"));
    CHECK_FALSE(is_valid_utf8("\xC3"));              // truncated
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
    CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // beyond U+10FFFF
    CHECK_FALSE(is_valid_utf8("\xE2\x82"));          // truncated at the end
}

TEST_CASE("text: HTML escaping covers markup and quotes") {
    CHECK(html_escape("<a href=\"x\">'&'</a>") ==
          "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    CHECK(is_blank(" \n\t"));
    CHECK_FALSE(is_blank(" x "));
}
