#pragma once
// One self-assessment against one framework version: a score, narrative and raters per item.
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

struct Answer {
    std::optional<int> score;
    std::string narrative;
    std::vector<std::string> raters;

    [[nodiscard]] bool empty() const { return !score && narrative.empty() && raters.empty(); }
    friend bool operator==(const Answer&, const Answer&) = default;
};

struct Assessment {
    std::string framework_id;
    std::string framework_version;
    std::string title;                      // e.g. the organisation's name; may be empty
    std::map<std::string, Answer> answers;  // by item code; empty answers are not kept
    FormAnswers form;    // impact assessments: fields and rows (eqkit/impact.hpp)
    VersionTrail trail;  // sign-off and versions

    [[nodiscard]] const Answer& answer(std::string_view item_code) const;
    friend bool operator==(const Assessment&, const Assessment&) = default;
};

[[nodiscard]] Assessment new_assessment(const Framework& framework);

// An assessment title is valid UTF-8 of at most 300 characters (UTF-16 units).
[[nodiscard]] Result<void> check_title(std::string_view title);

// Why an answer cannot be given to an item: place is "item 1A"; file is left for the caller.
[[nodiscard]] Result<void> check_answer(const Framework& framework, std::string_view item_code,
                                        const Answer& answer);

// Sets (or clears, when empty) an item's answer after checking it.
[[nodiscard]] Result<void> set_answer(const Framework& framework, Assessment& assessment,
                                      std::string_view item_code, Answer answer);

// Items in framework order, so the same assessment always serialises to the same bytes.
[[nodiscard]] std::string assessment_to_json(const Framework& framework,
                                             const Assessment& assessment);

// Parses and checks an assessment against the framework it names, which must be loaded in the
// registry at the same version.
[[nodiscard]] Checked<Assessment> parse_assessment(std::string_view json, std::string_view label,
                                                   const Registry& registry);
[[nodiscard]] Checked<Assessment> load_assessment(const std::filesystem::path& file,
                                                  const Registry& registry);

}  // namespace eqkit
