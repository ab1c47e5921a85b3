#include "field_readers.hpp"

#include <algorithm>

#include "eqkit/text.hpp"

namespace eqkit::detail {

std::string in_quotes(std::string_view text) {
    return "\"" + std::string(text) + "\"";
}

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

std::string required_text(ObjectReader& obj, std::string_view key) {
    std::optional<std::string> value = obj.string(key, Need::required);
    if (value && is_blank(*value)) obj.error(key, in_quotes(key) + " must not be empty");
    return value.value_or("");
}

Provenance read_provenance(ObjectReader& obj) {
    Provenance p;
    p.confirmed = obj.boolean_or("confirmed", true);
    p.note = obj.string_or("note", "");
    if (!p.confirmed && is_blank(p.note)) {
        obj.error("note", "an unconfirmed fact needs a note saying what is unconfirmed");
    }
    return p;
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

}  // namespace eqkit::detail
