#pragma once
// Carrying an answer given for a linked item into this one, with its provenance: the answer
// gains a "needs review" mark and a source ("from EDS 2022 1A, accepted by Jo on 2025-01-31").
// In the core, so both faces (JsonApi and the canvas) and the workspace folder accept the same
// way.
#include <string>
#include <string_view>

#include "eqkit/assessment.hpp"
#include "eqkit/crosswalk.hpp"

namespace eqkit {

enum class SuggestionKind { evidence, answer };

struct Suggestion {
    SuggestionKind kind = SuggestionKind::evidence;
    CrosswalkLink link;  // the item the evidence or answer was given for, seen from the target
    // kind == evidence
    std::string evidence_id;
    std::string evidence_title;
    // kind == answer
    std::string assessment_id;
    Answer answer;
};

// The target's answer after carrying the suggested answer into it: the narrative gains a
// paragraph "From <framework> <code> (assessment <id>), accepted by <who> on <date>; needs
// review: …", the answer is marked "needs review" and the source is recorded.
[[nodiscard]] Answer carried_answer(const Registry& registry, const Answer& existing,
                                    const Suggestion& suggestion, std::string_view accepted_by,
                                    std::string_view date);

// "EDS 2022 1A (assessment eds2022)": where a suggested answer comes from, in words.
[[nodiscard]] std::string carried_from(const Registry& registry, const Suggestion& suggestion);
// Whether the target answer already carries this suggestion (by its sources, or by the
// paragraph older files carried).
[[nodiscard]] bool already_carried(const Registry& registry, const Answer& target,
                                   const Suggestion& suggestion);

// carried_answer, and the score too when the link is "equal", both frameworks use the same
// scale and the target has no score yet. target is the framework of the answer's item.
[[nodiscard]] Answer accepted_answer(const Registry& registry, const Framework& target,
                                     const Answer& existing, const Suggestion& suggestion,
                                     std::string_view accepted_by, std::string_view date);

}  // namespace eqkit
