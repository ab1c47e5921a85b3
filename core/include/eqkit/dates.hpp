#pragma once
// Calendar dates as ISO 8601 text, "YYYY-MM-DD". Valid dates compare correctly as text, so the
// model keeps them as strings and rules take "today" as a parameter (tests pick their day).
#include <string>
#include <string_view>

namespace eqkit {

// A real calendar date (leap years included) between 1900-01-01 and 9999-12-31.
[[nodiscard]] bool is_iso_date(std::string_view text);

// Today's date on this computer's clock, for the faces to pass to the core.
[[nodiscard]] std::string today_iso();

// Now on this computer's clock as UTC ISO 8601 ("2026-03-01T09:00:00Z"): an audit log's "when".
[[nodiscard]] std::string now_utc_iso();

}  // namespace eqkit
