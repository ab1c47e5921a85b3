#pragma once
// Strict, exception-free reading of JSON documents for the core's loaders.
// Every problem is collected with its JSON Pointer, so a file's author sees them all at once.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "eqkit/error.hpp"

namespace eqkit::detail {

using Json = nlohmann::json;

// Parses text without throwing; a syntax error or a repeated key becomes an Error at
// "line L, column C".
[[nodiscard]] Result<Json> parse_json(std::string_view text, std::string_view file);

// Serialises with invalid UTF-8 replaced rather than thrown on.
[[nodiscard]] std::string dump_json(const Json& value);

[[nodiscard]] std::string pointer_append(std::string_view pointer, std::string_view key);
[[nodiscard]] std::string pointer_append(std::string_view pointer, std::size_t index);

class Diagnostics {
  public:
    explicit Diagnostics(std::string file) : file_(std::move(file)) {}
    void add(std::string place, std::string reason);
    [[nodiscard]] const std::string& file() const { return file_; }
    [[nodiscard]] bool empty() const { return errors_.empty(); }
    [[nodiscard]] std::size_t count() const { return errors_.size(); }
    [[nodiscard]] ErrorList take() { return std::move(errors_); }

  private:
    std::string file_;
    ErrorList errors_;
};

enum class Need { required, optional };

// Reads one JSON object; remembers which keys were read so finish() can report the rest.
class ObjectReader {
  public:
    ObjectReader(const Json& node, std::string pointer, Diagnostics& diag);
    ObjectReader(const ObjectReader&) = delete;
    ObjectReader(ObjectReader&&) = default;
    ObjectReader& operator=(const ObjectReader&) = delete;
    ObjectReader& operator=(ObjectReader&&) = delete;
    ~ObjectReader() = default;

    [[nodiscard]] bool is_object() const { return node_->is_object(); }
    [[nodiscard]] const std::string& pointer() const { return pointer_; }
    [[nodiscard]] bool has(std::string_view key) const;

    std::optional<std::string> string(std::string_view key, Need need);
    std::string string_or(std::string_view key, std::string fallback);
    std::optional<bool> boolean(std::string_view key, Need need);
    bool boolean_or(std::string_view key, bool fallback);
    std::optional<std::int64_t> integer(std::string_view key, Need need);
    std::optional<double> number(std::string_view key, Need need);
    std::vector<std::string> strings(std::string_view key, Need need);
    std::optional<ObjectReader> object(std::string_view key, Need need);
    // Objects in an array; reports an error when there are fewer than min_count.
    std::vector<ObjectReader> objects(std::string_view key, Need need, std::size_t min_count = 0);
    // Keys and raw values of a nested object, for maps keyed by user data.
    const Json* raw(std::string_view key, Need need);

    void error(std::string_view key, std::string reason);
    // Reads the required "format" key and reports any other value than `expected`, naming the
    // kind of file (`what`: "file", "pack", "workspace").
    void expect_format(std::string_view expected, std::string_view what);
    void error_here(std::string reason);
    // Reports every key that no accessor asked about.
    void finish();

  private:
    const Json* find(std::string_view key, Need need);
    const Json* typed(std::string_view key, Need need, bool (Json::*is_type)() const noexcept,
                      std::string_view expected);

    const Json* node_;
    std::string pointer_;
    Diagnostics* diag_;
    std::set<std::string, std::less<>> read_;
};

[[nodiscard]] std::string_view type_name(const Json& value);

}  // namespace eqkit::detail
