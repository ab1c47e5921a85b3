#pragma once
// What a workforce equality standard measures, as data: plugins/<id>/indicators.json, format
// eqkit-indicators/1 (docs/indicators-format.md). WRES and WDES are two such files read by the
// one indicator engine (workforce_indicators.hpp); only the data differs between them.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eqkit/error.hpp"
#include "eqkit/framework.hpp"

namespace eqkit::workforce {

inline constexpr std::string_view indicators_format = "eqkit-indicators/1";

// A group staff are counted in: White / BME / Unknown, or non-disabled / Disabled / not declared.
struct GroupDef {
    std::string key;
    std::string label;
    std::string description;
    std::vector<std::string> aliases;
    bool unknown = false;  // reported, and left out of the relative likelihoods
    Provenance provenance;
};

// One recognised value of the group column: a code, a name and its aliases.
struct ClassValue {
    std::string code;  // "A", "99"; empty when the value is matched by name only
    std::string label;
    std::vector<std::string> aliases;
    std::size_t group = 0;
    Provenance provenance;
};

struct Classification {
    std::string field;  // the canonical column: "ethnic_category", "disability"
    std::string label;
    std::string explanation;
    bool code_tokens = false;  // match "C2 White - Other" by its first character, as NHS codes are
    std::size_t blank = 0;     // the group of an empty value
    std::vector<ClassValue> values;
};

// A row of indicator 1: a pay band or a medical and dental subgroup.
struct RowDef {
    std::string key;
    std::string label;
    std::vector<std::string> aliases;
    std::string note;
    Provenance provenance;
};

struct SectionDef {
    std::string key;
    std::string label;
};

struct RowsDef {
    std::vector<SectionDef> sections;  // non-clinical, clinical (AfC rows), medical (medical rows)
    std::vector<RowDef> afc;
    std::vector<RowDef> medical;
    Provenance provenance;
};

enum class InputKind { staff, applicants, events, board, survey };

// An events file counts a person when this column says yes (counts_when true) or no.
struct EventFlag {
    std::string field;
    bool counts_when = true;
};

struct InputDef {
    std::string role;  // also the CLI option: --staff, --disciplinary
    InputKind kind = InputKind::staff;
    std::string title;
    std::string measure;  // events: the measure the file counts
    std::vector<EventFlag> flags;
    bool optional = false;
    bool exclude_bank = false;  // staff: bank staff are left out of the workforce
    std::string bank_note;
    Provenance bank_provenance;
};

struct MeasureDef {
    std::string key;
    std::string label;
};

struct Guide {
    std::string label;
    double lower = 0.8;
    double upper = 1.25;
    Provenance provenance;
};

struct SmallNumbers {
    std::int64_t below = 5;
    Provenance provenance;
};

struct Statement {
    std::string text;
    Provenance provenance;
};

struct SurveyQuestion {
    std::string surveys;
    std::string question;
};

enum class IndicatorKind { representation, relative_likelihood, survey, board_difference };
enum class SurveyUnit { percent, score };

// A column of a survey part: a group key, or an extra such as "organisation".
struct SurveyColumn {
    std::string key;
    std::string label;
};

// One measured figure within an indicator: survey parts, or board parts (voting, executive).
struct PartDef {
    std::string code;
    std::string title;
    SurveyUnit unit = SurveyUnit::percent;
    std::vector<SurveyColumn> columns;  // survey
    bool higher_is_better = false;
    std::vector<SurveyQuestion> questions;
    std::string measure;  // board
    Provenance provenance;
};

struct PooledDef {
    std::string label;
    std::string description;
    Provenance provenance;
};

struct IndicatorDef {
    int number = 0;
    std::string code;
    IndicatorKind kind = IndicatorKind::representation;
    std::string title;
    std::string short_title;
    std::string data_source;
    std::string calculation;
    std::string value_meaning;
    std::string interpretation;
    std::string sentence;  // relative likelihood, with {value}
    std::string measure;   // representation
    std::string event;     // relative likelihood: numerator measure
    std::string base;      // relative likelihood: denominator measure
    std::size_t numerator_group = 0;
    std::size_t denominator_group = 0;
    std::optional<PooledDef> pooled;
    std::string sign;  // board difference
    Provenance sign_provenance;
    std::vector<PartDef> parts;
    Provenance provenance;
};

struct Definitions {
    std::string standard;  // "wres"
    std::string framework;
    std::string title;
    std::string short_title;
    std::string characteristic;
    std::string counts_format;
    Source source;
    std::vector<GroupDef> groups;
    std::size_t focus_group = 0;
    std::size_t reference_group = 0;
    Classification classification;
    RowsDef rows;
    std::vector<InputDef> inputs;
    std::vector<MeasureDef> measures;
    std::vector<SurveyColumn> survey_columns;  // extra survey columns beyond the groups
    Statement reporting_period;
    Guide guide;
    SmallNumbers small_numbers;
    std::vector<IndicatorDef> indicators;
    std::string file;

    [[nodiscard]] std::optional<std::size_t> group_index(std::string_view key) const;
    [[nodiscard]] const InputDef* input(std::string_view role) const;
    [[nodiscard]] const MeasureDef* measure(std::string_view key) const;
    [[nodiscard]] std::string_view measure_label(std::string_view key) const;
    [[nodiscard]] const IndicatorDef* indicator(int number) const;
    // The label of a survey column: a group's label, or an extra column's.
    [[nodiscard]] std::string column_label(std::string_view key) const;
    [[nodiscard]] const std::string& group_label(std::size_t group) const {
        return groups[group].label;
    }
};

// Reads indicators JSON; label names it in messages. Reports every problem.
[[nodiscard]] Checked<Definitions> parse_definitions(std::string_view json, std::string_view label);
[[nodiscard]] Checked<Definitions> load_definitions(const std::filesystem::path& file);

// The indicators file that sits beside a framework file (plugins/<id>/indicators.json).
[[nodiscard]] std::filesystem::path definitions_beside(const Framework& framework);

}  // namespace eqkit::workforce
