#pragma once
// The impact assessment parts of an assessment (form fields, one row per characteristic or
// group, risk before and after mitigation) and what every assessment shares with them: sign-off,
// which locks it, versions, and the review date. All rules come from the framework's data
// (impact_spec.hpp); docs/framework-format.md and docs/workspace-format.md describe the files.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eqkit/error.hpp"

namespace eqkit {

struct Framework;
struct Assessment;
struct Band;
struct RiskMatrix;

// A point on the risk matrix.
struct RiskRating {
    int likelihood = 0;
    int impact = 0;
    friend bool operator==(const RiskRating&, const RiskRating&) = default;
};

// One row: a protected characteristic or added group.
struct RowAnswer {
    std::string relevance;  // a relevance level's value, or ""
    std::string impact;     // an impact level's value, or ""
    std::string reason;
    std::map<std::string, std::string> texts;  // by the row text's id: "evidence"
    std::optional<RiskRating> risk_before;     // inherent
    std::optional<RiskRating> risk_after;      // residual, after mitigation

    [[nodiscard]] bool empty() const {
        return relevance.empty() && impact.empty() && reason.empty() && texts.empty() &&
               !risk_before && !risk_after;
    }
    friend bool operator==(const RowAnswer&, const RowAnswer&) = default;
};

struct FormAnswers {
    std::map<std::string, std::string> fields;  // by field id; empty values are not kept
    std::map<std::string, RowAnswer> rows;      // by subject id; empty rows are not kept
    friend bool operator==(const FormAnswers&, const FormAnswers&) = default;
};

struct Signoff {
    std::string name;
    std::string role;
    std::string date;  // YYYY-MM-DD
    friend bool operator==(const Signoff&, const Signoff&) = default;
};

// What changed in a version after the one before it was signed off.
struct VersionChange {
    int version = 0;
    std::string change;  // "row race: impact, reason"
    friend bool operator==(const VersionChange&, const VersionChange&) = default;
};

// Sign-off and versions. A signed assessment is locked: the next change keeps the signed
// version (its file text, byte for byte) and starts the next version.
struct VersionTrail {
    int version = 1;
    std::optional<Signoff> signoff;
    std::vector<VersionChange> changes;
    std::vector<std::string> earlier_versions;  // each signed version's text, oldest first
    friend bool operator==(const VersionTrail&, const VersionTrail&) = default;
};

// ---- checks and edits (errors: place such as "field lead" or "row race"; file left empty) ----

[[nodiscard]] Result<void> check_field(const Framework& framework, std::string_view field_id,
                                       std::string_view value);
[[nodiscard]] Result<void> check_row(const Framework& framework, std::string_view subject_id,
                                     const RowAnswer& row);

// Each records the change in the trail; on a signed assessment it first starts a new version.
// A change that changes nothing does nothing.
[[nodiscard]] Result<void> set_field(const Framework& framework, Assessment& assessment,
                                     std::string_view field_id, std::string value);
[[nodiscard]] Result<void> set_row(const Framework& framework, Assessment& assessment,
                                   std::string_view subject_id, RowAnswer row);

// Called by every edit before it changes a signed or versioned assessment.
void record_change(const Framework& framework, Assessment& assessment, std::string change);

// ---- risk ----

struct RiskResult {
    RiskRating at;
    int score = 0;
    const Band* band = nullptr;  // into the framework's matrix
};

[[nodiscard]] Result<RiskResult> assess_risk(const RiskMatrix& matrix, RiskRating at);

// ---- sign-off ----

// Every reason the assessment cannot be signed off yet (required fields, rows, items; the
// signer's name, role and date), or nothing when it can.
[[nodiscard]] ErrorList signoff_problems(const Framework& framework, const Assessment& assessment,
                                         const Signoff& signoff);
[[nodiscard]] Checked<void> sign_off(const Framework& framework, Assessment& assessment,
                                     Signoff signoff);

// A version's text as it was signed (the current one for the current version).
[[nodiscard]] Result<std::string> version_text(const Framework& framework,
                                               const Assessment& assessment, int version);

// ---- review ----

enum class ReviewState { no_date, not_due, due, overdue };

struct ReviewStatus {
    ReviewState state = ReviewState::no_date;
    std::string date;   // the review date, or ""
    int days_left = 0;  // negative when overdue
};

[[nodiscard]] ReviewStatus review_status(const Framework& framework, const Assessment& assessment,
                                         std::string_view today);
// "Not set", "Not due", "Due", "Overdue".
[[nodiscard]] std::string_view review_state_label(ReviewState state);
// The status in words, for every face: "Overdue: the review was due on 2026-03-31, 4 day(s)
// ago", "Due: review by 2026-03-31 (12 day(s) left)", "Not set".
[[nodiscard]] std::string review_words(const ReviewStatus& status);

// Whole days from one YYYY-MM-DD date to another (negative when `to` is earlier).
[[nodiscard]] int days_between(std::string_view from, std::string_view to);

}  // namespace eqkit
