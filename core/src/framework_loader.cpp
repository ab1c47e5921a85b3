// Strict loader for eqkit-framework/1 files: every problem is reported with its JSON Pointer.
#include <algorithm>
#include <map>
#include <set>

#include "eqkit/files.hpp"
#include "eqkit/framework.hpp"
#include "eqkit/text.hpp"
#include "field_readers.hpp"
#include "impact_spec_reader.hpp"
#include "json_reader.hpp"

namespace eqkit {
namespace {

using detail::Diagnostics;
using detail::in_quotes;
using detail::Need;
using detail::ObjectReader;
using detail::read_provenance;
using detail::read_source;
using detail::required_text;
using detail::valid_code;
using detail::valid_id;

constexpr int scale_value_limit = 1000;
constexpr std::size_t narrative_length_limit = 100000;
// Keeps every possible total far inside int's range (items × |scale value| ≤ 10^7).
constexpr std::size_t item_count_limit = 10000;

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
    scale.levels = detail::read_scale_levels<ScaleLevel>(obj, read_level);
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

Statement read_statement(ObjectReader& obj) {
    Statement st;
    st.label = required_text(obj, "label");
    st.text = required_text(obj, "text");
    st.official = obj.boolean_or("official", true);
    st.provenance = read_provenance(obj);
    obj.finish();
    return st;
}

void check_code(ObjectReader& obj, const std::string& code) {
    if (!code.empty() && !valid_code(code)) {
        obj.error("code", "a code may use only letters, digits, '.', '-' and '_' (at most 32)");
    }
}

Item read_item(ObjectReader& obj) {
    Item item;
    item.code = required_text(obj, "code");
    check_code(obj, item.code);
    item.code_official = obj.boolean_or("code_official", true);
    item.parent = obj.string_or("parent", "");
    item.title = required_text(obj, "title");
    item.guidance = obj.string_or("guidance", "");
    item.easy_read = obj.string_or("easy_read", "");
    item.evidence_prompts = obj.strings("evidence_prompts", Need::optional);
    item.evidence_prompts_official = obj.boolean_or("evidence_prompts_official", true);
    for (ObjectReader& link : obj.objects("links", Need::optional)) {
        item.links.push_back(read_link(link));
    }
    for (ObjectReader& st : obj.objects("statements", Need::optional)) {
        item.statements.push_back(read_statement(st));
    }
    item.provenance = read_provenance(obj);
    obj.finish();
    return item;
}

Group read_group(ObjectReader& obj, std::set<std::string>& item_codes) {
    Group group;
    group.code = required_text(obj, "code");
    check_code(obj, group.code);
    group.title = required_text(obj, "title");
    group.description = obj.string_or("description", "");
    group.easy_read = obj.string_or("easy_read", "");
    group.provenance = read_provenance(obj);
    std::set<std::string> earlier;  // codes of this group's items so far
    for (ObjectReader& item_obj : obj.objects("items", Need::required, 1)) {
        Item item = read_item(item_obj);
        if (!item.code.empty() && !item_codes.insert(item.code).second) {
            item_obj.error("code", "code " + in_quotes(item.code) + " is used twice");
        }
        if (!item.parent.empty() && earlier.count(item.parent) == 0) {
            item_obj.error("parent", "the parent " + in_quotes(item.parent) +
                                         " must be an item earlier in the same group");
        }
        earlier.insert(item.code);
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
                 Diagnostics& diag, const std::string& what = "total") {
    if (bands.empty()) return;
    int expected_min = range.min;
    for (std::size_t i = 0; i < bands.size(); ++i) {
        const Band& band = bands[i];
        const std::string place = detail::pointer_append(where, i);
        if (band.min > expected_min) {
            diag.add(place + "/min", what + "s " + std::to_string(expected_min) + " to " +
                                         std::to_string(band.min - 1) + " fall in no band (gap)");
        } else if (band.min < expected_min) {
            diag.add(place + "/min", i == 0 ? "starts at " + std::to_string(band.min) +
                                                  " but the lowest possible " + what + " is " +
                                                  std::to_string(range.min)
                                            : "overlaps the band before it (which ends at " +
                                                  std::to_string(expected_min - 1) + ")");
        }
        expected_min = band.max + 1;
    }
    if (bands.back().max != range.max) {
        diag.add(detail::pointer_append(where, bands.size() - 1) + "/max",
                 "ends at " + std::to_string(bands.back().max) + " but the highest possible " +
                     what + " is " + std::to_string(range.max));
    }
}

std::vector<Band> read_bands(ObjectReader& obj, std::string_view key) {
    std::vector<Band> bands;
    for (ObjectReader& band : obj.objects(key, Need::optional))
        bands.push_back(read_band(band));
    return bands;
}

Rounding read_rounding(ObjectReader& obj) {
    Rounding r;
    r.method = obj.string("method", Need::required).value_or("half_up");
    if (r.method != "half_up") {
        obj.error("method", "unknown rounding " + in_quotes(r.method) + " (use \"half_up\")");
    }
    r.provenance = read_provenance(obj);
    obj.finish();
    return r;
}

bool valid_month_or_date(std::string_view text) {
    const auto digits = [text](std::size_t from, std::size_t n) {
        return std::all_of(text.begin() + static_cast<std::ptrdiff_t>(from),
                           text.begin() + static_cast<std::ptrdiff_t>(from + n),
                           [](char c) { return c >= '0' && c <= '9'; });
    };
    if (text.size() != 7 && text.size() != 10) return false;
    if (!digits(0, 4) || text[4] != '-' || !digits(5, 2)) return false;
    const int month = (text[5] - '0') * 10 + (text[6] - '0');
    if (month < 1 || month > 12) return false;
    if (text.size() == 7) return true;
    const int day = (text[8] - '0') * 10 + (text[9] - '0');
    return text[7] == '-' && digits(8, 2) && day >= 1 && day <= 31;
}

ItemBand read_item_band(ObjectReader& obj) {
    ItemBand band;
    const auto in_range = [](std::int64_t v) { return v >= -1000 && v <= 1000; };
    if (auto v = obj.integer("value", Need::required); v && in_range(*v)) {
        band.value = static_cast<int>(*v);
    }
    if (auto v = obj.integer("min", Need::required); v && in_range(*v)) {
        band.min = static_cast<int>(*v);
    }
    if (auto v = obj.integer("max", Need::required); v && in_range(*v)) {
        band.max = static_cast<int>(*v);
    }
    if (band.min > band.max) obj.error("max", "\"max\" is less than \"min\"");
    band.provenance = read_provenance(obj);
    obj.finish();
    return band;
}

ScoringMethod read_method(ObjectReader& obj) {
    ScoringMethod m;
    m.id = required_text(obj, "id");
    if (!m.id.empty() && !valid_id(m.id)) {
        obj.error("id", "an id must start with a–z and use only a–z, 0–9 and '_'");
    }
    m.title = required_text(obj, "title");
    m.applies_from = obj.string_or("applies_from", "");
    if (!m.applies_from.empty() && !valid_month_or_date(m.applies_from)) {
        obj.error("applies_from", "write the date as YYYY-MM or YYYY-MM-DD");
    }
    m.url = obj.string_or("url", "");
    if (auto kind = obj.string("item_scores", Need::required)) {
        if (*kind == "direct") {
            m.item_scores = ItemScores::direct;
        } else if (*kind == "evidence_categories") {
            m.item_scores = ItemScores::evidence_categories;
        } else {
            obj.error("item_scores", "unknown kind " + in_quotes(*kind) +
                                         " (use \"direct\" or \"evidence_categories\")");
        }
    }
    m.steps = obj.strings("steps", Need::optional);
    for (ObjectReader& band : obj.objects("item_bands", Need::optional))
        m.item_bands.push_back(read_item_band(band));
    if (m.item_scores == ItemScores::evidence_categories && m.item_bands.empty()) {
        obj.error("item_bands",
                  "scores from evidence categories need \"item_bands\" to turn "
                  "a percentage into a score");
    }
    m.provenance = read_provenance(obj);
    obj.finish();
    return m;
}

GroupLimit read_group_limit(ObjectReader& obj) {
    GroupLimit limit;
    limit.text = required_text(obj, "text");
    if (auto v = obj.integer("item_score_at_most", Need::required); v && *v > -1000 && *v < 1000) {
        limit.item_score_at_most = static_cast<int>(*v);
    }
    limit.best = required_text(obj, "best");
    limit.provenance = read_provenance(obj);
    obj.finish();
    return limit;
}

std::map<std::string, int> read_counts(ObjectReader& obj, std::string_view key) {
    std::map<std::string, int> counts;
    const detail::Json* raw = obj.raw(key, Need::optional);
    if (raw == nullptr) return counts;
    if (!raw->is_object()) {
        obj.error(key, "must be an object of band labels and counts");
        return counts;
    }
    for (const auto& [label, n] : raw->items()) {
        if (!n.is_number_integer() || n.get<std::int64_t>() < 0 || n.get<std::int64_t>() > 1000) {
            obj.error(key, "the count for " + in_quotes(label) +
                               " must be a whole number from 0 to 1000");
            continue;
        }
        counts[label] = static_cast<int>(n.get<std::int64_t>());
    }
    return counts;
}

RatingRule read_rule(ObjectReader& obj, bool needs_result) {
    RatingRule rule;
    rule.id = obj.string_or("id", "");
    rule.text = required_text(obj, "text");
    rule.result = needs_result ? required_text(obj, "result") : "";
    rule.when.at_least = read_counts(obj, "at_least");
    rule.when.at_most = read_counts(obj, "at_most");
    rule.provenance = read_provenance(obj);
    obj.finish();
    return rule;
}

RatingCap read_cap(ObjectReader& obj) {
    RatingCap cap;
    cap.id = obj.string_or("id", "");
    cap.text = required_text(obj, "text");
    cap.flag = required_text(obj, "flag");
    if (!cap.flag.empty() && !valid_id(cap.flag)) {
        obj.error("flag", "a flag must start with a–z and use only a–z, 0–9 and '_'");
    }
    cap.question = required_text(obj, "question");
    cap.best = required_text(obj, "best");
    cap.provenance = read_provenance(obj);
    obj.finish();
    return cap;
}

std::vector<RatingRule> read_rules(ObjectReader& obj, std::string_view key, bool needs_result,
                                   Need need = Need::optional) {
    std::vector<RatingRule> rules;
    for (ObjectReader& rule : obj.objects(key, need))
        rules.push_back(read_rule(rule, needs_result));
    return rules;
}

OverallRules read_overall_rules(ObjectReader& obj) {
    OverallRules r;
    r.title = required_text(obj, "title");
    r.url = obj.string_or("url", "");
    r.note = obj.string_or("note", "");
    r.principles = read_rules(obj, "principles", false);
    for (ObjectReader& cap : obj.objects("caps", Need::optional))
        r.caps.push_back(read_cap(cap));
    r.judgement = read_rules(obj, "judgement", false);
    r.rules = read_rules(obj, "rules", true, Need::required);
    if (auto otherwise = obj.object("otherwise", Need::required)) {
        r.otherwise = read_rule(*otherwise, false);
    }
    obj.finish();
    return r;
}

Aggregation read_aggregation(ObjectReader& obj) {
    Aggregation agg;
    if (auto method = obj.string("method", Need::required)) {
        if (*method == "sum") {
            agg.method = AggregationMethod::sum;
        } else if (*method == "none") {
            agg.method = AggregationMethod::none;
        } else if (*method == "percentage") {
            agg.method = AggregationMethod::percentage;
        } else {
            obj.error("method", "unknown method " + in_quotes(*method) +
                                    " (use \"sum\", \"percentage\" or \"none\")");
        }
    }
    agg.overall_bands = read_bands(obj, "overall_bands");
    agg.group_bands = read_bands(obj, "group_bands");
    agg.note = obj.string_or("note", "");
    if (agg.method == AggregationMethod::none &&
        (!agg.overall_bands.empty() || !agg.group_bands.empty())) {
        obj.error_here("bands need \"method\": \"sum\" or \"percentage\"");
    }
    const bool percentage = agg.method == AggregationMethod::percentage;
    if (auto rounding = obj.object("rounding", percentage ? Need::required : Need::optional)) {
        agg.rounding = read_rounding(*rounding);
    }
    for (ObjectReader& m : obj.objects("methods", Need::optional))
        agg.methods.push_back(read_method(m));
    for (ObjectReader& limit : obj.objects("group_limits", Need::optional))
        agg.group_limits.push_back(read_group_limit(limit));
    if (auto rules = obj.object("overall_rules", Need::optional)) {
        agg.overall_rules = read_overall_rules(*rules);
    }
    if (!percentage) {
        for (const char* key : {"rounding", "methods", "group_limits", "overall_rules"}) {
            if (obj.has(key)) obj.error(key, "needs \"method\": \"percentage\"");
        }
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

// A label every rule names must be one of the group bands.
void check_label(const std::set<std::string>& labels, const std::string& label,
                 const std::string& place, Diagnostics& diag) {
    if (!label.empty() && labels.count(label) == 0) {
        diag.add(place, in_quotes(label) + " is not one of the group bands' labels");
    }
}

void check_counts(const std::set<std::string>& labels, const BandCounts& counts,
                  const std::string& place, Diagnostics& diag) {
    for (const auto& [label, n] : counts.at_least)
        check_label(labels, label, place + "/at_least", diag);
    for (const auto& [label, n] : counts.at_most)
        check_label(labels, label, place + "/at_most", diag);
}

void check_overall_rules(const OverallRules& rules, const std::set<std::string>& labels,
                         const std::string& where, Diagnostics& diag) {
    for (std::size_t i = 0; i < rules.caps.size(); ++i) {
        check_label(labels, rules.caps[i].best,
                    detail::pointer_append(where + "/caps", i) + "/best", diag);
    }
    for (std::size_t i = 0; i < rules.judgement.size(); ++i) {
        check_counts(labels, rules.judgement[i].when,
                     detail::pointer_append(where + "/judgement", i), diag);
    }
    for (std::size_t i = 0; i < rules.rules.size(); ++i) {
        const std::string place = detail::pointer_append(where + "/rules", i);
        check_label(labels, rules.rules[i].result, place + "/result", diag);
        check_counts(labels, rules.rules[i].when, place, diag);
    }
}

void check_methods(const Framework& fw, TotalRange range, const std::string& where,
                   Diagnostics& diag) {
    std::set<std::string> ids;
    for (std::size_t i = 0; i < fw.aggregation.methods.size(); ++i) {
        const ScoringMethod& m = fw.aggregation.methods[i];
        const std::string place = detail::pointer_append(where, i);
        if (!m.id.empty() && !ids.insert(m.id).second) {
            diag.add(place + "/id", "method id " + in_quotes(m.id) + " is used twice");
        }
        if (i > 0 && !m.applies_from.empty() &&
            m.applies_from <= fw.aggregation.methods[i - 1].applies_from) {
            diag.add(place + "/applies_from",
                     "methods must be listed oldest first, each from a later date");
        }
        if (m.item_scores == ItemScores::evidence_categories && fw.evidence_categories.empty()) {
            diag.add(place + "/item_scores",
                     "scores from evidence categories need the framework's "
                     "\"evidence_categories\"");
        }
        std::vector<Band> as_bands;
        for (std::size_t j = 0; j < m.item_bands.size(); ++j) {
            const ItemBand& b = m.item_bands[j];
            if (fw.scale.level(b.value) == nullptr) {
                diag.add(detail::pointer_append(place + "/item_bands", j) + "/value",
                         std::to_string(b.value) + " is not a value on the scale");
            }
            as_bands.push_back(Band{std::to_string(b.value), b.min, b.max, b.provenance});
        }
        check_bands(as_bands, range, place + "/item_bands", diag, "percentage");
    }
}

// Percentages run from the lowest possible (all items at the scale's lowest) to 100.
void check_percentages(const Framework& fw, const std::string& where, Diagnostics& diag) {
    const Aggregation& agg = fw.aggregation;
    if (fw.scale.lowest() < 0 || fw.scale.highest() <= 0) {
        diag.add(where + "/method", "percentages need a scale whose values are 0 or more");
        return;
    }
    const TotalRange range{percent_of(fw.scale.lowest(), 1, fw.scale.highest()), 100};
    check_bands(agg.overall_bands, range, where + "/overall_bands", diag, "percentage");
    check_bands(agg.group_bands, range, where + "/group_bands", diag, "percentage");
    check_methods(fw, range, where + "/methods", diag);
    std::set<std::string> labels;
    for (std::size_t i = 0; i < agg.group_bands.size(); ++i) {
        if (!labels.insert(agg.group_bands[i].label).second) {
            diag.add(detail::pointer_append(where + "/group_bands", i) + "/label",
                     "label " + in_quotes(agg.group_bands[i].label) + " is used twice");
        }
    }
    for (std::size_t i = 0; i < agg.group_limits.size(); ++i) {
        const GroupLimit& limit = agg.group_limits[i];
        const std::string place = detail::pointer_append(where + "/group_limits", i);
        if (fw.scale.level(limit.item_score_at_most) == nullptr) {
            diag.add(place + "/item_score_at_most",
                     std::to_string(limit.item_score_at_most) + " is not a value on the scale");
        }
        check_label(labels, limit.best, place + "/best", diag);
    }
    if (!agg.overall_rules) return;
    if (!agg.overall_bands.empty()) {
        diag.add(where + "/overall_rules",
                 "give either \"overall_bands\" or \"overall_rules\", not both");
    }
    check_overall_rules(*agg.overall_rules, labels, where + "/overall_rules", diag);
}

// Band coverage depends on the scale, so it is only checked once the scale itself is sound.
void check_aggregation(const Framework& fw, const std::string& where, Diagnostics& diag) {
    if (!scale_is_ordered(fw.scale) || fw.groups.empty()) return;
    const Aggregation& agg = fw.aggregation;
    if (agg.method == AggregationMethod::percentage) {
        check_percentages(fw, where, diag);
        return;
    }
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

EvidenceCategory read_category(ObjectReader& obj) {
    EvidenceCategory c;
    c.code = required_text(obj, "code");
    check_code(obj, c.code);
    c.title = required_text(obj, "title");
    c.description = obj.string_or("description", "");
    c.provenance = read_provenance(obj);
    obj.finish();
    return c;
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
    if (auto order = root.integer("list_order", Need::optional)) {
        if (*order < 0 || *order > 1000) {
            root.error("list_order", "must be a whole number from 0 to 1000");
        } else {
            fw.list_order = static_cast<int>(*order);
        }
    }
    if (auto source = root.object("source", Need::required)) fw.source = read_source(*source);
    if (auto labels = root.object("labels", Need::optional)) read_labels(*labels, fw);
    if (auto scale = root.object("scale", Need::required)) fw.scale = read_scale(*scale);
    if (auto narrative = root.object("narrative", Need::optional)) {
        fw.narrative = read_narrative(*narrative);
    }
    if (auto raters = root.object("raters", Need::optional)) fw.raters = read_raters(*raters);
    std::set<std::string> category_codes;
    for (ObjectReader& cat : root.objects("evidence_categories", Need::optional)) {
        EvidenceCategory c = read_category(cat);
        if (!c.code.empty() && !category_codes.insert(c.code).second) {
            cat.error("code", "code " + in_quotes(c.code) + " is used twice");
        }
        fw.evidence_categories.push_back(std::move(c));
    }
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
    detail::read_impact_parts(root, fw, diag);
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
