#pragma once
// The accessible HTML report: one self-contained page, semantic headings and tables, meaning in
// text (never colour alone), unconfirmed facts marked in words.
#include <string>
#include <string_view>

#include "eqkit/assessment.hpp"
#include "eqkit/framework.hpp"

namespace eqkit {

[[nodiscard]] std::string render_report_html(const Framework& framework,
                                             const Assessment& assessment);

// One section per item that applies, in the shape of a CQC local authority report page: the
// score with its wording, the I statement and the We statement (the user's own text; the
// framework's own, marked, where it has one) and the narrative sections under their headings.
[[nodiscard]] std::string render_statement_pages_html(const Framework& framework,
                                                      const Assessment& assessment);

// The pieces of that page, for pages holding several reports (an evidence pack's report.html).
struct ReportSections {
    int heading_level = 2;  // of each section's heading
    std::string id_prefix;  // keeps element ids unique when a page holds several reports
};
[[nodiscard]] std::string report_page_start(std::string_view title);  // up to <main>
[[nodiscard]] std::string report_page_end();                          // from </main>
// "Framework: … (id, version v). Source: …" as a paragraph.
[[nodiscard]] std::string report_framework_line(const Framework& framework);
// Summary, unconfirmed facts, one section per group, and the scale.
void append_report_sections(const Framework& framework, const Assessment& assessment,
                            const ReportSections& where, std::string& html);

}  // namespace eqkit
