#pragma once
// What changed between two versions of a framework, and an assessment carried across to the new
// version: every carried answer is marked "needs review", and nothing is dropped without being
// listed with the reason.
#include <string>
#include <vector>

#include "eqkit/assessment.hpp"
#include "eqkit/crosswalk.hpp"
#include "eqkit/framework.hpp"

namespace eqkit {

class Registry;

struct RetitledItem {
    std::string code;
    std::string old_title;
    std::string new_title;
};

struct FrameworkDiff {
    std::string old_version;
    std::string new_version;
    std::vector<std::string> added;    // item codes only in the new version, in its order
    std::vector<std::string> removed;  // item codes only in the old version, in its order
    std::vector<RetitledItem> retitled;
    bool rescaled = false;  // the scale's values or labels changed

    [[nodiscard]] bool empty() const {
        return added.empty() && removed.empty() && retitled.empty() && !rescaled;
    }
};

[[nodiscard]] FrameworkDiff diff_frameworks(const Framework& old_version,
                                            const Framework& new_version);

// An answer that could not be carried whole, and why.
struct NotCarried {
    std::string code;
    std::string reason;
};

// An answer carried to an item with another code, over a crosswalk link.
struct MappedAnswer {
    std::string code;       // in the new version
    std::string from_code;  // in the old one
    std::string mapping;    // the mapping's id
};

struct Migration {
    Assessment assessment;                  // under the new version
    std::vector<std::string> needs_review;  // every item whose answer was carried
    std::vector<MappedAnswer> mapped;       // those carried by mapping rather than by code
    std::vector<NotCarried> not_carried;    // answers (or scores) left behind, each with why
};

// Carries each answer to the item with the same code in the new version, or else (given a
// registry) to the item of the new framework a loaded mapping says it is "equal" to; looser
// links are left to the user, who accepts them from the crosswalk. A score that is not on the
// new scale is left behind (the narrative and raters still go), and listed.
[[nodiscard]] Migration migrate_assessment(const Assessment& assessment,
                                           const Framework& old_version,
                                           const Framework& new_version,
                                           const Registry* registry = nullptr);

}  // namespace eqkit
