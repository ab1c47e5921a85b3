// CrosswalkMapping files: a strict loader, the check of every code against the loaded frameworks,
// and the crosswalk query (linked items, in both directions).
#include "eqkit/crosswalk.hpp"

#include <set>
#include <utility>

#include "eqkit/files.hpp"
#include "eqkit/registry.hpp"
#include "field_readers.hpp"
#include "json_reader.hpp"

namespace eqkit {
namespace {

using detail::Diagnostics;
using detail::in_quotes;
using detail::Json;
using detail::Need;
using detail::ObjectReader;
using detail::read_provenance;
using detail::read_source;
using detail::required_text;

constexpr std::size_t row_limit = 100000;

std::optional<Relationship> relationship_from(std::string_view name) {
    for (Relationship r : {Relationship::equal, Relationship::subset, Relationship::superset,
                           Relationship::intersect}) {
        if (relationship_name(r) == name) return r;
    }
    return std::nullopt;
}

CrosswalkRow read_row(ObjectReader& obj, bool official) {
    CrosswalkRow row;
    row.from = required_text(obj, "from");
    row.to = required_text(obj, "to");
    if (auto name = obj.string("relationship", Need::required)) {
        if (auto r = relationship_from(*name)) {
            row.relationship = *r;
        } else {
            obj.error("relationship",
                      "unknown relationship " + in_quotes(*name) +
                          " (use \"equal\", \"subset\", \"superset\" or \"intersect\")");
        }
    }
    row.rationale = required_text(obj, "rationale");
    row.official = obj.boolean_or("official", official);
    row.provenance = read_provenance(obj);
    obj.finish();
    return row;
}

void read_mapping(ObjectReader& root, CrosswalkMapping& m) {
    if (auto format = root.string("format", Need::required); format && *format != mapping_format) {
        root.error("format", "this file's format is " + in_quotes(*format) +
                                 "; this version of EqualityKit reads " +
                                 in_quotes(mapping_format));
    }
    m.id = required_text(root, "id");
    m.title = required_text(root, "title");
    m.description = root.string_or("description", "");
    m.from = required_text(root, "from");
    m.to = required_text(root, "to");
    if (!m.from.empty() && m.from == m.to) {
        root.error("to", "a mapping links two different frameworks");
    }
    m.official = root.boolean("official", Need::required).value_or(false);
    if (auto source = root.object("source", Need::required)) m.source = read_source(*source);
    std::set<std::pair<std::string, std::string>> seen;
    std::vector<ObjectReader> rows = root.objects("rows", Need::required, 1);
    if (rows.size() > row_limit) {
        root.error("rows", "a mapping may have at most " + std::to_string(row_limit) + " rows");
        rows.clear();
    }
    for (ObjectReader& row_obj : rows) {
        CrosswalkRow row = read_row(row_obj, m.official);
        if (!row.from.empty() && !row.to.empty() && !seen.insert({row.from, row.to}).second) {
            row_obj.error_here("the link " + in_quotes(row.from) + " → " + in_quotes(row.to) +
                               " is given twice");
        }
        m.rows.push_back(std::move(row));
    }
    root.finish();
}

std::string framework_name(const Framework& fw) {
    return fw.id + " (" + std::string(fw.display_title()) + ")";
}

void check_code(const Framework& fw, const std::string& code, const std::string& place,
                const std::string& file, ErrorList& errors) {
    if (fw.find_item(code) == nullptr) {
        errors.push_back(
            {file, place, "code " + in_quotes(code) + " is not in " + framework_name(fw)});
    }
}

}  // namespace

std::string_view relationship_name(Relationship r) {
    switch (r) {
        case Relationship::equal:
            return "equal";
        case Relationship::subset:
            return "subset";
        case Relationship::superset:
            return "superset";
        case Relationship::intersect:
            break;
    }
    return "intersect";
}

std::string_view relationship_words(Relationship r) {
    switch (r) {
        case Relationship::equal:
            return "is the same as";
        case Relationship::subset:
            return "is part of";
        case Relationship::superset:
            return "covers";
        case Relationship::intersect:
            break;
    }
    return "overlaps with";
}

Relationship inverse(Relationship r) {
    if (r == Relationship::subset) return Relationship::superset;
    if (r == Relationship::superset) return Relationship::subset;
    return r;
}

Checked<CrosswalkMapping> parse_crosswalk_mapping(std::string_view json, std::string_view label) {
    Result<Json> doc = detail::parse_json(json, label);
    if (!doc) return tl::unexpected(ErrorList{doc.error()});
    Diagnostics diag{std::string(label)};
    CrosswalkMapping m;
    m.file = std::string(label);
    ObjectReader root(*doc, "", diag);
    if (root.is_object()) {
        read_mapping(root, m);
    } else {
        diag.add("/", "a mapping file must be a JSON object");
    }
    if (!diag.empty()) return tl::unexpected(diag.take());
    return m;
}

Checked<CrosswalkMapping> load_crosswalk_mapping(const std::filesystem::path& file) {
    Result<std::string> bytes = read_text_file(file);
    if (!bytes) return tl::unexpected(ErrorList{bytes.error()});
    return parse_crosswalk_mapping(*bytes, file.generic_string());
}

ErrorList check_crosswalk_mapping(const CrosswalkMapping& m, const Registry& registry) {
    ErrorList errors;
    const Framework* from = registry.find(m.from);
    const Framework* to = registry.find(m.to);
    if (from == nullptr) {
        errors.push_back({m.file, "/from", "no framework " + in_quotes(m.from) + " is loaded"});
    }
    if (to == nullptr) {
        errors.push_back({m.file, "/to", "no framework " + in_quotes(m.to) + " is loaded"});
    }
    for (std::size_t i = 0; i < m.rows.size(); ++i) {
        const std::string place = detail::pointer_append("/rows", i);
        if (from != nullptr) check_code(*from, m.rows[i].from, place + "/from", m.file, errors);
        if (to != nullptr) check_code(*to, m.rows[i].to, place + "/to", m.file, errors);
    }
    return errors;
}

std::vector<CrosswalkLink> linked_items(const Registry& registry, std::string_view framework,
                                        std::string_view code) {
    std::vector<CrosswalkLink> links;
    for (const CrosswalkMapping& m : registry.mappings()) {
        for (const CrosswalkRow& row : m.rows) {
            const bool forward = m.from == framework && row.from == code;
            const bool backward = m.to == framework && row.to == code;
            if (!forward && !backward) continue;
            CrosswalkLink link;
            link.framework = forward ? m.to : m.from;
            link.code = forward ? row.to : row.from;
            if (const Framework* fw = registry.find(link.framework)) {
                if (const Item* item = fw->find_item(link.code)) link.title = item->title;
            }
            link.relationship = forward ? row.relationship : inverse(row.relationship);
            link.rationale = row.rationale;
            link.official = row.official;
            // A row inherits the file's mark: an unconfirmed mapping makes every link unconfirmed.
            link.provenance = row.provenance.confirmed ? m.source.provenance : row.provenance;
            link.mapping = m.id;
            link.reversed = !forward;
            links.push_back(std::move(link));
        }
    }
    return links;
}

std::vector<std::string> items_linked_to_framework(const Registry& registry,
                                                   std::string_view framework) {
    std::set<std::string> refs;
    for (const CrosswalkMapping& m : registry.mappings()) {
        for (const CrosswalkRow& row : m.rows) {
            if (m.from == framework) refs.insert(m.to + ":" + row.to);
            if (m.to == framework) refs.insert(m.from + ":" + row.from);
        }
    }
    return {refs.begin(), refs.end()};
}

std::string crosswalk_json(const Registry& registry, std::string_view framework,
                           std::string_view code, const std::vector<CrosswalkLink>& links) {
    const auto title_of = [&registry](std::string_view fw_id) {
        const Framework* fw = registry.find(fw_id);
        return fw == nullptr ? std::string() : fw->title;
    };
    const Framework* fw = registry.find(framework);
    const Item* item = fw == nullptr ? nullptr : fw->find_item(code);
    Json out_links = Json::array();
    for (const CrosswalkLink& l : links) {
        Json link = {{"framework", l.framework},
                     {"framework_title", title_of(l.framework)},
                     {"code", l.code},
                     {"title", l.title},
                     {"relationship", relationship_name(l.relationship)},
                     {"relationship_words", relationship_words(l.relationship)},
                     {"rationale", l.rationale},
                     {"official", l.official},
                     {"confirmed", l.provenance.confirmed},
                     {"mapping", l.mapping},
                     {"reversed", l.reversed}};
        if (!l.provenance.note.empty()) link["note"] = l.provenance.note;
        out_links.push_back(std::move(link));
    }
    Json out = {{"item",
                 {{"framework", framework},
                  {"code", code},
                  {"title", item == nullptr ? std::string() : item->title},
                  {"framework_title", title_of(framework)}}},
                {"links", std::move(out_links)}};
    return detail::dump_json(out);
}

}  // namespace eqkit
