#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace eqkit {

[[nodiscard]] bool is_blank(std::string_view text);
[[nodiscard]] bool is_valid_utf8(std::string_view text);
// Length as JavaScript counts it (UTF-16 code units), so the core and the NHS.UK character
// count agree: an emoji counts as two. Assumes valid UTF-8.
[[nodiscard]] std::size_t utf16_length(std::string_view utf8);
// Escapes text for HTML element content and attribute values.
[[nodiscard]] std::string html_escape(std::string_view text);
// "Key question" -> "key question", for a label inside a sentence (ASCII first letter only).
[[nodiscard]] std::string lower_first(std::string text);

}  // namespace eqkit
