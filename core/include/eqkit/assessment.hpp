#pragma once
// One self-assessment against one framework version: per item a score (or evidence category
// scores), narrative and raters, a "needs review" mark for answers carried from elsewhere and
// where they came from; for the whole assessment the scoring method, the items that apply, the
// judgements the rating rules leave to the user (with their rationale) and the answers to the
// rules' questions (such as "Is there a breach of regulations?"). docs/workspace-format.md.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eqkit/error.hpp"
#include "eqkit/framework.hpp"
#include "eqkit/impact.hpp"

namespace eqkit {

class Registry;

inline constexpr std::string_view assessment_format = "eqkit-assessment/1";

// Where an accepted answer came from: "from EDS 2022 1A, accepted by Jo Bloggs on 2025-01-31".
struct AnswerSource {
    std::string item;  // "eds2022:1A", or "" for a migration ("cqc_saf version 1")
    std::string from;  // in words: "EDS 2022 1A (assessment eds2022)"
    std::string accepted_by;
    std::string accepted_on;  // YYYY-MM-DD
    friend bool operator==(const AnswerSource&, const AnswerSource&) = default;
};

// A headed narrative section, as a CQC local authority report page has them.
struct ReportSection {
    std::string heading;
    std::string text;
    friend bool operator==(const ReportSection&, const ReportSection&) = default;
};

struct Answer {
    std::optional<int> score;
    std::string narrative;
    std::vector<std::string> raters;
    std::map<std::string, int> category_scores;  // evidence category code -> score
    bool needs_review = false;  // carried from elsewhere; cleared when the user confirms it
    std::vector<AnswerSource> sources;
    // The user's own text for a report page (never taken from the framework file).
    std::string i_statement;
    std::string we_statement;
    std::vector<ReportSection> sections;

    [[nodiscard]] bool empty() const {
        return !score && category_scores.empty() && narrative.empty() && raters.empty() &&
               sources.empty() && i_statement.empty() && we_statement.empty() && sections.empty();
    }
    friend bool operator==(const Answer&, const Answer&) = default;
};

// A rating the user chose where the rules leave it to them, and why.
struct Judgement {
    std::string rating;
    std::string rationale;
    friend bool operator==(const Judgement&, const Judgement&) = default;
};

struct Assessment {
    std::string framework_id;
    std::string framework_version;
    std::string title;                      // e.g. the organisation's name; may be empty
    std::map<std::string, Answer> answers;  // by item code; empty answers are not kept
    FormAnswers form;    // impact assessments: fields and rows (eqkit/impact.hpp)
    VersionTrail trail;  // sign-off and versions
    std::string method;  // a scoring method id; "" = the newest direct one
    // The items the user says apply to their service; absent = all of them.
    std::optional<std::vector<std::string>> applicable;
    std::map<std::string, Judgement> judgements;  // "overall" or a group code
    std::map<std::string, bool> flags;            // a rule's question -> the user's answer

    [[nodiscard]] bool applies(std::string_view item_code) const;

    [[nodiscard]] const Answer& answer(std::string_view item_code) const;
    friend bool operator==(const Assessment&, const Assessment&) = default;
};

[[nodiscard]] Assessment new_assessment(const Framework& framework);

// An assessment title is valid UTF-8 of at most 300 characters (UTF-16 units).
[[nodiscard]] Result<void> check_title(std::string_view title);

// Why an answer cannot be given to an item: place is "item 1A"; file is left for the caller.
[[nodiscard]] Result<void> check_answer(const Framework& framework, std::string_view item_code,
                                        const Answer& answer);

// The items that apply when only these codes do, where a group's code (a key question, say
// SAFE) stands for every item in it; each item once, in the order given. A code that is neither
// is kept, for check_settings to refuse. The CLI (assess choose --applies) and both faces use it.
[[nodiscard]] std::vector<std::string> applying_items(const Framework& framework,
                                                      const std::vector<std::string>& codes);

// Why the assessment-wide choices (method, applicable items, judgements, flags) do not fit the
// framework: each problem at its JSON Pointer ("/judgements/SAFE/rationale"); file left empty.
[[nodiscard]] ErrorList check_settings(const Framework& framework, const Assessment& assessment);

// Sets (or clears, when empty) an item's answer after checking it.
[[nodiscard]] Result<void> set_answer(const Framework& framework, Assessment& assessment,
                                      std::string_view item_code, Answer answer);

// Items in framework order, so the same assessment always serialises to the same bytes.
[[nodiscard]] std::string assessment_to_json(const Framework& framework,
                                             const Assessment& assessment);

// Whether an assessment made with an earlier version of a loaded framework (one the registry
// keeps in earlier_versions()) is read against that version, or refused.
enum class EarlierVersions { refuse, read };

// Parses and checks an assessment against the framework it names, which must be loaded in the
// registry at the same version.
[[nodiscard]] Checked<Assessment> parse_assessment(
    std::string_view json, std::string_view label, const Registry& registry,
    EarlierVersions earlier = EarlierVersions::refuse);
[[nodiscard]] Checked<Assessment> load_assessment(
    const std::filesystem::path& file, const Registry& registry,
    EarlierVersions earlier = EarlierVersions::refuse);

}  // namespace eqkit
