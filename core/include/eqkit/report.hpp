#pragma once
// The accessible HTML report: one self-contained page, semantic headings and tables, meaning in
// text (never colour alone), unconfirmed facts marked in words.
#include <string>

#include "eqkit/assessment.hpp"
#include "eqkit/framework.hpp"

namespace eqkit {

[[nodiscard]] std::string render_report_html(const Framework& framework,
                                             const Assessment& assessment);

}  // namespace eqkit
