#include "workforce_json.hpp"

#include "eqkit/text.hpp"

namespace eqkit::workforce::detail {

bool check_format(ObjectReader& obj, std::string_view expected) {
    std::optional<std::string> format = obj.string("format", Need::required);
    if (!format) return false;
    if (*format != expected) {
        obj.error("format", "expected " + in_quotes(expected) + ", found " + in_quotes(*format));
        return false;
    }
    return true;
}

}  // namespace eqkit::workforce::detail
