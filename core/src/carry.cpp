// Carrying an answer from a linked item, with its provenance (eqkit/carry.hpp).
#include "eqkit/carry.hpp"

#include <algorithm>

#include "eqkit/registry.hpp"
#include "eqkit/scoring.hpp"

namespace eqkit {
namespace {

bool same_scale(const Scale& a, const Scale& b) {
    return a.levels.size() == b.levels.size() &&
           std::equal(a.levels.begin(), a.levels.end(), b.levels.begin(),
                      [](const ScaleLevel& x, const ScaleLevel& y) {
                          return x.value == y.value && x.label == y.label;
                      });
}

}  // namespace

std::string carried_from(const Registry& registry, const Suggestion& s) {
    const Framework* fw = registry.find(s.link.framework);
    const std::string name = fw == nullptr ? s.link.framework : std::string(fw->display_title());
    return name + " " + s.link.code + " (assessment " + s.assessment_id + ")";
}

bool already_carried(const Registry& registry, const Answer& target, const Suggestion& s) {
    const std::string from = carried_from(registry, s);
    return std::any_of(target.sources.begin(), target.sources.end(),
                       [&from](const AnswerSource& source) { return source.from == from; }) ||
           target.narrative.find("From " + from) != std::string::npos;  // files from before
}

Answer carried_answer(const Registry& registry, const Answer& existing, const Suggestion& s,
                      std::string_view accepted_by, std::string_view date) {
    Answer answer = existing;
    std::string paragraph = "From " + carried_from(registry, s) + ", accepted by " +
                            std::string(accepted_by) + " on " + std::string(date) +
                            "; needs review:";
    if (s.answer.score) {
        const Framework* from = registry.find(s.link.framework);
        paragraph += " score " + std::to_string(*s.answer.score);
        if (from != nullptr) paragraph += " (" + score_label(*from, s.answer.score) + ")";
        paragraph += ".";
    }
    if (!s.answer.narrative.empty()) paragraph += " " + s.answer.narrative;
    answer.narrative += (answer.narrative.empty() ? "" : "\n\n") + paragraph;
    answer.needs_review = true;
    answer.sources.push_back(
        {s.link.ref(), carried_from(registry, s), std::string(accepted_by), std::string(date)});
    return answer;
}

Answer accepted_answer(const Registry& registry, const Framework& target, const Answer& existing,
                       const Suggestion& s, std::string_view accepted_by, std::string_view date) {
    Answer answer = carried_answer(registry, existing, s, accepted_by, date);
    const Framework* from = registry.find(s.link.framework);
    if (s.link.relationship == Relationship::equal && s.answer.score && !answer.score &&
        from != nullptr && same_scale(from->scale, target.scale)) {
        answer.score = s.answer.score;
    }
    return answer;
}

}  // namespace eqkit
