// Answer once, count many: suggestions from the crosswalk, and accepting them.
#include "eqkit/crosswalk_suggestions.hpp"

#include <algorithm>

#include "eqkit/scoring.hpp"
#include "json_reader.hpp"

namespace eqkit {
namespace {

using detail::Json;

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
                already_carried(registry, into->assessment.answer(target.code), s)) {
                continue;
            }
            out.push_back(std::move(s));
        }
    }
    return out;
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
    Answer answer =
        accepted_answer(registry, *fw, assessment.answer(target.code), s, accepted_by, date);
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
