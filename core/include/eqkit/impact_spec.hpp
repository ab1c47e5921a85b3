#pragma once
// The parts of a framework file an impact assessment (EIA/EIRA) needs beyond scored items, all
// optional and all data (docs/framework-format.md, "Impact assessment parts"): form fields, one
// row per protected characteristic or added group, a likelihood × impact risk matrix with its
// bands, sign-off and a review date.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eqkit/provenance.hpp"

namespace eqkit {

enum class FieldType { text, long_text, date, choice };

[[nodiscard]] std::string_view field_type_name(FieldType type);

// A question of the form outside the items: "Lead assessor", "Review date".
struct FormField {
    std::string id;
    std::string section;  // heading it is shown under: "Ownership"
    std::string label;
    std::string hint;
    FieldType type = FieldType::text;
    std::vector<std::string> choices;  // type choice only
    bool required = false;             // must be answered before sign-off
};

// One choice of a row's column: relevance ("yes") or impact ("negative").
struct RowLevel {
    std::string value;  // stored in the assessment: "negative"
    std::string label;  // shown: "Negative (adverse)"
    std::string description;
    bool reason_required = false;  // impact levels: a rating with no reason is refused
    bool scores_risk = false;      // impact levels: risk is scored before and after mitigation
};

struct RowScale {
    std::string label;  // "Impact"
    std::string hint;
    std::vector<RowLevel> levels;

    [[nodiscard]] const RowLevel* level(std::string_view value) const;
};

// A free-text column of each row: "Evidence", "Engagement".
struct RowText {
    std::string id;
    std::string label;
    std::string hint;
};

enum class SubjectKind { protected_characteristic, added_group };

// A protected characteristic (Equality Act 2010 s4) or a group a template adds (carers).
struct RowSubject {
    std::string id;  // "race", "carers"
    std::string title;
    SubjectKind kind = SubjectKind::protected_characteristic;
    std::string hint;
    std::string note_on_duty;  // e.g. marriage and civil partnership and the equality duty
    Provenance provenance;
};

struct RowsSpec {
    std::string title;  // "Impact on each protected characteristic and group"
    std::string label;  // what one row is: "Characteristic or group"
    RowScale relevance;
    RowScale impact;
    std::string reason_label = "Reason";
    std::vector<RowText> texts;
    std::vector<RowSubject> subjects;

    [[nodiscard]] const RowSubject* subject(std::string_view id) const;
    [[nodiscard]] const RowText* text(std::string_view id) const;
};

struct AxisLevel {
    int value = 0;
    std::string label;
    std::string description;
    Provenance provenance;
};

struct RiskAxis {
    std::string title;              // "Likelihood", "Consequence"
    std::vector<AxisLevel> levels;  // values 1, 2, … in order

    [[nodiscard]] const AxisLevel* level(int value) const;
    [[nodiscard]] int highest() const { return levels.empty() ? 0 : levels.back().value; }
};

struct SignoffSpec {
    std::string title;
    std::string statement;  // what the signer confirms
    std::vector<std::string> role_suggestions;
    bool require_items = true;  // every item scored
    bool require_rows = true;   // every row rated for impact
    Provenance provenance;
};

struct ReviewSpec {
    std::string field;         // id of a date field: the review date
    int due_within_days = 30;  // "due" from this many days before the date
    Provenance provenance;
};

}  // namespace eqkit
