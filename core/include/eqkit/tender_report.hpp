#pragma once
// A tender's results as JSON, CSV and an accessible HTML report: weighted totals with their
// arithmetic, pass/fail and threshold failures, ranking, every evaluator's score with the spread
// and disagreement flags, each bidder's assessment summary from the moderated rationales, the
// evidence packs' verification, every UNCONFIRMED fact in words, and the audit log.
#include <string>
#include <vector>

#include "eqkit/tender_folder.hpp"

namespace eqkit {

// A bid as the faces show it: {"bidder", "received", "late", "flagged", "responses", "pack":
// {"stored": {"file", "sha256"}, "intact", "problems", "signer", "signature_valid",
// "files_checked", "linked":
// [{"question", "cite", "evidence", "title", "where"}]} | null}
[[nodiscard]] std::string bid_view_json(const TenderBid& bid);

// A question set as the faces show it: {"id", "kind": "question_set", "version", "title",
// "publisher", "official", "description", "file", "total_weight", "confirmed", "note",
// "questions": [{"code", "title", "text", "guidance", "word_limit", "pass_fail", "weight",
// "minimum_score", "scale": {"id", "title", "min", "max", "levels"}, "cites", "confirmed",
// "note"}], "unconfirmed": [{"what", "note"}]}
[[nodiscard]] std::string question_set_view_json(const QuestionSet& set);

// {"tender", "question_set", "method", "disagreement_threshold", "deadline", "bidders": [{"name",
// "total", "arithmetic", "complete", "passed", "rank", "failures", "summary", "bid",
// "questions": [{"code", "moderated", "scores": {EVALUATOR: N}, "rationales", "spread",
// "disagreement", "weighted", "arithmetic", "failed", "failure"}]}], "unconfirmed", "audit"}
[[nodiscard]] std::string tender_results_json(const TenderFolder& folder);
// One row per bidder and question.
[[nodiscard]] std::string tender_results_csv(const TenderFolder& folder);
// One self-contained page (report.hpp's page and style).
[[nodiscard]] std::string tender_report_html(const TenderFolder& folder);

}  // namespace eqkit
