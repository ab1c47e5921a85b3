#pragma once
// answers.csv: one row per assessment × item, RFC 4180 (CRLF line ends, fields quoted when they
// hold a comma, quote or line break, quotes doubled).
#include <string>

#include "eqkit/workspace_folder.hpp"

namespace eqkit::detail {

// Text people wrote that starts with = + - @ (or a tab or CR) gets a leading apostrophe, so a
// spreadsheet shows it rather than running it as a formula.
[[nodiscard]] std::string answers_csv(const WorkspaceFolder& workspace);

[[nodiscard]] std::string csv_field(std::string_view text);
// Typed text with that leading apostrophe when it would start a formula.
[[nodiscard]] std::string defused(std::string_view typed);

}  // namespace eqkit::detail
