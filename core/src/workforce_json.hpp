#pragma once
// Small reading helpers shared by the workforce file loaders (indicators, counts, mappings).
#include <string>
#include <string_view>

#include "eqkit/framework.hpp"
#include "json_reader.hpp"

namespace eqkit::workforce::detail {

using eqkit::detail::Diagnostics;
using eqkit::detail::Json;
using eqkit::detail::Need;
using eqkit::detail::ObjectReader;

// Required text that must not be blank.
std::string required_text(ObjectReader& obj, std::string_view key);

// "confirmed" and "note": an unconfirmed fact must say why.
Provenance read_provenance(ObjectReader& obj);

// A file's "format" member, which must be exactly the expected one. False when it is not.
bool check_format(ObjectReader& obj, std::string_view expected);

std::string in_quotes(std::string_view text);

}  // namespace eqkit::workforce::detail
