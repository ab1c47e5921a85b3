// Strict loader for eqkit-framework/1 files: every problem is reported with its JSON Pointer.
#include <algorithm>
#include <set>

#include "eqkit/files.hpp"
#include "eqkit/framework.hpp"
#include "eqkit/text.hpp"
#include "field_readers.hpp"
#include "json_reader.hpp"

namespace eqkit {
namespace {

using detail::Diagnostics;
using detail::in_quotes;
using detail::Need;
using detail::ObjectReader;
using detail::read_provenance;
using detail::required_text;

constexpr int scale_value_limit = 1000;
constexpr std::size_t narrative_length_limit = 100000;
// Keeps every possible total far inside int's range (items × |scale value| ≤ 10^7).
constexpr std::size_t item_count_limit = 10000;

bool valid_id(std::string_view id) {
    if (id.empty() || id.size() > 64 || id.front() < 'a' || id.front() > 'z') return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

bool valid_code(std::string_view code) {
    if (code.empty() || code.size() > 32) return false;
    return std::all_of(code.begin(), code.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '.' || c == '-' || c == '_';
    });
}

Source read_source(ObjectReader& obj) {
    Source s;
    s.title = required_text(obj, "title");
    s.url = obj.string_or("url", "");
    s.reference = obj.string_or("reference", "");
    s.provenance = read_provenance(obj);
    obj.finish();
    return s;
}

ScaleLevel read_level(ObjectReader& obj) {
    ScaleLevel level;
    if (auto value = obj.integer("value", Need::required)) {
        if (*value < -scale_value_limit || *value > scale_value_limit) {
            obj.error("value", "a scale value must be between -1000 and 1000");
        } else {
            level.value = static_cast<int>(*value);
        }
    }
    level.label = required_text(obj, "label");
    level.description = obj.string_or("description", "");
    level.easy_read = obj.string_or("easy_read", "");
    level.provenance = read_provenance(obj);
    obj.finish();
    return level;
}

Scale read_scale(ObjectReader& obj) {
    Scale scale;
    scale.title = required_text(obj, "title");
    scale.official = obj.boolean("official", Need::required).value_or(true);
    scale.rationale = obj.string_or("rationale", "");
    if (!scale.official && is_blank(scale.rationale)) {
        obj.error("rationale", "a scale that is not official needs a rationale");
    }
    scale.provenance = read_provenance(obj);
    std::vector<ObjectReader> levels = obj.objects("levels", Need::required, 2);
    std::set<std::string> labels;
    for (std::size_t i = 0; i < levels.size(); ++i) {
        ScaleLevel level = read_level(levels[i]);
        if (!scale.levels.empty() && level.value <= scale.levels.back().value) {
            levels[i].error("value", "scale values must be in increasing order with no repeats");
        }
        if (!level.label.empty() && !labels.insert(level.label).second) {
            levels[i].error("label", "label " + in_quotes(level.label) + " is used twice");
        }
        scale.levels.push_back(std::move(level));
    }
    obj.finish();
    return scale;
}

NarrativeSpec read_narrative(ObjectReader& obj) {
    NarrativeSpec spec;
    spec.label = required_text(obj, "label");
    spec.hint = obj.string_or("hint", "");
    if (auto max = obj.integer("max_length", Need::required)) {
        if (*max < 1 || static_cast<std::uint64_t>(*max) > narrative_length_limit) {
            obj.error("max_length", "must be between 1 and 100000 characters");
        } else {
            spec.max_length = static_cast<std::size_t>(*max);
        }
    }
    obj.finish();
    return spec;
}

RatersSpec read_raters(ObjectReader& obj) {
    RatersSpec spec;
    spec.label = required_text(obj, "label");
    spec.hint = obj.string_or("hint", "");
    spec.suggestions = obj.strings("suggestions", Need::optional);
    spec.provenance = read_provenance(obj);
    obj.finish();
    return spec;
}

Link read_link(ObjectReader& obj) {
    Link link;
    link.label = required_text(obj, "label");
    link.url = obj.string_or("url", "");
    link.provenance = read_provenance(obj);
    obj.finish();
    return link;
}

Item read_item(ObjectReader& obj) {
    Item item;
    item.code = required_text(obj, "code");
    if (!item.code.empty() && !valid_code(item.code)) {
        obj.error("code", "a code may use only letters, digits, '.', '-' and '_' (at most 32)");
    }
    item.title = required_text(obj, "title");
    item.guidance = obj.string_or("guidance", "");
    item.easy_read = obj.string_or("easy_read", "");
    item.evidence_prompts = obj.strings("evidence_prompts", Need::optional);
    item.evidence_prompts_official = obj.boolean_or("evidence_prompts_official", true);
    for (ObjectReader& link : obj.objects("links", Need::optional)) {
        item.links.push_back(read_link(link));
    }
    item.provenance = read_provenance(obj);
    obj.finish();
    return item;
}

Group read_group(ObjectReader& obj, std::set<std::string>& item_codes) {
    Group group;
    group.code = required_text(obj, "code");
    if (!group.code.empty() && !valid_code(group.code)) {
        obj.error("code", "a code may use only letters, digits, '.', '-' and '_' (at most 32)");
    }
    group.title = required_text(obj, "title");
    group.description = obj.string_or("description", "");
    group.easy_read = obj.string_or("easy_read", "");
    group.provenance = read_provenance(obj);
    for (ObjectReader& item_obj : obj.objects("items", Need::required, 1)) {
        Item item = read_item(item_obj);
        if (!item.code.empty() && !item_codes.insert(item.code).second) {
            item_obj.error("code", "code " + in_quotes(item.code) + " is used twice");
        }
        group.items.push_back(std::move(item));
    }
    obj.finish();
    return group;
}

Band read_band(ObjectReader& obj) {
    Band band;
    band.label = required_text(obj, "label");
    const auto min = obj.integer("min", Need::required);
    const auto max = obj.integer("max", Need::required);
    const auto in_range = [](std::int64_t v) { return v > -1000000 && v < 1000000; };
    if (min && in_range(*min)) band.min = static_cast<int>(*min);
    if (max && in_range(*max)) band.max = static_cast<int>(*max);
    if (min && max && *min > *max) obj.error("max", "\"max\" is less than \"min\"");
    band.provenance = read_provenance(obj);
    obj.finish();
    return band;
}

// Bands must run in order over exactly [range.min, range.max] with no overlap and no gap.
void check_bands(const std::vector<Band>& bands, TotalRange range, const std::string& where,
                 Diagnostics& diag) {
    if (bands.empty()) return;
    int expected_min = range.min;
    for (std::size_t i = 0; i < bands.size(); ++i) {
        const Band& band = bands[i];
        const std::string place = detail::pointer_append(where, i);
        if (band.min > expected_min) {
            diag.add(place + "/min", "totals " + std::to_string(expected_min) + " to " +
                                         std::to_string(band.min - 1) + " fall in no band (gap)");
        } else if (band.min < expected_min) {
            diag.add(place + "/min", i == 0 ? "starts at " + std::to_string(band.min) +
                                                  " but the lowest possible total is " +
                                                  std::to_string(range.min)
                                            : "overlaps the band before it (which ends at " +
                                                  std::to_string(expected_min - 1) + ")");
        }
        expected_min = band.max + 1;
    }
    if (bands.back().max != range.max) {
        diag.add(detail::pointer_append(where, bands.size() - 1) + "/max",
                 "ends at " + std::to_string(bands.back().max) +
                     " but the highest possible total is " + std::to_string(range.max));
    }
}

std::vector<Band> read_bands(ObjectReader& obj, std::string_view key) {
    std::vector<Band> bands;
    for (ObjectReader& band : obj.objects(key, Need::optional))
        bands.push_back(read_band(band));
    return bands;
}

Aggregation read_aggregation(ObjectReader& obj) {
    Aggregation agg;
    if (auto method = obj.string("method", Need::required)) {
        if (*method == "sum") {
            agg.method = AggregationMethod::sum;
        } else if (*method == "none") {
            agg.method = AggregationMethod::none;
        } else {
            obj.error("method",
                      "unknown method " + in_quotes(*method) + " (use \"sum\" or \"none\")");
        }
    }
    agg.overall_bands = read_bands(obj, "overall_bands");
    agg.group_bands = read_bands(obj, "group_bands");
    agg.note = obj.string_or("note", "");
    if (agg.method == AggregationMethod::none &&
        (!agg.overall_bands.empty() || !agg.group_bands.empty())) {
        obj.error_here("bands need \"method\": \"sum\"");
    }
    obj.finish();
    return agg;
}

bool scale_is_ordered(const Scale& scale) {
    if (scale.levels.size() < 2) return false;
    return std::adjacent_find(scale.levels.begin(), scale.levels.end(),
                              [](const ScaleLevel& a, const ScaleLevel& b) {
                                  return a.value >= b.value;
                              }) == scale.levels.end();
}

// Band coverage depends on the scale, so it is only checked once the scale itself is sound.
void check_aggregation(const Framework& fw, const std::string& where, Diagnostics& diag) {
    if (!scale_is_ordered(fw.scale) || fw.groups.empty()) return;
    const Aggregation& agg = fw.aggregation;
    check_bands(agg.overall_bands, total_range(fw.scale, fw.item_count()), where + "/overall_bands",
                diag);
    if (agg.group_bands.empty()) return;
    const std::size_t size = fw.groups.front().items.size();
    const bool same_size = std::all_of(fw.groups.begin(), fw.groups.end(),
                                       [size](const Group& g) { return g.items.size() == size; });
    if (!same_size) {
        diag.add(where + "/group_bands",
                 "group bands need every group to have the same number of items");
        return;
    }
    check_bands(agg.group_bands, total_range(fw.scale, size), where + "/group_bands", diag);
}

void read_labels(ObjectReader& obj, Framework& fw) {
    fw.group_label = obj.string_or("group", fw.group_label);
    fw.item_label = obj.string_or("item", fw.item_label);
    obj.finish();
}

void read_top_level(ObjectReader& root, Framework& fw, Diagnostics& diag) {
    if (auto format = root.string("format", Need::required);
        format && *format != framework_format) {
        root.error("format", "this file's format is " + in_quotes(*format) +
                                 "; this version of EqualityKit reads " +
                                 in_quotes(framework_format));
    }
    fw.id = required_text(root, "id");
    if (!fw.id.empty() && !valid_id(fw.id)) {
        root.error("id", "an id must start with a–z and use only a–z, 0–9 and '_'");
    }
    fw.version = required_text(root, "version");
    fw.title = required_text(root, "title");
    fw.short_title = root.string_or("short_title", "");
    fw.description = root.string_or("description", "");
    if (auto source = root.object("source", Need::required)) fw.source = read_source(*source);
    if (auto labels = root.object("labels", Need::optional)) read_labels(*labels, fw);
    if (auto scale = root.object("scale", Need::required)) fw.scale = read_scale(*scale);
    if (auto narrative = root.object("narrative", Need::optional)) {
        fw.narrative = read_narrative(*narrative);
    }
    if (auto raters = root.object("raters", Need::optional)) fw.raters = read_raters(*raters);
    std::set<std::string> group_codes;
    std::set<std::string> item_codes;
    for (ObjectReader& group_obj : root.objects("groups", Need::required, 1)) {
        Group group = read_group(group_obj, item_codes);
        if (!group.code.empty() && !group_codes.insert(group.code).second) {
            group_obj.error("code", "group code " + in_quotes(group.code) + " is used twice");
        }
        fw.groups.push_back(std::move(group));
    }
    if (fw.item_count() > item_count_limit) {
        root.error("groups",
                   "a framework may have at most " + std::to_string(item_count_limit) + " items");
        fw.groups.clear();  // totals over so many items are not checked
    }
    if (auto agg = root.object("aggregation", Need::required)) {
        fw.aggregation = read_aggregation(*agg);
        check_aggregation(fw, "/aggregation", diag);
    }
    for (ObjectReader& hook : root.objects("computed", Need::optional)) {
        fw.computed.push_back(ComputedHook{required_text(hook, "hook")});
        hook.finish();
    }
    root.finish();
}

}  // namespace

Checked<Framework> parse_framework(std::string_view json, std::string_view label) {
    Result<detail::Json> doc = detail::parse_json(json, label);
    if (!doc) return tl::unexpected(ErrorList{doc.error()});
    Diagnostics diag{std::string(label)};
    Framework fw;
    fw.file = std::string(label);
    ObjectReader root(*doc, "", diag);
    if (root.is_object()) read_top_level(root, fw, diag);
    if (!diag.empty()) return tl::unexpected(diag.take());
    return fw;
}

Checked<Framework> load_framework(const std::filesystem::path& file) {
    Result<std::string> bytes = read_text_file(file);
    if (!bytes) return tl::unexpected(ErrorList{bytes.error()});
    return parse_framework(*bytes, file.generic_string());
}

}  // namespace eqkit
