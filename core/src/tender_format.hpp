#pragma once
// Small helpers shared by the tender sources.
#include <string>
#include <string_view>

namespace eqkit::detail {

// A number as people write it: "15", "2.5", "7.33" (at most two decimals, no trailing zeros).
[[nodiscard]] std::string format_number(double value);

}  // namespace eqkit::detail
