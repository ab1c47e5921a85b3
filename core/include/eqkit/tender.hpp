#pragma once
// A tender evaluation: a question set locked at publication, bidders, evaluators with their
// conflict-of-interest declarations, submitted scoresheets, moderation, results and an audit log.
// Format of the files: docs/tender-format.md.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eqkit/error.hpp"
#include "eqkit/tender_question_set.hpp"

namespace eqkit {

inline constexpr std::string_view tender_format = "eqkit-tender/1";
inline constexpr std::string_view tender_responses_format = "eqkit-tender-responses/1";
inline constexpr std::string_view tender_scoresheet_format = "eqkit-tender-scoresheet/1";

// How a question's moderated score is reached, fixed before publication.
// consensus: the lead records an agreed score and rationale for every bidder and question.
// mean: the average of the evaluators' scores, unless the lead records a score; a pass/fail
//       question still needs a recorded decision when the evaluators disagree.
enum class ModerationMethod { consensus, mean };

[[nodiscard]] std::string_view method_name(ModerationMethod method);

struct TenderSettings {
    ModerationMethod method = ModerationMethod::consensus;
    // Scores that differ by more than this (on the question's scale) are flagged.
    int disagreement_threshold = 1;
};

// Who did what and when; the time is given by the caller (ISO 8601 text).
struct AuditEntry {
    std::string at;
    std::string who;
    std::string what;
};

struct ConflictDeclaration {
    std::string evaluator;
    std::string bidder;
    std::string declaration;  // what the evaluator declared
};

// An evaluator's Ed25519 signature over the scoresheet's signed bytes (scoresheet_signed_bytes),
// made by `eqkit tender submit`; checked on import by the tender folder (tender_folder.hpp).
struct ScoresheetSignature {
    std::string public_key;  // 64 hex digits
    std::string value;       // 128 hex digits
};

struct ScoreEntry {
    std::string bidder;
    std::string question;
    int score = 0;
    std::string rationale;
};

// What a scoresheet may hold, fixed when the lead makes it: the bidders this evaluator may
// score (conflicted ones left out) and the values of each question's scale. The evaluator's own
// tools check each score and the sheet's completeness against it, so a sheet is never signed (and
// frozen) in a state the lead's import would refuse; the import checks again against the tender.
struct ScoresheetScope {
    struct Question {
        std::string code;
        std::vector<int> values;
    };
    std::vector<std::string> bidders;
    std::vector<Question> questions;
};

// One evaluator's scores for one tender. Editable until submitted; then immutable.
class Scoresheet {
  public:
    Scoresheet(std::string tender_id, std::string evaluator)
        : tender_id_(std::move(tender_id)), evaluator_(std::move(evaluator)) {}

    [[nodiscard]] const std::string& tender_id() const { return tender_id_; }
    [[nodiscard]] const std::string& evaluator() const { return evaluator_; }
    [[nodiscard]] bool submitted() const { return submitted_; }
    [[nodiscard]] const std::vector<ScoreEntry>& entries() const { return entries_; }
    [[nodiscard]] const ScoreEntry* find(std::string_view bidder, std::string_view question) const;

    // Sets or replaces a score; refused once submitted, and outside the sheet's scope.
    Result<void> set(ScoreEntry entry);
    void mark_submitted() { submitted_ = true; }

    [[nodiscard]] const std::optional<ScoresheetScope>& scope() const { return scope_; }
    void set_scope(ScoresheetScope scope) { scope_ = std::move(scope); }
    // With a scope: every score within it, and every bidder and question scored. `file` names
    // the sheet in the error.
    [[nodiscard]] Result<void> check_finished(const std::string& file) const;

    [[nodiscard]] const std::optional<ScoresheetSignature>& signature() const { return signature_; }
    void set_signature(ScoresheetSignature signature) { signature_ = std::move(signature); }

  private:
    std::string tender_id_;
    std::string evaluator_;
    std::vector<ScoreEntry> entries_;
    bool submitted_ = false;
    std::optional<ScoresheetScope> scope_;
    std::optional<ScoresheetSignature> signature_;
};

struct Moderation {
    std::string bidder;
    std::string question;
    int score = 0;
    std::string rationale;
};

struct EvaluatorScore {
    std::string evaluator;
    int score = 0;
    std::string rationale;
};

// What the lead sees for one bidder and question.
struct ModerationView {
    std::vector<EvaluatorScore> scores;    // submitted scores only, by evaluator name
    std::vector<std::string> waiting_for;  // non-conflicted evaluators yet to submit
    int spread = 0;                        // highest − lowest
    bool disagreement = false;             // spread > the tender's threshold
    std::optional<Moderation> moderated;
    [[nodiscard]] bool ready() const { return waiting_for.empty() && !scores.empty(); }
};

struct QuestionResult {
    std::string code;
    bool pass_fail = false;
    std::vector<EvaluatorScore> scores;
    std::optional<double> moderated;  // empty until moderated (or until everyone has submitted)
    std::string rationale;            // the moderation rationale, or how the mean was taken
    double max = 0;
    double weight = 0;
    double weighted = 0;
    std::string arithmetic;  // "3 ÷ 4 × 20 = 15"
    bool failed = false;     // a pass/fail question failed or a minimum score was not met
    std::string failure;     // why, in words
};

struct BidderResult {
    std::string name;
    std::vector<QuestionResult> questions;
    double total = 0;         // weighted, moderated
    std::string arithmetic;   // "15 + 6 = 21"
    bool complete = false;    // every question has a moderated score
    bool passed = false;      // complete and no failure
    std::optional<int> rank;  // only for bidders who passed; ties share a rank
    std::string summary;      // from the moderated rationales, one line per question
};

struct TenderResults {
    std::vector<BidderResult> bidders;  // in the order they were added
};

class Tender {
  public:
    Tender(std::string id, QuestionSet questions, TenderSettings settings);

    [[nodiscard]] const std::string& id() const { return id_; }
    [[nodiscard]] const QuestionSet& questions() const { return questions_; }
    [[nodiscard]] const TenderSettings& settings() const { return settings_; }
    [[nodiscard]] bool published() const { return published_; }
    [[nodiscard]] const std::vector<std::string>& bidders() const { return bidders_; }
    [[nodiscard]] const std::vector<std::string>& evaluators() const { return evaluators_; }
    [[nodiscard]] const std::vector<ConflictDeclaration>& conflicts() const { return conflicts_; }
    [[nodiscard]] const std::vector<Scoresheet>& scoresheets() const { return scoresheets_; }
    [[nodiscard]] const std::vector<Moderation>& moderations() const { return moderations_; }
    [[nodiscard]] const std::vector<AuditEntry>& audit() const { return audit_; }

    // Changes to the criteria: refused once published.
    Result<void> set_weight(std::string_view question, double weight, const std::string& who,
                            const std::string& at);
    Result<void> set_settings(TenderSettings settings, const std::string& who,
                              const std::string& at);
    Result<void> replace_questions(QuestionSet questions, const std::string& who,
                                   const std::string& at);
    // Checks that the weights still add up to the set's total, then locks the criteria.
    Result<void> publish(const std::string& who, const std::string& at);

    Result<void> add_bidder(const std::string& name, const std::string& who, const std::string& at);
    Result<void> add_evaluator(const std::string& name, const std::string& who,
                               const std::string& at);
    // A declared conflict blocks that evaluator from scoring that bidder.
    Result<void> declare_conflict(ConflictDeclaration conflict, const std::string& who,
                                  const std::string& at);
    [[nodiscard]] bool conflicted(std::string_view evaluator, std::string_view bidder) const;

    // A blank scoresheet for an evaluator of this tender.
    [[nodiscard]] Result<Scoresheet> new_scoresheet(const std::string& evaluator) const;
    // Accepts a complete scoresheet: this tender, a known evaluator, the first from them, every
    // non-conflicted bidder and question scored with a rationale, no conflicted bidder scored.
    // `file` names it in errors. On refusal the tender is unchanged.
    Result<void> submit(Scoresheet sheet, const std::string& file, const std::string& at);

    [[nodiscard]] Result<ModerationView> moderation_view(std::string_view bidder,
                                                         std::string_view question) const;
    // Refused until every non-conflicted evaluator has submitted.
    Result<void> moderate(Moderation moderation, const std::string& who, const std::string& at);

    [[nodiscard]] TenderResults results() const;

    // Restores the audit log of a tender read from its file (see parse_tender).
    void restore_audit(std::vector<AuditEntry> audit) { audit_ = std::move(audit); }
    // Records a change kept outside the engine (a bid's files, a declaration of no conflict).
    void log(const std::string& at, const std::string& who, std::string what);

  private:
    Result<void> check_unlocked(std::string_view what) const;
    [[nodiscard]] ScoresheetScope scope_for(const std::string& evaluator) const;

    std::string id_;
    QuestionSet questions_;
    TenderSettings settings_;
    bool published_ = false;
    std::vector<std::string> bidders_;
    std::vector<std::string> evaluators_;
    std::vector<ConflictDeclaration> conflicts_;
    std::vector<Scoresheet> scoresheets_;
    std::vector<Moderation> moderations_;
    std::vector<AuditEntry> audit_;
};

// A bidder's answers: {"format": "eqkit-tender-responses/1", "bidder": NAME,
// "answers": [{"question": CODE, "text": "...", "cites": ["eds2022:2A"]}]}
struct TenderAnswer {
    std::string question;
    std::string text;
    std::vector<std::string> cites;
    int words = 0;
};
struct TenderResponses {
    std::string bidder;
    std::vector<TenderAnswer> answers;
};
// Checks the answers against the question set (known codes, each once).
[[nodiscard]] Checked<TenderResponses> parse_tender_responses(std::string_view json,
                                                              std::string_view label,
                                                              const QuestionSet& questions);

// A scoresheet file: {"format": "eqkit-tender-scoresheet/1", "tender": ID, "evaluator": NAME,
// "submitted": bool, "scores": [{"bidder", "question", "score", "rationale"}]}
// "scope": {"bidders": [NAME], "questions": [{"code", "values": [N]}]} when made by the tender;
// "signature": {"public_key", "value"} is written when the sheet is signed.
[[nodiscard]] std::string scoresheet_to_json(const Scoresheet& sheet);
// The bytes an evaluator signs: the sheet as JSON, marked submitted, without its signature.
[[nodiscard]] std::string scoresheet_signed_bytes(const Scoresheet& sheet);
[[nodiscard]] Checked<Scoresheet> parse_scoresheet(std::string_view json, std::string_view label);

// The whole tender as one file, eqkit-tender/1 (docs/tender-format.md): the question set is
// copied in, so a published tender keeps its questions whatever happens to the plugin file.
[[nodiscard]] std::string question_set_to_json(const QuestionSet& set);
[[nodiscard]] std::string tender_to_json(const Tender& tender);
// Reads a tender file, replaying each record through the same checks as the live tender, so a
// file edited by hand into an impossible state (a conflicted score, a second scoresheet, weights
// that do not add up) is refused with the place and the reason.
[[nodiscard]] Checked<Tender> parse_tender(std::string_view json, std::string_view label);

// Counts words as runs of non-space characters.
[[nodiscard]] int count_words(std::string_view text);

}  // namespace eqkit
