#pragma once
// The impact assessment parts of the assessment screen's item list (issue #8 part 6): the form's
// sections, one entry per protected characteristic or group, the risk matrix, sign-off and the
// versions. Each entry has a key the selection holds in place of an item code ("@row:race"); an
// item code never starts with '@'. Also the words the canvas shows for risk, review and
// sign-off, made from the core's results (eqkit/impact.hpp): no rule lives here.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eqkit/assessment.hpp"
#include "eqkit/registry.hpp"

namespace eqkit::ui {

enum class ImpactPage { section, row, matrix, signoff, versions };

struct ImpactEntry {
    ImpactPage page = ImpactPage::section;
    std::string key;    // "@section:1", "@row:race", "@matrix", "@signoff", "@versions"
    std::string id;     // the section's number or the row's subject id; "" for the others
    std::string label;  // as the list shows it
    Provenance provenance;
};

// Whether the framework has any impact assessment part (fields, rows, matrix, sign-off).
[[nodiscard]] bool has_impact_parts(const Framework& framework);

// The list's entries, in order: sections, rows, matrix, sign-off, versions.
[[nodiscard]] std::vector<ImpactEntry> impact_entries(const Framework& framework,
                                                      const Assessment& assessment);
[[nodiscard]] std::optional<ImpactEntry> find_impact_entry(const Framework& framework,
                                                           const Assessment& assessment,
                                                           std::string_view key);

// The form's fields under one section heading, in the framework's order.
struct FieldSection {
    std::string title;
    std::vector<const FormField*> fields;
};
[[nodiscard]] std::vector<FieldSection> field_sections(const Framework& framework);

// Version n exactly as it was signed (the open one for the current version), read back.
[[nodiscard]] Checked<Assessment> version_as_signed(const Registry& registry,
                                                    const Framework& framework,
                                                    const Assessment& assessment, int version);

// "Likelihood 4 × impact 3 = 12: High", or the core's reason the point is off the matrix.
[[nodiscard]] std::string risk_words(const RiskMatrix& matrix, const RiskRating& at);
// "4 Likely", or "4 Likely (UNCONFIRMED)" for a level the template's source does not confirm.
[[nodiscard]] std::string axis_level_words(const AxisLevel& level);
// The band a rating falls in (nullptr when none or off the matrix).
[[nodiscard]] const Band* risk_band(const RiskMatrix& matrix, const RiskRating& at);
// What a new action starts linked to, for the selection in the item list: "eira_nhs:race" for
// a row, "eds2022:1A" for an item, "" for the other parts of an impact assessment.
[[nodiscard]] std::string action_item(const Framework& framework, std::string_view selected);
// eqkit::review_words as on today: "Due: review by 2026-03-31 (20 day(s) left)", "Not set".
[[nodiscard]] std::string review_words(const Framework& framework, const Assessment& assessment,
                                       std::string_view today);
// "Version 2, signed off by Sam (Lead) on 2026-01-31" or "Version 2, not signed off yet".
[[nodiscard]] std::string version_words(const Assessment& assessment);

}  // namespace eqkit::ui
