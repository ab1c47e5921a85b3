#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace eqkit {

[[nodiscard]] bool is_blank(std::string_view text);
[[nodiscard]] bool is_valid_utf8(std::string_view text);
// Length as JavaScript counts it (UTF-16 code units), so the core and the NHS.UK character
// count agree: an emoji counts as two. Assumes valid UTF-8.
[[nodiscard]] std::size_t utf16_length(std::string_view utf8);
// The items with `separator` between them: join({"a", "b"}, "; ") is "a; b".
[[nodiscard]] std::string join(const std::vector<std::string>& items, std::string_view separator);
// The items as a choice in words: "a, b or c".
[[nodiscard]] std::string join_or(const std::vector<std::string>& items);
// Escapes text for HTML element content and attribute values.
[[nodiscard]] std::string html_escape(std::string_view text);
// "Key question" -> "key question", for a label inside a sentence (ASCII first letter only).
[[nodiscard]] std::string lower_first(std::string text);

}  // namespace eqkit
