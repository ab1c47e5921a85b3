#include "eqkit/workforce_mapping.hpp"

#include "eqkit/files.hpp"
#include "workforce_json.hpp"

namespace eqkit::workforce {
namespace {

using namespace detail;

// {"key": "text", ...}: every value must be text.
std::map<std::string, std::string, std::less<>> text_map(const Json& node, const std::string& where,
                                                         Diagnostics& diag) {
    std::map<std::string, std::string, std::less<>> out;
    if (!node.is_object()) {
        diag.add(where, "expected an object, found " + std::string(eqkit::detail::type_name(node)));
        return out;
    }
    for (const auto& [key, value] : node.items()) {
        if (!value.is_string()) {
            diag.add(eqkit::detail::pointer_append(where, key),
                     "expected text, found " + std::string(eqkit::detail::type_name(value)));
            continue;
        }
        out.emplace(key, value.get<std::string>());
    }
    return out;
}

}  // namespace

const std::string* ColumnMapping::heading(std::string_view role, std::string_view field) const {
    const auto file_it = columns.find(role);
    if (file_it == columns.end()) return nullptr;
    const auto it = file_it->second.find(std::string(field));
    return it == file_it->second.end() ? nullptr : &it->second;
}

const std::map<std::string, std::string, std::less<>>* ColumnMapping::values_of(
    std::string_view field) const {
    const auto it = values.find(field);
    return it == values.end() || it->second.empty() ? nullptr : &it->second;
}

Checked<ColumnMapping> parse_mapping(std::string_view json, std::string_view label) {
    Result<Json> doc = eqkit::detail::parse_json(json, label);
    if (!doc) return tl::unexpected(ErrorList{doc.error()});
    Diagnostics diag{std::string(label)};
    ColumnMapping mapping;
    mapping.file = std::string(label);
    ObjectReader root(*doc, "", diag);
    if (root.is_object() && check_format(root, mapping_format)) {
        mapping.organisation = root.string_or("organisation", "");
        if (const Json* files = root.raw("files", Need::required)) {
            if (!files->is_object()) {
                root.error("files", "expected an object of files, found " +
                                        std::string(eqkit::detail::type_name(*files)));
            } else {
                for (const auto& [role, columns] : files->items()) {
                    auto& out = mapping.columns[role];
                    const std::string where = eqkit::detail::pointer_append("/files", role);
                    for (auto& [field, heading] : text_map(columns, where, diag))
                        out.emplace(field, heading);
                }
            }
        }
        if (const Json* values = root.raw("values", Need::optional)) {
            if (!values->is_object()) {
                root.error("values", "expected an object of fields, found " +
                                         std::string(eqkit::detail::type_name(*values)));
            } else {
                for (const auto& [field, table] : values->items())
                    mapping.values[field] =
                        text_map(table, eqkit::detail::pointer_append("/values", field), diag);
            }
        }
        root.finish();
    }
    if (!diag.empty()) return tl::unexpected(diag.take());
    return mapping;
}

Checked<ColumnMapping> load_mapping(const std::filesystem::path& file) {
    Result<std::string> text = read_text_file(file);
    if (!text) return tl::unexpected(ErrorList{text.error()});
    return parse_mapping(*text, file.generic_string());
}

std::string mapping_json(const ColumnMapping& mapping) {
    Json doc = Json::object();
    doc["format"] = mapping_format;
    doc["organisation"] = mapping.organisation;
    Json files = Json::object();
    for (const auto& [role, columns] : mapping.columns) {
        Json fields = Json::object();
        for (const auto& [field, heading] : columns)
            fields[field] = heading;
        files[role] = std::move(fields);
    }
    doc["files"] = std::move(files);
    if (!mapping.values.empty()) {
        Json values = Json::object();
        for (const auto& [field, table] : mapping.values) {
            Json entries = Json::object();
            for (const auto& [theirs, ours] : table)
                entries[theirs] = ours;
            values[field] = std::move(entries);
        }
        doc["values"] = std::move(values);
    }
    return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace eqkit::workforce
