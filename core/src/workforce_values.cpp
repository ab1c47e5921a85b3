#include "workforce_values.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>

#include "eqkit/text.hpp"

namespace eqkit::workforce::detail {
namespace {

bool is_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

char upper(char c) {
    return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

std::string upper_text(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        c = upper(c);
    return out;
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

}  // namespace

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

std::string normalise_words(std::string_view text) {
    std::string out;
    bool gap = false;
    for (char c : text) {
        if (is_alnum(c) || static_cast<unsigned char>(c) >= 0x80) {
            if (gap && !out.empty()) out += ' ';
            out += lower(c);
            gap = false;
        } else {
            gap = true;
        }
    }
    return out;
}

std::string band_token(std::string_view text) {
    std::string out;
    for (char c : text)
        if (is_alnum(c)) out += lower(c);
    if (out.size() > 4 && out.compare(0, 4, "band") == 0) return out.substr(4);
    if (out.size() > 1 && out[0] == 'b' && is_digit(out[1])) return out.substr(1);
    return out;
}

// Compared in place, by length first: this runs for two or three columns of every row.
std::optional<bool> parse_yes_no_words(std::string_view text) {
    text = trim(text);
    const auto is = [&text](const char* word, std::size_t length) {
        if (text.size() != length) return false;
        for (std::size_t i = 0; i < length; ++i)
            if (lower(text[i]) != word[i]) return false;
        return true;
    };
    switch (text.size()) {
        case 1:
            if (is("y", 1) || is("1", 1)) return true;
            if (is("n", 1) || is("0", 1)) return false;
            break;
        case 2:
            if (is("no", 2)) return false;
            break;
        case 3:
            if (is("yes", 3)) return true;
            break;
        case 4:
            if (is("true", 4)) return true;
            break;
        case 5:
            if (is("false", 5)) return false;
            break;
        default:
            break;
    }
    return std::nullopt;
}

std::optional<std::int64_t> parse_count(std::string_view text) {
    text = trim(text);
    if (text.empty()) return std::nullopt;
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < 0) return std::nullopt;
    return value;
}

std::optional<std::int64_t> parse_count_or_flag(std::string_view text) {
    if (auto count = parse_count(text)) return count;
    if (auto flag = parse_yes_no(text)) return *flag ? 1 : 0;
    return std::nullopt;
}

std::optional<double> parse_number(std::string_view text) {
    text = trim(text);
    if (!text.empty() && text.back() == '%') text = trim(text.substr(0, text.size() - 1));
    if (text.empty()) return std::nullopt;
    // std::from_chars for double is missing from the web build's libc++ (Emscripten 3.1.6), so
    // strtod (C locale) on from_chars' syntax: no leading '+', no spaces, no hex, inf or nan.
    if (text.front() == '+' ||
        text.find_first_not_of("0123456789.-+eE") != std::string_view::npos) {
        return std::nullopt;
    }
    const std::string copy(text);
    char* end = nullptr;
    const double value = std::strtod(copy.c_str(), &end);
    if (end != copy.c_str() + copy.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

const PartDef* find_survey_part(const Definitions& defs, std::string_view code) {
    const std::string wanted = band_token(code);
    for (const IndicatorDef& ind : defs.indicators) {
        if (ind.kind != IndicatorKind::survey) continue;
        for (const PartDef& part : ind.parts)
            if (part.code == code || band_token(part.code) == wanted) return &part;
    }
    return nullptr;
}

std::string survey_codes(const Definitions& defs) {
    std::string out;
    for (const IndicatorDef& ind : defs.indicators) {
        if (ind.kind != IndicatorKind::survey) continue;
        for (const PartDef& part : ind.parts)
            out += (out.empty() ? "\"" : ", \"") + part.code + "\"";
    }
    return out;
}

Classifier::Classifier(const Definitions& defs) : defs_(&defs) {
    const Classification& c = defs.classification;
    std::vector<std::string> codes;
    for (const ClassValue& v : c.values) {
        texts_.emplace(normalise_words(v.label), v.group);
        for (const std::string& alias : v.aliases)
            texts_.emplace(normalise_words(alias), v.group);
        if (!v.code.empty()) {
            codes_.emplace(upper_text(v.code), v.group);
            codes.push_back(v.code);
        }
    }
    for (std::size_t g = 0; g < defs.groups.size(); ++g) {
        texts_.emplace(normalise_words(defs.groups[g].label), g);
        texts_.emplace(normalise_words(defs.groups[g].key), g);
        for (const std::string& alias : defs.groups[g].aliases)
            texts_.emplace(normalise_words(alias), g);
    }
    if (!codes.empty()) {
        expected_ = "a code (" + join_or(codes) + ") or the name of a category";
    } else {
        std::vector<std::string> labels;
        for (const ClassValue& v : c.values)
            labels.push_back("\"" + v.label + "\"");
        expected_ = join_or(labels);
    }
}

std::optional<std::size_t> Classifier::group(std::string_view raw) {
    if (const auto* known = seen_.find(raw)) return *known;
    const std::optional<std::size_t> g = classify(raw);
    seen_.insert(raw, g);
    return g;
}

std::optional<std::size_t> Classifier::classify(std::string_view raw) const {
    const std::string_view value = trim(raw);
    if (value.empty()) return defs_->classification.blank;
    if (auto it = texts_.find(normalise_words(value)); it != texts_.end()) return it->second;
    if (!defs_->classification.code_tokens) {
        if (auto it = codes_.find(upper_text(value)); it != codes_.end()) return it->second;
        return std::nullopt;
    }
    // NHS codes: "C", "C2" or "C2 White - Other"; the national code is the first character,
    // except the two-character default code 99.
    const std::string_view token = value.substr(0, value.find_first_of(" \t"));
    if (token.size() > 2) return std::nullopt;
    for (char c : token)
        if (!is_alnum(c)) return std::nullopt;
    if (auto it = codes_.find(upper_text(token)); it != codes_.end()) return it->second;
    if (auto it = codes_.find(upper_text(token.substr(0, 1))); it != codes_.end()) {
        return it->second;
    }
    return std::nullopt;
}

RowMatcher::RowMatcher(const Definitions& defs) : defs_(&defs) {
    for (std::size_t i = 0; i < defs.rows.afc.size(); ++i) {
        const RowDef& row = defs.rows.afc[i];
        bands_.emplace(band_token(row.key), i);
        bands_.emplace(band_token(row.label), i);
        for (const std::string& alias : row.aliases)
            bands_.emplace(band_token(alias), i);
    }
    for (std::size_t i = 0; i < defs.rows.medical.size(); ++i) {
        const RowDef& row = defs.rows.medical[i];
        medical_.emplace(band_token(row.key), i);
        medical_.emplace(band_token(row.label), i);
        for (const std::string& alias : row.aliases)
            medical_.emplace(band_token(alias), i);
    }
}

std::optional<std::size_t> RowMatcher::match(const TextMap<std::size_t>& names,
                                             std::string_view raw) {
    const auto it = names.find(band_token(raw));
    if (it == names.end()) return std::nullopt;
    return it->second;
}

std::optional<std::size_t> RowMatcher::band(std::string_view raw) {
    if (const auto* known = seen_bands_.find(raw)) return *known;
    const std::optional<std::size_t> row = match(bands_, raw);
    seen_bands_.insert(raw, row);
    return row;
}

std::optional<std::size_t> RowMatcher::medical(std::string_view raw) {
    if (const auto* known = seen_medical_.find(raw)) return *known;
    const std::optional<std::size_t> row = match(medical_, raw);
    seen_medical_.insert(raw, row);
    return row;
}

std::string RowMatcher::expected_bands() const {
    std::vector<std::string> keys;
    for (const RowDef& row : defs_->rows.afc)
        keys.push_back(row.key == row.label ? row.key : row.label);
    return join_or(keys);
}

std::string RowMatcher::expected_medical() const {
    std::vector<std::string> keys;
    for (const RowDef& row : defs_->rows.medical)
        keys.push_back(row.label);
    return join_or(keys);
}

}  // namespace eqkit::workforce::detail
