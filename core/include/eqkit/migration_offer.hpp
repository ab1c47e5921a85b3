#pragma once
// The migration review: an assessment file made with an earlier version of a loaded framework
// (one the registry keeps, plugins/<id>/versions/<v>/framework.json) is read against that
// version, and the user sees what changed and what carrying it across gives before anything is
// opened. Both faces show this same offer (the canvas directly, the accessible face through
// JsonApi::migration_offer).
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

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

// ---- An assessment a web face keeps in browser storage ---------------------------------------
// Both web faces keep the open assessment in one file (store_file, /persist/current.json). When it
// no longer opens it is never overwritten: it is moved aside under a name of its own, never over
// another. One made with an earlier version of its framework becomes <stem>.earlier-version.json
// and is offered for migration, in the same review as an opened file, until the user carries it
// across; it is then kept as <stem>.carried.json (their answers as they gave them), no longer
// offered. Any other becomes <stem>.unreadable.json.

// What offers and errors call a kept assessment.
inline constexpr const char* kept_assessment_label = "The assessment kept in this browser";

struct SetAside {
    std::filesystem::path file;    // where it is now
    bool earlier_version = false;  // offered for migration (else unreadable)
};
[[nodiscard]] SetAside set_aside_kept(const std::filesystem::path& store_file,
                                      const Registry& registry);
// Those set aside as earlier versions beside store_file (this session's and earlier ones'),
// sorted by name.
[[nodiscard]] std::vector<std::filesystem::path> kept_earlier_versions(
    const std::filesystem::path& store_file);
// Renames one of kept_earlier_versions() to <stem>.carried.json (or -2 …); the new name.
std::filesystem::path keep_as_carried(const std::filesystem::path& earlier_file);

}  // namespace eqkit
