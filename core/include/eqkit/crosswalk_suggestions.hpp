#pragma once
// Answer once, count many: for an item, the evidence and answers already given in a workspace
// folder for the items the crosswalk links to it, and accepting one. Nothing is copied silently:
// a suggestion changes nothing until it is accepted, and an accepted answer says where it came
// from, who accepted it and when, and that it needs review.
#include <string>
#include <string_view>
#include <vector>

#include "eqkit/carry.hpp"
#include "eqkit/crosswalk.hpp"
#include "eqkit/error.hpp"
#include "eqkit/evidence.hpp"
#include "eqkit/workspace_folder.hpp"

namespace eqkit {

// Suggestions for `target` ("framework:code"), linked items in crosswalk order. Evidence that
// already supports the target is left out; so is an answer already carried into the target's
// answer in target_assessment_id (when given).
[[nodiscard]] std::vector<Suggestion> suggestions(const WorkspaceFolder& folder,
                                                  const ItemRef& target,
                                                  std::string_view target_assessment_id = "");

// Accepts a suggestion: evidence is attached to the target; an answer is carried into the
// target's answer in the assessment target_assessment_id and saved.
[[nodiscard]] Result<void> accept_suggestion(WorkspaceFolder& folder, const ItemRef& target,
                                             std::string_view target_assessment_id,
                                             const Suggestion& suggestion,
                                             std::string_view accepted_by, std::string_view date);

// {"item":"eds2022:1A","suggestions":[{kind,item,title,relationship,relationship_words,
//  rationale,official,confirmed,evidence_id,evidence_title,assessment_id,score,narrative}]}
[[nodiscard]] std::string suggestions_json(const ItemRef& target,
                                           const std::vector<Suggestion>& suggestions);

}  // namespace eqkit
