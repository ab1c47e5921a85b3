#pragma once
// The migration review: an assessment file made with an earlier version of a loaded framework
// (one the registry keeps, plugins/<id>/versions/<v>/framework.json) is read against that
// version, and the user sees what changed and what carrying it across gives before anything is
// opened. Both faces show this same offer (the canvas directly, the accessible face through
// JsonApi::migration_offer).
#include <string>
#include <string_view>

#include "eqkit/assessment.hpp"
#include "eqkit/framework_diff.hpp"
#include "eqkit/registry.hpp"
#include "eqkit/workspace.hpp"

namespace eqkit {

struct MigrationOffer {
    const Framework* from = nullptr;  // the earlier version the file was made with
    const Framework* to = nullptr;    // the loaded version
    FrameworkDiff diff;
    Migration migration;  // the assessment as it would be under the loaded version
};

// The offer for an assessment file made with an earlier version. When the file is not one
// (another framework, a version the registry does not keep) the errors are those of opening it
// the usual way; when it is, those of reading it against its own version.
[[nodiscard]] Checked<MigrationOffer> offer_migration(std::string_view json, std::string_view label,
                                                      const Registry& registry);

// Carries the file across and opens the result in the workspace (unsaved, with no file of its
// own, so the earlier file is never overwritten): what every face calls when the user agrees.
[[nodiscard]] Checked<Migration> open_migrated(Workspace& workspace, std::string_view json,
                                               std::string_view label);

// {"from":{id,version,title},"to":{…},"added":[{code,title}],"removed":[{code,title}],
//  "retitled":[{code,old_title,new_title}],"rescaled":bool,"old_scale":[{value,label}],
//  "new_scale":[…],"carried":[{code,title,from_code,by:"code"|"mapping",mapping}],
//  "not_carried":[{code,reason}]}
[[nodiscard]] std::string migration_offer_json(const MigrationOffer& offer);

}  // namespace eqkit
