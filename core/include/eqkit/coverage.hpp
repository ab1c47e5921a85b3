#pragma once
// Coverage: for one framework, which items a workspace folder has evidence (or an answer) for
// directly, which only through the crosswalk (a linked item in another framework has some), and
// which have none at all. Nothing is copied: this only says where to look.
#include <string>
#include <string_view>
#include <vector>

#include "eqkit/crosswalk.hpp"
#include "eqkit/workspace_folder.hpp"

namespace eqkit {

enum class CoverageKind { direct, crosswalk, none };

// "Evidence here", "Through the crosswalk only", "None".
[[nodiscard]] std::string_view coverage_words(CoverageKind kind);

struct ItemCoverage {
    std::string code;
    std::string title;
    CoverageKind kind = CoverageKind::none;
    std::vector<std::string> evidence;  // titles of the evidence supporting the item itself
    bool answered = false;              // an assessment of this framework answers it
    // Linked items with evidence or an answer: "EDS 2022 2A (is part of)".
    std::vector<std::string> through;
};

struct Coverage {
    std::string framework;
    std::string framework_title;
    std::vector<ItemCoverage> items;  // in framework order
    std::size_t direct = 0;
    std::size_t crosswalk = 0;
    std::size_t none = 0;
};

[[nodiscard]] Result<Coverage> coverage(const WorkspaceFolder& folder,
                                        std::string_view framework_id);
// {"framework","framework_title","counts":{"direct","crosswalk","none"},
//  "items":[{code,title,kind,kind_words,evidence:[…],answered,through:[…]}]}
[[nodiscard]] std::string coverage_json(const Coverage& coverage);

}  // namespace eqkit
