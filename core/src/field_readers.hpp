#pragma once
// Field readers shared by every strict loader (frameworks, workforce definitions and counts).
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "eqkit/framework.hpp"
#include "json_reader.hpp"

namespace eqkit::detail {

[[nodiscard]] std::string in_quotes(std::string_view text);

// An id: lowercase letters, digits and "_", starting with a letter, at most 64 (frameworks,
// question sets, tenders).
[[nodiscard]] bool valid_id(std::string_view id);
// A code as published: letters, digits, ".", "-" and "_", at most 32 (items, questions).
[[nodiscard]] bool valid_code(std::string_view code);

// A scale's "levels" (at least two), each read by read_level: values strictly increasing, each
// label used once. Shared by frameworks and tender question sets.
template <class Level, class ReadLevel>
std::vector<Level> read_scale_levels(ObjectReader& scale, ReadLevel read_level) {
    std::vector<ObjectReader> objects = scale.objects("levels", Need::required, 2);
    std::vector<Level> levels;
    std::set<std::string> labels;
    for (ObjectReader& obj : objects) {
        Level level = read_level(obj);
        if (!levels.empty() && level.value <= levels.back().value) {
            obj.error("value", "scale values must be in increasing order with no repeats");
        }
        if (!level.label.empty() && !labels.insert(level.label).second) {
            obj.error("label", "label \"" + level.label + "\" is used twice");
        }
        levels.push_back(std::move(level));
    }
    return levels;
}

// Required text that must not be blank.
std::string required_text(ObjectReader& obj, std::string_view key);

// "confirmed" and "note": an unconfirmed fact must say why.
Provenance read_provenance(ObjectReader& obj);

// A "source" object: title (required), url, reference and provenance.
Source read_source(ObjectReader& obj);

}  // namespace eqkit::detail
