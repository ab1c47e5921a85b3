#include "json_reader.hpp"

#include <algorithm>

namespace eqkit::detail {
namespace {

struct LineColumn {
    std::size_t line = 1;
    std::size_t column = 1;
};

LineColumn locate(std::string_view text, std::size_t byte_offset) {
    LineColumn at;
    const std::size_t end = std::min(byte_offset, text.size());
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++at.line;
            at.column = 1;
        } else {
            ++at.column;
        }
    }
    return at;
}

std::string place_of(std::string_view text, std::size_t byte_offset) {
    const LineColumn at = locate(text, byte_offset);
    return "line " + std::to_string(at.line) + ", column " + std::to_string(at.column);
}

// nlohmann's messages start "[json.exception.parse_error.101] parse error at line 1, column 5: ";
// the place is reported separately, so keep only the reason.
std::string reason_of(const std::string& what) {
    const std::size_t column = what.find("column ");
    const std::size_t colon = what.find(": ", column == std::string::npos ? 0 : column);
    std::string reason = colon == std::string::npos ? what : what.substr(colon + 2);
    return "this is not valid JSON (" + reason + ")";
}

// The DOM builder plus two checks nlohmann does not make: the position of a syntax error without
// throwing, and keys repeated within one object (nlohmann silently keeps the last).
class CheckingSax : public nlohmann::detail::json_sax_dom_parser<Json> {
  public:
    using Base = nlohmann::detail::json_sax_dom_parser<Json>;
    CheckingSax(Json& document, std::string_view text) : Base(document, false), text_(text) {}

    bool null() { return element() && Base::null(); }
    bool boolean(bool v) { return element() && Base::boolean(v); }
    bool number_integer(Json::number_integer_t v) { return element() && Base::number_integer(v); }
    bool number_unsigned(Json::number_unsigned_t v) {
        return element() && Base::number_unsigned(v);
    }
    bool number_float(Json::number_float_t v, const Json::string_t& s) {
        return element() && Base::number_float(v, s);
    }
    bool string(Json::string_t& v) { return element() && Base::string(v); }
    bool binary(Json::binary_t& v) { return element() && Base::binary(v); }
    bool start_object(std::size_t n) {
        element();
        frames_.push_back(Frame{false, 0, {}, {}});
        return Base::start_object(n);
    }
    bool end_object() {
        frames_.pop_back();
        return Base::end_object();
    }
    bool start_array(std::size_t n) {
        element();
        frames_.push_back(Frame{true, 0, {}, {}});
        return Base::start_array(n);
    }
    bool end_array() {
        frames_.pop_back();
        return Base::end_array();
    }
    bool key(Json::string_t& name) {
        Frame& frame = frames_.back();
        frame.child = name;
        if (!frame.keys.insert(name).second && !duplicate_) {
            duplicate_place_ = pointer();
            duplicate_ = "key \"" + name + "\" appears twice in the same object";
        }
        return Base::key(name);
    }
    template <class Exception>
    bool parse_error(std::size_t position, const std::string& /*last_token*/, const Exception& ex) {
        syntax_place_ = place_of(text_, position == 0 ? 0 : position - 1);
        syntax_reason_ = reason_of(ex.what());
        return false;
    }

    std::optional<std::string> duplicate_;
    std::string duplicate_place_;
    std::string syntax_place_;
    std::string syntax_reason_;

  private:
    struct Frame {
        bool array;
        std::size_t next_index;
        std::string child;  // key of the current member, or index of the current element
        std::set<std::string> keys;
    };

    // Called for every value; inside a list it advances the element index.
    bool element() {
        if (!frames_.empty() && frames_.back().array) {
            frames_.back().child = std::to_string(frames_.back().next_index++);
        }
        return true;
    }

    std::string pointer() const {
        std::string out;
        for (const Frame& f : frames_)
            out = pointer_append(out, f.child);
        return out;
    }

    std::string_view text_;
    std::vector<Frame> frames_;
};

}  // namespace

Result<Json> parse_json(std::string_view text, std::string_view file) {
    Json root;
    CheckingSax sax(root, text);
    const bool ok = Json::sax_parse(text, &sax, Json::input_format_t::json, true, false);
    if (!ok) return fail(std::string(file), sax.syntax_place_, sax.syntax_reason_);
    if (sax.duplicate_) return fail(std::string(file), sax.duplicate_place_, *sax.duplicate_);
    return root;
}

std::string dump_json(const Json& value) {
    return value.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string pointer_append(std::string_view pointer, std::string_view key) {
    std::string out(pointer);
    out += '/';
    for (char c : key) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out += c;
        }
    }
    return out;
}

std::string pointer_append(std::string_view pointer, std::size_t index) {
    return std::string(pointer) + "/" + std::to_string(index);
}

std::string_view type_name(const Json& value) {
    switch (value.type()) {
        case Json::value_t::null:
            return "null";
        case Json::value_t::object:
            return "an object";
        case Json::value_t::array:
            return "a list";
        case Json::value_t::string:
            return "text";
        case Json::value_t::boolean:
            return "true/false";
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
            return "a whole number";
        case Json::value_t::number_float:
            return "a decimal number";
        default:
            return "something else";
    }
}

void Diagnostics::add(std::string place, std::string reason) {
    errors_.push_back(Error{file_, std::move(place), std::move(reason)});
}

ObjectReader::ObjectReader(const Json& node, std::string pointer, Diagnostics& diag)
    : node_(&node), pointer_(std::move(pointer)), diag_(&diag) {
    if (!node_->is_object()) {
        diag_->add(pointer_.empty() ? "/" : pointer_,
                   "expected an object, found " + std::string(type_name(*node_)));
    }
}

bool ObjectReader::has(std::string_view key) const {
    return node_->is_object() && node_->find(key) != node_->end();
}

const Json* ObjectReader::find(std::string_view key, Need need) {
    if (!node_->is_object()) return nullptr;
    read_.emplace(key);
    const auto it = node_->find(key);
    if (it == node_->end()) {
        if (need == Need::required) {
            diag_->add(pointer_.empty() ? "/" : pointer_,
                       "\"" + std::string(key) + "\" is missing");
        }
        return nullptr;
    }
    return &*it;
}

const Json* ObjectReader::typed(std::string_view key, Need need,
                                bool (Json::*is_type)() const noexcept, std::string_view expected) {
    const Json* value = find(key, need);
    if (value == nullptr) return nullptr;
    if (!(value->*is_type)()) {
        error(key,
              "expected " + std::string(expected) + ", found " + std::string(type_name(*value)));
        return nullptr;
    }
    return value;
}

std::optional<std::string> ObjectReader::string(std::string_view key, Need need) {
    const Json* value = typed(key, need, &Json::is_string, "text");
    if (value == nullptr) return std::nullopt;
    return value->get_ref<const std::string&>();
}

std::string ObjectReader::string_or(std::string_view key, std::string fallback) {
    return string(key, Need::optional).value_or(std::move(fallback));
}

std::optional<bool> ObjectReader::boolean(std::string_view key, Need need) {
    const Json* value = typed(key, need, &Json::is_boolean, "true or false");
    if (value == nullptr) return std::nullopt;
    return value->get<bool>();
}

bool ObjectReader::boolean_or(std::string_view key, bool fallback) {
    return boolean(key, Need::optional).value_or(fallback);
}

std::optional<std::int64_t> ObjectReader::integer(std::string_view key, Need need) {
    const Json* value = typed(key, need, &Json::is_number_integer, "a whole number");
    if (value == nullptr) return std::nullopt;
    if (value->is_number_unsigned() &&
        value->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
        error(key, "the number is too large");
        return std::nullopt;
    }
    return value->get<std::int64_t>();
}

std::optional<double> ObjectReader::number(std::string_view key, Need need) {
    const Json* value = typed(key, need, &Json::is_number, "a number");
    if (value == nullptr) return std::nullopt;
    return value->get<double>();
}

std::vector<std::string> ObjectReader::strings(std::string_view key, Need need) {
    std::vector<std::string> out;
    const Json* value = typed(key, need, &Json::is_array, "a list");
    if (value == nullptr) return out;
    const std::string where = pointer_append(pointer_, key);
    for (std::size_t i = 0; i < value->size(); ++i) {
        const Json& element = (*value)[i];
        if (!element.is_string()) {
            diag_->add(pointer_append(where, i),
                       "expected text, found " + std::string(type_name(element)));
            continue;
        }
        out.push_back(element.get<std::string>());
    }
    return out;
}

std::optional<ObjectReader> ObjectReader::object(std::string_view key, Need need) {
    const Json* value = find(key, need);
    if (value == nullptr) return std::nullopt;
    ObjectReader nested(*value, pointer_append(pointer_, key), *diag_);
    if (!nested.is_object()) return std::nullopt;
    return nested;
}

std::vector<ObjectReader> ObjectReader::objects(std::string_view key, Need need,
                                                std::size_t min_count) {
    std::vector<ObjectReader> out;
    const Json* value = typed(key, need, &Json::is_array, "a list");
    if (value == nullptr) return out;
    const std::string where = pointer_append(pointer_, key);
    if (value->size() < min_count) {
        diag_->add(where, "needs at least " + std::to_string(min_count) + " entr" +
                              (min_count == 1 ? "y" : "ies"));
    }
    out.reserve(value->size());
    for (std::size_t i = 0; i < value->size(); ++i) {
        ObjectReader element((*value)[i], pointer_append(where, i), *diag_);
        if (element.is_object()) out.push_back(std::move(element));
    }
    return out;
}

const Json* ObjectReader::raw(std::string_view key, Need need) {
    return find(key, need);
}

void ObjectReader::error(std::string_view key, std::string reason) {
    diag_->add(pointer_append(pointer_, key), std::move(reason));
}

void ObjectReader::expect_format(std::string_view expected, std::string_view what) {
    if (auto format = string("format", Need::required); format && *format != expected) {
        error("format", "this " + std::string(what) + "'s format is \"" + *format +
                            "\"; this version of EqualityKit reads \"" + std::string(expected) +
                            "\"");
    }
}

void ObjectReader::error_here(std::string reason) {
    diag_->add(pointer_.empty() ? "/" : pointer_, std::move(reason));
}

void ObjectReader::finish() {
    if (!node_->is_object()) return;
    for (const auto& [key, value] : node_->items()) {
        if (read_.find(key) == read_.end()) error(key, "unknown key \"" + key + "\"");
    }
}

}  // namespace eqkit::detail
