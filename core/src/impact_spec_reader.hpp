#pragma once
// Reads the impact assessment parts of a framework file (fields, rows, risk_matrix, signoff,
// review) into the framework, reporting every problem with its JSON Pointer.
#include "eqkit/framework.hpp"
#include "json_reader.hpp"

namespace eqkit::detail {

void read_impact_parts(ObjectReader& root, Framework& fw, Diagnostics& diag);

}  // namespace eqkit::detail
