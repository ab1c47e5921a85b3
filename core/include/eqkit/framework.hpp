#pragma once
// A framework as loaded from plugins/<id>/framework.json (format: docs/framework-format.md).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eqkit/error.hpp"

namespace eqkit {

inline constexpr std::string_view framework_format = "eqkit-framework/1";

// Whether a fact was confirmed against a published source, and why not.
struct Provenance {
    bool confirmed = true;
    std::string note;
};

struct Source {
    std::string title;
    std::string url;
    std::string reference;
    Provenance provenance;
};

struct ScaleLevel {
    int value = 0;
    std::string label;
    std::string description;
    std::string easy_read;
    Provenance provenance;
};

struct Scale {
    std::string title;
    bool official = true;
    std::string rationale;
    std::vector<ScaleLevel> levels;  // values strictly increasing
    Provenance provenance;

    [[nodiscard]] const ScaleLevel* level(int value) const;
    [[nodiscard]] int lowest() const { return levels.front().value; }
    [[nodiscard]] int highest() const { return levels.back().value; }
};

struct Link {
    std::string label;
    std::string url;
    Provenance provenance;
};

struct Item {
    std::string code;
    std::string title;
    std::string guidance;
    std::string easy_read;
    std::vector<std::string> evidence_prompts;
    bool evidence_prompts_official = true;
    std::vector<Link> links;
    Provenance provenance;
};

struct Group {
    std::string code;
    std::string title;
    std::string description;
    std::string easy_read;
    std::vector<Item> items;
    Provenance provenance;
};

struct Band {
    std::string label;
    int min = 0;
    int max = 0;
    Provenance provenance;
};

enum class AggregationMethod { sum, none };

struct Aggregation {
    AggregationMethod method = AggregationMethod::sum;
    std::vector<Band> overall_bands;
    std::vector<Band> group_bands;
    std::string note;
};

struct NarrativeSpec {
    std::string label = "Narrative";
    std::string hint;
    std::size_t max_length = 5000;  // UTF-16 code units, as the NHS.UK character count counts
};

struct RatersSpec {
    std::string label;
    std::string hint;
    std::vector<std::string> suggestions;
    Provenance provenance;
};

struct ComputedHook {
    std::string hook;
};

struct Framework {
    std::string id;
    std::string version;
    std::string title;
    std::string short_title;
    std::string description;
    Source source;
    std::string group_label = "Group";
    std::string item_label = "Item";
    Scale scale;
    NarrativeSpec narrative;
    std::optional<RatersSpec> raters;
    std::vector<Group> groups;
    Aggregation aggregation;
    std::vector<ComputedHook> computed;
    std::string file;  // where it was loaded from, for messages

    [[nodiscard]] const Item* find_item(std::string_view code) const;
    [[nodiscard]] const Group* group_of(std::string_view item_code) const;
    [[nodiscard]] std::size_t item_count() const;
    [[nodiscard]] std::string_view display_title() const;
};

// Parses framework JSON; label names the source in messages. Reports every problem found.
[[nodiscard]] Checked<Framework> parse_framework(std::string_view json, std::string_view label);
[[nodiscard]] Checked<Framework> load_framework(const std::filesystem::path& file);

// Range of the band-bearing total for a number of items on this scale.
struct TotalRange {
    int min = 0;
    int max = 0;
};
[[nodiscard]] TotalRange total_range(const Scale& scale, std::size_t item_count);

// The band a total falls in, if any.
[[nodiscard]] const Band* band_for(const std::vector<Band>& bands, int total);

}  // namespace eqkit
