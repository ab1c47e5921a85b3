#pragma once
// An organisation's column mapping (eqkit-column-mapping/1, docs/counts-format.md): which of its
// own column headings holds each of our fields, per file, and how its own values translate to
// ours. Saved once and reused every year, for WRES and WDES alike.
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "eqkit/error.hpp"

namespace eqkit::workforce {

inline constexpr std::string_view mapping_format = "eqkit-column-mapping/1";

struct ColumnMapping {
    std::string organisation;
    // role ("staff") -> our field ("ethnic_category") -> the file's heading ("Ethnic Origin")
    std::map<std::string, std::map<std::string, std::string>, std::less<>> columns;
    // our field -> the organisation's value -> ours ("Band 8 - Range A" -> "8a")
    std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> values;
    std::string file;

    // The heading mapped to a field of a file, or nothing.
    [[nodiscard]] const std::string* heading(std::string_view role, std::string_view field) const;
    // The organisation's values of a field with ours for them, or null when it has none.
    [[nodiscard]] const std::map<std::string, std::string, std::less<>>* values_of(
        std::string_view field) const;
};

[[nodiscard]] Checked<ColumnMapping> parse_mapping(std::string_view json, std::string_view label);
[[nodiscard]] Checked<ColumnMapping> load_mapping(const std::filesystem::path& file);
// The mapping as its file format, to be saved and given again next year.
[[nodiscard]] std::string mapping_json(const ColumnMapping& mapping);

}  // namespace eqkit::workforce
