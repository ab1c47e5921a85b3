#pragma once
// The impact assessment parts and the version trail of an assessment file (eqkit-assessment/1):
// "fields", "rows", "version", "signoff", "changes" and "earlier_versions", each left out when
// empty so that other assessments' files keep their bytes.
#include "eqkit/assessment.hpp"
#include "eqkit/registry.hpp"
#include "json_reader.hpp"

namespace eqkit::detail {

// One row's answers (without its "subject"); the caller calls finish().
[[nodiscard]] RowAnswer read_row_answer(ObjectReader& row);

void form_to_json(const Framework& framework, const Assessment& assessment, Json& out);
// Reads and checks the parts against the framework; problems go to the reader's diagnostics.
void read_form(ObjectReader& root, const Framework& framework, Assessment& assessment,
               const Registry& registry);
// Marks the parts as seen when the framework is not loaded (nothing can be checked).
void mark_form_keys_read(ObjectReader& root);

}  // namespace eqkit::detail
