#pragma once
// An evaluator's copy of a tender (docs/tender-format.md, "The evaluator's copy"): one file the
// lead hands to one evaluator so they can score offline in any face, on any machine. It holds
// the published question set, the bids that evaluator may score (their answers and the packs'
// verification with the evidence for cited items), that evaluator's own conflict declarations
// and their scoresheet; never another evaluator's scores, keys or any moderation. A fingerprint
// (SHA-256 over everything but the evaluator's own scoresheet) makes an altered copy refused.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eqkit/signing.hpp"
#include "eqkit/tender.hpp"
#include "eqkit/tender_folder.hpp"

namespace eqkit {

inline constexpr std::string_view tender_copy_format = "eqkit-tender-evaluator-copy/1";

// A bid as the evaluator sees it: the answers and the pack's verification, not the files.
struct CopiedBid {
    std::string bidder;
    bool late = false;
    TenderResponses responses;
    std::optional<PackCheck> pack;
    [[nodiscard]] bool flagged() const { return pack && !pack->intact; }
};

class EvaluatorCopy {
  public:
    // The copy for one evaluator of a published tender. Refused for an unknown evaluator or one
    // whose scoresheet the lead has already imported. `at` is when it was made (UTC).
    [[nodiscard]] static Result<EvaluatorCopy> make(const TenderFolder& folder,
                                                    const std::string& evaluator,
                                                    const std::string& at);
    // The same content for the lead's own scoring page, published or not (no file is made).
    [[nodiscard]] static Result<EvaluatorCopy> view_of(const TenderFolder& folder,
                                                       const std::string& evaluator);

    [[nodiscard]] const std::string& tender_id() const { return tender_.id(); }
    [[nodiscard]] const std::string& evaluator() const { return evaluator_; }
    [[nodiscard]] const std::string& made() const { return made_; }
    [[nodiscard]] const std::string& deadline() const { return deadline_; }
    // The SHA-256 of the tender's last audit entry when the copy was made, so the lead can tell
    // which state of the tender it came from.
    [[nodiscard]] const std::string& tender_state() const { return tender_state_; }
    [[nodiscard]] const QuestionSet& questions() const { return tender_.questions(); }
    [[nodiscard]] const std::vector<CopiedBid>& bids() const { return bids_; }
    // This evaluator's own declared conflicts; those bidders' answers are not in the copy.
    [[nodiscard]] const std::vector<ConflictDeclaration>& conflicts() const { return conflicts_; }
    [[nodiscard]] const Scoresheet& scoresheet() const { return sheet_; }

    // Starts from another scoresheet of the same evaluator and tender (the one saved so far).
    [[nodiscard]] Result<void> adopt(Scoresheet sheet, const std::string& file);
    // Sets one score: a bidder in this copy, a question of the set, a value of its scale and a
    // rationale. Refused once submitted.
    [[nodiscard]] Result<void> score(ScoreEntry entry, const std::string& file);
    // Checks the sheet as the lead's import will (complete, this tender, no conflicted bidder),
    // then marks it submitted and signs it.
    [[nodiscard]] Result<void> submit(const KeyPair& key, const std::string& file);

  private:
    EvaluatorCopy(Tender tender, std::string evaluator, Scoresheet sheet)
        : tender_(std::move(tender)), evaluator_(std::move(evaluator)), sheet_(std::move(sheet)) {}
    static Result<EvaluatorCopy> build(const TenderFolder& folder, const std::string& evaluator);
    friend Checked<EvaluatorCopy> parse_evaluator_copy(std::string_view, std::string_view);

    // Published, with this copy's bidders and evaluator only: what the sheet is checked against.
    Tender tender_;
    std::string evaluator_;
    std::string made_;
    std::string deadline_;
    std::string tender_state_;
    std::vector<CopiedBid> bids_;
    std::vector<ConflictDeclaration> conflicts_;
    Scoresheet sheet_;
};

// eqkit-tender-evaluator-copy/1 text with its fingerprint ("sha256").
[[nodiscard]] std::string evaluator_copy_to_json(const EvaluatorCopy& copy);
// Reads a copy, refusing one whose content no longer matches its fingerprint.
[[nodiscard]] Checked<EvaluatorCopy> parse_evaluator_copy(std::string_view json,
                                                          std::string_view label);
// True when the text is a JSON object whose "format" is an evaluator's copy (not a scoresheet).
[[nodiscard]] bool is_evaluator_copy(std::string_view json);

}  // namespace eqkit
