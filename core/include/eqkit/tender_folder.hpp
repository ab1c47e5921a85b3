#pragma once
// A tender evaluation on disk (docs/tender-format.md, "The tender folder"):
//
//   DIR/tender.json                 the index, eqkit-tender-folder/1: the tender (question set
//                                   copy, settings, deadline), bids, evaluators, declarations,
//                                   imported scoresheets, moderation and the hash-chained audit log
//   DIR/bids/<n>/responses.json     a bidder's responses, as received
//   DIR/bids/<n>/pack.zip           their evidence pack, as received (optional)
//   DIR/scoresheets/<n>.json        a signed scoresheet, byte for byte as imported
//
// Every change is made on a copy and saved at once: new files first, tender.json last (one
// atomic rename), so a refused change or a crash leaves the folder as it was. Opening checks
// every stored file's SHA-256, every scoresheet's signature and the audit log's chain.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "eqkit/error.hpp"
#include "eqkit/signing.hpp"
#include "eqkit/tender.hpp"

namespace eqkit {

inline constexpr std::string_view tender_folder_format = "eqkit-tender-folder/1";
inline constexpr std::string_view tender_index_name = "tender.json";

// A file kept in the folder: its path relative to the folder and its SHA-256.
struct StoredFile {
    std::string file;
    std::string sha256;
};

// A piece of evidence in a bidder's pack that supports an item one of their answers cites.
struct LinkedEvidence {
    std::string question;  // the answer's question code
    std::string cite;      // "eds2022:2A"
    std::string evidence;  // the evidence id in the pack
    std::string title;
    std::string where;  // the file's path in the pack, the link's URL, or "note"
};

// The evidence pack's verification, made when the bid was added, on the stored copy.
struct PackCheck {
    StoredFile stored;
    bool intact = false;
    std::vector<std::string> problems;  // every problem, "pack.zip: path: reason"
    std::string signer;                 // key fingerprint; "" when not signed
    bool signature_valid = false;
    std::uint64_t files_checked = 0;
    std::vector<LinkedEvidence> linked;
};

struct TenderBid {
    std::string bidder;
    std::string received;  // ISO 8601, UTC
    bool late = false;     // received after the deadline
    StoredFile responses;
    std::optional<PackCheck> pack;
    // A pack that failed verification is recorded and flagged, never silently accepted.
    [[nodiscard]] bool flagged() const { return pack && !pack->intact; }
};

struct TenderEvaluator {
    std::string name;
    std::string public_key;  // 64 hex digits when registered; "" to take the first signer's
};

// "I have no conflict with this bidder", recorded as carefully as a conflict.
struct NoConflict {
    std::string evaluator;
    std::string bidder;
};

struct ImportedScoresheet {
    std::string evaluator;
    StoredFile stored;
    std::string signer;  // fingerprint of the key that signed it
};

// An audit entry as stored: chained to the one before it, and anchored to the state it left.
struct ChainedAuditEntry {
    AuditEntry entry;
    std::string previous;  // SHA-256 of the previous entry ("" for the first)
    // SHA-256 of tender.json without "audit" after the change, on a change's last entry only
    // ("" on the others), so that removing the last entry of a change is detected too.
    std::string state_sha256;
    std::string sha256;  // of this entry (its fields above, as stored)
};

// New weights for scored questions (by code) and, optionally, new moderation settings.
struct CriteriaChange {
    std::vector<std::pair<std::string, double>> weights;
    std::optional<TenderSettings> settings;
};

class TenderFolder {
  public:
    // Makes the folder (new, or empty) holding a new tender.
    [[nodiscard]] static Result<TenderFolder> create(const std::filesystem::path& dir,
                                                     Tender tender, std::string deadline,
                                                     const std::string& who, const std::string& at);
    // Reads tender.json and every file it names, checking every hash, signature and rule.
    [[nodiscard]] static Checked<TenderFolder> open(const std::filesystem::path& dir);

    [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }
    [[nodiscard]] const Tender& tender() const { return tender_; }
    [[nodiscard]] const std::string& deadline() const { return deadline_; }
    [[nodiscard]] const std::vector<TenderBid>& bids() const { return bids_; }
    [[nodiscard]] const TenderBid* find_bid(std::string_view bidder) const;
    [[nodiscard]] const std::vector<TenderEvaluator>& evaluators() const { return evaluators_; }
    [[nodiscard]] const std::vector<NoConflict>& no_conflicts() const { return no_conflicts_; }
    [[nodiscard]] const std::vector<ImportedScoresheet>& scoresheets() const {
        return scoresheets_;
    }
    [[nodiscard]] const std::vector<ChainedAuditEntry>& audit() const { return audit_; }
    [[nodiscard]] std::filesystem::path index_path() const { return dir_ / tender_index_name; }

    [[nodiscard]] Result<void> publish(const std::string& who, const std::string& at);
    // Changes to the criteria before publication, saved as one change: all or none. Only what
    // differs from the tender is applied; once published, any difference is refused.
    [[nodiscard]] Result<void> set_criteria(const CriteriaChange& criteria, const std::string& who,
                                            const std::string& at);
    // Copies the responses (checked against the question set) and the pack into the folder,
    // verifies the stored pack and lists its evidence for the answers' cited items.
    [[nodiscard]] Result<const TenderBid*> add_bid(const std::string& bidder,
                                                   const std::filesystem::path& responses,
                                                   const std::optional<std::filesystem::path>& pack,
                                                   const std::string& who, const std::string& at);
    [[nodiscard]] Result<void> add_evaluator(const std::string& name,
                                             const std::optional<PublicKey>& key,
                                             const std::string& who, const std::string& at);
    // conflict: what the evaluator declared; nullopt declares no conflict.
    [[nodiscard]] Result<void> declare(const std::string& evaluator, const std::string& bidder,
                                       const std::optional<std::string>& conflict,
                                       const std::string& who, const std::string& at);
    // Each file must be a complete scoresheet for this tender, signed (eqkit tender submit) by
    // the evaluator's key. All or nothing: one refusal imports none.
    [[nodiscard]] Result<void> import_scoresheets(const std::vector<std::filesystem::path>& files,
                                                  const std::string& at);
    [[nodiscard]] Result<void> moderate(Moderation moderation, const std::string& who,
                                        const std::string& at);
    // Several moderated scores in one change (one save): all or none.
    [[nodiscard]] Result<void> moderate_all(std::vector<Moderation> moderations,
                                            const std::string& who, const std::string& at);

    // A bidder's responses, read from the folder.
    [[nodiscard]] Checked<TenderResponses> responses_of(std::string_view bidder) const;

  private:
    explicit TenderFolder(std::filesystem::path dir, Tender tender)
        : dir_(std::move(dir)), tender_(std::move(tender)) {}

    // Applies change to a copy, saves the copy's tender.json and adopts it. On any failure the
    // folder and this object are as they were.
    template <class Change>
    Result<void> change(Change&& apply);
    [[nodiscard]] Result<void> save();
    [[nodiscard]] std::string label(std::string_view relative) const;

    std::filesystem::path dir_;
    Tender tender_;
    std::string deadline_;
    std::vector<TenderBid> bids_;
    std::vector<TenderEvaluator> evaluators_;
    std::vector<NoConflict> no_conflicts_;
    std::vector<ImportedScoresheet> scoresheets_;
    std::vector<ChainedAuditEntry> audit_;
};

// Marks the sheet submitted and signs its signed bytes (scoresheet_signed_bytes) with key.
// Refused when it is already submitted.
[[nodiscard]] Result<void> sign_scoresheet(Scoresheet& sheet, const KeyPair& key,
                                           const std::string& file);
// The key that signed the sheet, when the signature matches its content; file names it.
[[nodiscard]] Result<PublicKey> check_scoresheet_signature(const Scoresheet& sheet,
                                                           const std::string& file);

}  // namespace eqkit
