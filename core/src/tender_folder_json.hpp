#pragma once
// The evidence pack's verification as tender.json stores it, shared with the results' JSON.
#include "eqkit/tender_folder.hpp"
#include "json_reader.hpp"

namespace eqkit::detail {

// {"stored": {"file", "sha256"}, "intact", "problems", "signer", "signature_valid",
//  "files_checked", "linked": [{"question", "cite", "evidence", "title", "where"}]}
[[nodiscard]] Json pack_check_json(const PackCheck& pack);
[[nodiscard]] PackCheck read_pack(ObjectReader& obj);
[[nodiscard]] StoredFile read_stored(ObjectReader& obj);

}  // namespace eqkit::detail
