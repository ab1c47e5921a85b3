#pragma once
// The crosswalk: mapping files (plugins/mappings/<id>.json, format docs/mapping-format.md) that
// link items of one framework to items of another, and the queries over them. A mapping row
// reads "from-item RELATIONSHIP to-item": equal, subset (the from-item is part of the
// to-item), superset (it covers the to-item) or intersect (they overlap).
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "eqkit/error.hpp"
#include "eqkit/framework.hpp"

namespace eqkit {

class Registry;

inline constexpr std::string_view mapping_format = "eqkit-mapping/1";

enum class Relationship { equal, subset, superset, intersect };

[[nodiscard]] std::string_view relationship_name(Relationship r);  // "subset"
// For people: "is the same as", "is part of", "covers", "overlaps with".
[[nodiscard]] std::string_view relationship_words(Relationship r);
// The same link seen from the other end: subset and superset swap.
[[nodiscard]] Relationship inverse(Relationship r);

struct CrosswalkRow {
    std::string from;  // an item code in the mapping's "from" framework
    std::string to;    // an item code in its "to" framework
    Relationship relationship = Relationship::intersect;
    std::string rationale;
    bool official = false;  // published by the framework's owner, or EqualityKit's own
    Provenance provenance;
};

struct CrosswalkMapping {
    std::string id;
    std::string title;
    std::string description;
    std::string from;  // framework id
    std::string to;    // framework id
    bool official = false;
    Source source;
    std::vector<CrosswalkRow> rows;
    std::string file;  // where it was loaded from, for messages
};

// The file's shape, every problem at its JSON Pointer. Codes are checked by
// check_crosswalk_mapping.
[[nodiscard]] Checked<CrosswalkMapping> parse_crosswalk_mapping(std::string_view json,
                                                                std::string_view label);
[[nodiscard]] Checked<CrosswalkMapping> load_crosswalk_mapping(const std::filesystem::path& file);

// Every framework and item the mapping names must be loaded: each problem names the file, the
// row's JSON Pointer ("/rows/3/to") and the code.
[[nodiscard]] ErrorList check_crosswalk_mapping(const CrosswalkMapping& mapping,
                                                const Registry& registry);

// An item linked to the one asked about, seen from the item asked about.
struct CrosswalkLink {
    std::string framework;  // the linked item's framework id
    std::string code;
    std::string title;
    Relationship relationship = Relationship::intersect;  // "asked-about RELATIONSHIP linked"
    std::string rationale;
    bool official = false;
    Provenance provenance;
    std::string mapping;    // the mapping's id
    bool reversed = false;  // the row was read from its "to" end

    [[nodiscard]] std::string ref() const { return framework + ":" + code; }
};

// The items in other frameworks linked to framework:code by any loaded mapping, walked in both
// directions, in mapping then row order.
[[nodiscard]] std::vector<CrosswalkLink> linked_items(const Registry& registry,
                                                      std::string_view framework,
                                                      std::string_view code);

// Every item ("framework:code") that a loaded mapping links to any item of `framework`, sorted:
// what evidence about the whole framework (say, WRES results) supports elsewhere.
[[nodiscard]] std::vector<std::string> items_linked_to_framework(const Registry& registry,
                                                                 std::string_view framework);
// {"item":{framework,code,title,framework_title}, "links":[{framework,framework_title,code,title,
//  relationship,relationship_words,rationale,official,confirmed,note,mapping,reversed}]}
[[nodiscard]] std::string crosswalk_json(const Registry& registry, std::string_view framework,
                                         std::string_view code,
                                         const std::vector<CrosswalkLink>& links);

}  // namespace eqkit
