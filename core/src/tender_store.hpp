#pragma once
// Pieces of the tender file shared by the one-file form (eqkit-tender/1, tender_store.cpp) and
// the tender folder (tender_folder.cpp): the keys both write the same way, and the replay
// through the engine that makes a file obey every rule of the live tender.
#include <optional>
#include <string>
#include <vector>

#include "eqkit/tender.hpp"
#include "json_reader.hpp"

namespace eqkit::detail {

// A record read from a file, with where each part sits in it (for errors).
struct TenderRecord {
    std::string id;
    bool published = false;
    TenderSettings settings;
    std::optional<QuestionSet> questions;
    std::vector<std::string> bidders;
    std::vector<std::string> bidder_places;  // "/bidders/0"
    std::vector<std::string> evaluators;
    std::vector<std::string> evaluator_places;
    std::vector<ConflictDeclaration> conflicts;
    std::vector<Scoresheet> sheets;
    std::vector<std::string> sheet_files;   // the file an error names
    std::vector<std::string> sheet_places;  // prefix of the place in that file
    std::vector<Moderation> moderations;
    std::vector<AuditEntry> audit;
};

// "id", "published", "settings", "question_set", "conflicts" and "moderations".
void read_tender_common(ObjectReader& root, Diagnostics& diag, TenderRecord& record);
[[nodiscard]] Json tender_common_json(const Tender& tender);
[[nodiscard]] Json question_set_json(const QuestionSet& set);

// Errors of a nested document, placed under the pointer where it sits in the outer file.
[[nodiscard]] ErrorList nested_errors(ErrorList errors, const std::string& label,
                                      const std::string& pointer);

// Rebuilds the tender by replaying the record through the engine; the first refusal is returned
// with the place of the record that caused it.
[[nodiscard]] Checked<Tender> replay_tender(TenderRecord record, const std::string& label);

}  // namespace eqkit::detail
