#include "eqkit/evidence_index.hpp"

#include <algorithm>
#include <set>

namespace eqkit {

std::vector<const Framework*> frameworks_used(const WorkspaceFolder& workspace) {
    std::set<std::string> ids;
    for (const StoredAssessment& a : workspace.assessments())
        ids.insert(a.entry.framework);
    for (const Evidence& e : workspace.evidence()) {
        for (const std::string& ref : e.supports) {
            if (Result<ItemRef> parsed = parse_item_ref(ref)) ids.insert(parsed->framework);
        }
    }
    std::vector<const Framework*> out;
    for (const std::string& id : ids) {
        if (const Framework* fw = workspace.registry().find(id)) out.push_back(fw);
    }
    return out;
}

std::vector<ItemEvidence> evidence_by_item(const WorkspaceFolder& workspace,
                                           std::string_view today) {
    std::vector<ItemEvidence> out;
    for (const Framework* fw : frameworks_used(workspace)) {
        for (const Group& group : fw->groups) {
            for (const Item& item : group.items) {
                ItemEvidence entry{fw, &group, &item, {}, 0};
                const std::string ref = entry.ref();
                for (const Evidence& e : workspace.evidence()) {
                    if (!e.supports_item(ref)) continue;
                    entry.evidence.push_back(&e);
                    if (e.expired(today)) ++entry.expired;
                }
                out.push_back(std::move(entry));
            }
        }
    }
    return out;
}

}  // namespace eqkit
