#pragma once
// Recognising the values found in workforce files: a group (ethnic category, disability), a pay
// band or medical subgroup, yes/no flags, counts and percentages. Shared by the CSV import and
// the counts file reader so both accept the same spellings.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "eqkit/workforce_definitions.hpp"
#include "text_hash.hpp"

namespace eqkit::workforce::detail {

// Lets a map keyed by std::string be searched with a string_view, without a copy per lookup.
struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept {
        return std::hash<std::string_view>{}(text);
    }
};
template <class V>
using TextMap = std::unordered_map<std::string, V, TextHash, std::equal_to<>>;

// Lower-case words of letters and digits, one space apart: "White - British" -> "white british".
[[nodiscard]] std::string normalise_words(std::string_view text);
// Letters and digits only, lower case, with a leading "band" or "b" before a digit dropped:
// "Band 8A", "B8a", "8 a" -> "8a".
[[nodiscard]] std::string band_token(std::string_view text);
[[nodiscard]] std::string_view trim(std::string_view text);

// Y/N, yes/no, true/false or 1/0, any case, spaces around it allowed.
[[nodiscard]] std::optional<bool> parse_yes_no_words(std::string_view text);
// A single Y, N, 1 or 0 (nearly every flag in an HR export) is decided here, inline: it runs for
// several columns of every row, and a call costs more than the test in the web build.
[[nodiscard]] inline std::optional<bool> parse_yes_no(std::string_view text) {
    if (text.size() == 1) {
        const char c = text[0];
        if (c == 'Y' || c == 'y' || c == '1') return true;
        if (c == 'N' || c == 'n' || c == '0') return false;
        return std::nullopt;
    }
    return parse_yes_no_words(text);
}
// A whole number of people, 0 or more. Spaces around it are allowed.
[[nodiscard]] std::optional<std::int64_t> parse_count(std::string_view text);
// A count, or yes (1) / no (0): recruitment files have one row per applicant or per group.
[[nodiscard]] std::optional<std::int64_t> parse_count_or_flag(std::string_view text);
// A decimal number, with an optional "%" after it.
[[nodiscard]] std::optional<double> parse_number(std::string_view text);

// The survey part whose code matches ("4a (i)", "4a(i)" and "4ai" are the same), or null.
[[nodiscard]] const PartDef* find_survey_part(const Definitions& defs, std::string_view code);
// The survey part codes, for messages: "\"5\", \"6\", \"7\", \"8\"".
[[nodiscard]] std::string survey_codes(const Definitions& defs);

// Which group a raw value of the group column belongs to. Remembers each distinct value, so a
// million rows cost a million hash lookups, not a million classifications.
class Classifier {
  public:
    explicit Classifier(const Definitions& defs);
    [[nodiscard]] std::optional<std::size_t> group(std::string_view raw);
    // What a user may write, for messages: "A to S, Z or 99, or the category's name".
    [[nodiscard]] const std::string& expected() const { return expected_; }

  private:
    [[nodiscard]] std::optional<std::size_t> classify(std::string_view raw) const;

    const Definitions* defs_;
    TextMap<std::size_t> texts_;
    TextMap<std::size_t> codes_;
    TextCache<std::optional<std::size_t>> seen_;
    std::string expected_;
};

// A row of indicator 1 named by a band or a medical subgroup.
class RowMatcher {
  public:
    explicit RowMatcher(const Definitions& defs);
    // Index into defs.rows.afc.
    [[nodiscard]] std::optional<std::size_t> band(std::string_view raw);
    // Index into defs.rows.medical.
    [[nodiscard]] std::optional<std::size_t> medical(std::string_view raw);
    [[nodiscard]] std::string expected_bands() const;
    [[nodiscard]] std::string expected_medical() const;

  private:
    const Definitions* defs_;
    [[nodiscard]] static std::optional<std::size_t> match(const TextMap<std::size_t>& names,
                                                          std::string_view raw);

    TextMap<std::size_t> bands_;
    TextMap<std::size_t> medical_;
    TextCache<std::optional<std::size_t>> seen_bands_;
    TextCache<std::optional<std::size_t>> seen_medical_;
};

}  // namespace eqkit::workforce::detail
