#pragma once
// Small helpers shared by the tender sources.
#include <string>
#include <string_view>

namespace eqkit::detail {

// Lowercase letters, digits and "_", starting with a letter, at most 64.
[[nodiscard]] bool valid_tender_id(std::string_view id);

// A number as people write it: "15", "2.5", "7.33" (at most two decimals, no trailing zeros).
[[nodiscard]] std::string format_number(double value);

}  // namespace eqkit::detail
