#pragma once
// The exports of WRES/WDES results: JSON (also what the UI and web build read), CSV and an
// accessible HTML report with charts. All three render the same published figures, so a
// suppressed count is suppressed everywhere (formats: docs/indicators-format.md).
#include <string>

#include "eqkit/error.hpp"
#include "eqkit/workforce_import.hpp"
#include "eqkit/workforce_indicators.hpp"

namespace eqkit::workforce {

inline constexpr std::string_view results_format = "eqkit-workforce-results/1";
inline constexpr std::string_view suppressed_mark = "[c]";
inline constexpr std::string_view interval_method = "log method (Katz)";

// What is reported beside the results: how the input rows were used, and the problems found.
struct OutputContext {
    std::string source;                    // "counts file counts.json", "CSV files"
    const ImportReport* import = nullptr;  // when the counts came from row-level files
    ErrorList problems;                    // counts-file problems (import problems are in import)
    std::string organisation;
};

[[nodiscard]] std::string results_json(const Results& results, const OutputContext& context);
[[nodiscard]] std::string results_csv(const Results& results);
[[nodiscard]] std::string results_html(const Results& results, const OutputContext& context);

// Short forms shared by the exports and the CLI summary.
[[nodiscard]] std::string format_ratio(double value);    // "1.76"
[[nodiscard]] std::string format_percent(double value);  // "22.0%"
[[nodiscard]] std::string format_points(double value);   // "+3.4 percentage points"
[[nodiscard]] std::string state_text(State state);       // "suppressed", "not calculable"
// The figure in words: "1.76", "suppressed [c]", "not calculable: no BME applicants ...".
[[nodiscard]] std::string describe_value(const IndicatorResult& r, const Figure& value);
// The indicator's sentence with its value, when the value is shown.
[[nodiscard]] std::string sentence(const IndicatorResult& r);

}  // namespace eqkit::workforce
