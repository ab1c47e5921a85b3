#pragma once
// report.html of an evidence pack: the assessments' reports, the item -> evidence index and the
// evidence library, with relative links to the evidence files so it works offline once
// unzipped. Nothing in it depends on the day it was made, so packs stay byte-identical.
#include <string>

#include "eqkit/manifest.hpp"
#include "eqkit/workspace_folder.hpp"

namespace eqkit::detail {

[[nodiscard]] std::string render_pack_report(const WorkspaceFolder& workspace,
                                             const Manifest& manifest);

// A pack path as a relative URL: each byte outside [A-Za-z0-9-._~/] percent-encoded.
[[nodiscard]] std::string relative_url(std::string_view path);

}  // namespace eqkit::detail
