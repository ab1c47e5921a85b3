#pragma once
// Report sections for impact assessments and signed assessments (core/src/impact_report.cpp).
#include <string>

#include "eqkit/assessment.hpp"
#include "eqkit/report.hpp"

namespace eqkit::detail {

// Version and sign-off, the form's fields, the rows and the risk matrix; nothing for an
// assessment whose framework has none of these and that was never signed.
void append_impact_sections(const Framework& framework, const Assessment& assessment,
                            const ReportSections& where, std::string& html);

// The matrix as a table: likelihood rows (highest first), impact columns, score and band in
// words in each cell.
[[nodiscard]] std::string risk_matrix_table(const RiskMatrix& matrix);

}  // namespace eqkit::detail
