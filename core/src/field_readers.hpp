#pragma once
// Field readers shared by every strict loader (frameworks, workforce definitions and counts).
#include <string>
#include <string_view>

#include "eqkit/framework.hpp"
#include "json_reader.hpp"

namespace eqkit::detail {

[[nodiscard]] std::string in_quotes(std::string_view text);

// An id: lowercase letters, digits and "_", starting with a letter, at most 64 (frameworks,
// question sets, tenders).
[[nodiscard]] bool valid_id(std::string_view id);
// A code as published: letters, digits, ".", "-" and "_", at most 32 (items, questions).
[[nodiscard]] bool valid_code(std::string_view code);

// Required text that must not be blank.
std::string required_text(ObjectReader& obj, std::string_view key);

// "confirmed" and "note": an unconfirmed fact must say why.
Provenance read_provenance(ObjectReader& obj);

// A "source" object: title (required), url, reference and provenance.
Source read_source(ObjectReader& obj);

}  // namespace eqkit::detail
