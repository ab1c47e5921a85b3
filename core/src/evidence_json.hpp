#pragma once
// Evidence as JSON: the same object in workspace.json and in a pack's manifest.json, where a
// file also has "path", its place in the pack.
#include <optional>
#include <string>

#include "eqkit/evidence.hpp"
#include "json_reader.hpp"

namespace eqkit::detail {

// Reads one evidence object and checks its fields (check_evidence). With `path` set, a file
// must name its place in the pack, which is stored there. nullopt when anything was wrong.
[[nodiscard]] std::optional<Evidence> read_evidence(ObjectReader& object, Diagnostics& diag,
                                                    std::string* path);

[[nodiscard]] Json evidence_to_json(const Evidence& evidence, const std::string* path);

}  // namespace eqkit::detail
