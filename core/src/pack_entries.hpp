#pragma once
// The checks a pack's ZIP directory must pass before any entry is unpacked: hostile names,
// links, encryption, lying sizes and zip bombs.
#include <string_view>
#include <vector>

#include "eqkit/error.hpp"
#include "eqkit/pack.hpp"
#include "zip_reader.hpp"

namespace eqkit::detail {

// Every problem, each "label: entry name: reason".
[[nodiscard]] ErrorList check_entries(const std::vector<ZipEntry>& entries,
                                      const PackLimits& limits, std::string_view label);

}  // namespace eqkit::detail
