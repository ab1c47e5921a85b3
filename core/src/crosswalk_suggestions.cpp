// Answer once, count many: suggestions from the crosswalk, and accepting them.
#include "eqkit/crosswalk_suggestions.hpp"

#include <algorithm>

#include "eqkit/scoring.hpp"
#include "json_reader.hpp"

namespace eqkit {
namespace {

using detail::Json;

// The first line of a carried paragraph, which also tells whether it was carried already.
std::string carried_heading(const Registry& registry, const Suggestion& s) {
    const Framework* fw = registry.find(s.link.framework);
    const std::string name = fw == nullptr ? s.link.framework : std::string(fw->display_title());
    return "From " + name + " " + s.link.code + " (assessment " + s.assessment_id + ")";
}

bool same_scale(const Scale& a, const Scale& b) {
    return a.levels.size() == b.levels.size() &&
           std::equal(a.levels.begin(), a.levels.end(), b.levels.begin(),
                      [](const ScaleLevel& x, const ScaleLevel& y) {
                          return x.value == y.value && x.label == y.label;
                      });
}

}  // namespace

std::vector<Suggestion> suggestions(const WorkspaceFolder& folder, const ItemRef& target,
                                    std::string_view target_assessment_id) {
    const Registry& registry = folder.registry();
    const StoredAssessment* into = folder.find_assessment(target_assessment_id);
    std::vector<Suggestion> out;
    for (const CrosswalkLink& link : linked_items(registry, target.framework, target.code)) {
        for (const Evidence& e : folder.evidence()) {
            if (!e.supports_item(link.ref()) || e.supports_item(target.text())) continue;
            Suggestion s;
            s.kind = SuggestionKind::evidence;
            s.link = link;
            s.evidence_id = e.id;
            s.evidence_title = e.title;
            out.push_back(std::move(s));
        }
        for (const StoredAssessment& stored : folder.assessments()) {
            if (stored.assessment.framework_id != link.framework) continue;
            const Answer& answer = stored.assessment.answer(link.code);
            if (answer.empty()) continue;
            Suggestion s;
            s.kind = SuggestionKind::answer;
            s.link = link;
            s.assessment_id = stored.entry.id;
            s.answer = answer;
            if (into != nullptr &&
                into->assessment.answer(target.code).narrative.find(carried_heading(registry, s)) !=
                    std::string::npos) {
                continue;
            }
            out.push_back(std::move(s));
        }
    }
    return out;
}

Answer carried_answer(const Registry& registry, const Answer& existing, const Suggestion& s,
                      std::string_view accepted_by, std::string_view date) {
    Answer answer = existing;
    std::string paragraph = carried_heading(registry, s) + ", accepted by " +
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
    return answer;
}

Result<void> accept_suggestion(WorkspaceFolder& folder, const ItemRef& target,
                               std::string_view target_assessment_id, const Suggestion& s,
                               std::string_view accepted_by, std::string_view date) {
    if (s.kind == SuggestionKind::evidence) return folder.attach(s.evidence_id, target.text());
    const StoredAssessment* stored = folder.find_assessment(target_assessment_id);
    if (stored == nullptr) {
        return fail(
            "", "",
            "no assessment \"" + std::string(target_assessment_id) + "\" in this workspace");
    }
    const Registry& registry = folder.registry();
    const Framework* fw = registry.find(stored->assessment.framework_id);
    if (fw == nullptr || fw->id != target.framework) {
        return fail("", "",
                    "the assessment \"" + std::string(target_assessment_id) + "\" is not a " +
                        target.framework + " assessment");
    }
    Assessment assessment = stored->assessment;
    Answer answer = carried_answer(registry, assessment.answer(target.code), s, accepted_by, date);
    const Framework* from = registry.find(s.link.framework);
    if (s.link.relationship == Relationship::equal && s.answer.score && !answer.score &&
        from != nullptr && same_scale(from->scale, fw->scale)) {
        answer.score = s.answer.score;
    }
    if (Result<void> set = set_answer(*fw, assessment, target.code, std::move(answer)); !set) {
        return set;
    }
    return folder.save_assessment(target_assessment_id, std::move(assessment));
}

std::string suggestions_json(const ItemRef& target, const std::vector<Suggestion>& list) {
    Json out = Json::array();
    for (const Suggestion& s : list) {
        Json entry = {{"kind", s.kind == SuggestionKind::evidence ? "evidence" : "answer"},
                      {"item", s.link.ref()},
                      {"title", s.link.title},
                      {"relationship", relationship_name(s.link.relationship)},
                      {"relationship_words", relationship_words(s.link.relationship)},
                      {"rationale", s.link.rationale},
                      {"official", s.link.official},
                      {"confirmed", s.link.provenance.confirmed}};
        if (s.kind == SuggestionKind::evidence) {
            entry["evidence_id"] = s.evidence_id;
            entry["evidence_title"] = s.evidence_title;
        } else {
            entry["assessment_id"] = s.assessment_id;
            entry["score"] = s.answer.score ? Json(*s.answer.score) : Json(nullptr);
            entry["narrative"] = s.answer.narrative;
        }
        out.push_back(std::move(entry));
    }
    return detail::dump_json(Json{{"item", target.text()}, {"suggestions", std::move(out)}});
}

}  // namespace eqkit
