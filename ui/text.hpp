#pragma once
// UI text: every string the screens show is a key in ui/lang/en_GB.json, generated at build
// time into the constants of eqkit::ui::text (a mistyped key does not compile).
#include <string>
#include <string_view>
#include <type_traits>

#include "generated/text_en_gb.hpp"

namespace eqkit::ui {

namespace detail {
inline std::string to_text(std::string_view s) {
    return std::string(s);
}
inline std::string to_text(const char* s) {
    return std::string(s);
}
inline std::string to_text(const std::string& s) {
    return s;
}
template <class T>
requires std::is_arithmetic_v<T> std::string to_text(T value) {
    return std::to_string(value);
}
}  // namespace detail

// Replaces each "{}" in pattern, in order, with the next argument.
template <class... Args>
[[nodiscard]] std::string fill(std::string_view pattern, const Args&... args) {
    const std::string values[] = {detail::to_text(args)..., std::string()};
    std::string out;
    std::size_t next = 0;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 1 < pattern.size() && pattern[i + 1] == '}' &&
            next < sizeof...(Args)) {
            out += values[next++];
            ++i;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

}  // namespace eqkit::ui
