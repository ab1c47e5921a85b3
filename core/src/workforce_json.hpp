#pragma once
// Small reading helpers shared by the workforce file loaders (indicators, counts, mappings).
#include <string>
#include <string_view>

#include "eqkit/framework.hpp"
#include "field_readers.hpp"
#include "json_reader.hpp"

namespace eqkit::workforce::detail {

using eqkit::detail::Diagnostics;
using eqkit::detail::Json;
using eqkit::detail::Need;
using eqkit::detail::ObjectReader;

using eqkit::detail::in_quotes;
using eqkit::detail::read_provenance;
using eqkit::detail::required_text;

// A file's "format" member, which must be exactly the expected one. False when it is not.
bool check_format(ObjectReader& obj, std::string_view expected);

}  // namespace eqkit::workforce::detail
