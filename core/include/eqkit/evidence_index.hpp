#pragma once
// Evidence by item: for every item of every framework a workspace uses, the evidence attached
// to it and whether it is missing (none) or out of date (all of it expired).
#include <string_view>
#include <vector>

#include "eqkit/evidence.hpp"
#include "eqkit/framework.hpp"
#include "eqkit/workspace_folder.hpp"

namespace eqkit {

struct ItemEvidence {
    const Framework* framework = nullptr;
    const Group* group = nullptr;
    const Item* item = nullptr;
    std::vector<const Evidence*> evidence;  // in library order
    std::size_t expired = 0;                // how many of them have expired

    [[nodiscard]] std::string ref() const { return framework->id + ":" + item->code; }
    [[nodiscard]] bool missing() const { return evidence.empty(); }
    [[nodiscard]] bool only_expired() const {
        return !evidence.empty() && expired == evidence.size();
    }
};

// The frameworks a workspace uses: those of its assessments and those its evidence supports,
// by id. Frameworks that are not loaded are left out.
[[nodiscard]] std::vector<const Framework*> frameworks_used(const WorkspaceFolder& workspace);

// Every item of frameworks_used(), in framework order. today decides what has expired.
[[nodiscard]] std::vector<ItemEvidence> evidence_by_item(const WorkspaceFolder& workspace,
                                                         std::string_view today);

}  // namespace eqkit
