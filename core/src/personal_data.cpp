#include "eqkit/personal_data.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "media_types.hpp"
#include "streaming.hpp"

namespace eqkit {
namespace {

constexpr std::size_t max_segment = 64 * 1024;  // a longer line is scanned in parts …
constexpr std::size_t overlap = 256;            // … that overlap by this much
constexpr std::size_t max_findings_per_source = 50;

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_alnum(char c) {
    return is_digit(c) || is_alpha(c);
}
char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

struct Match {
    std::size_t begin;
    std::size_t end;
    std::string what;
};

// ---- NHS numbers ---------------------------------------------------------------------------

// 10 digits at `at`, either run together or as 3-3-4 with one kind of separator (space or '-').
std::optional<std::string> nhs_digits(std::string_view text, std::size_t at, std::size_t& end) {
    std::string digits;
    std::size_t i = at;
    const auto take = [&](std::size_t n) {
        for (std::size_t k = 0; k < n; ++k, ++i) {
            if (i >= text.size() || !is_digit(text[i])) return false;
            digits += text[i];
        }
        return true;
    };
    if (!take(3)) return std::nullopt;
    if (i < text.size() && (text[i] == ' ' || text[i] == '-')) {
        const char sep = text[i++];
        if (!take(3) || i >= text.size() || text[i] != sep) return std::nullopt;
        ++i;
        if (!take(4)) return std::nullopt;
    } else if (!take(7)) {
        return std::nullopt;
    }
    if (i < text.size() && is_digit(text[i])) return std::nullopt;  // part of a longer number
    end = i;
    return digits;
}

void find_nhs_numbers(std::string_view text, std::vector<Match>& out) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!is_digit(text[i]) || (i > 0 && (is_alnum(text[i - 1])))) continue;
        std::size_t end = 0;
        const std::optional<std::string> digits = nhs_digits(text, i, end);
        if (digits && is_valid_nhs_number(*digits)) {
            out.push_back(
                {i, end,
                 "an NHS number (" + digits->substr(0, 3) + " " + digits->substr(3, 3) + " ….)"});
            i = end;
        }
    }
}

// ---- email addresses -----------------------------------------------------------------------

bool is_local_char(char c) {
    return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
bool is_domain_char(char c) {
    return is_alnum(c) || c == '.' || c == '-';
}

void find_emails(std::string_view text, std::vector<Match>& out) {
    for (std::size_t at = text.find('@'); at != std::string_view::npos;
         at = text.find('@', at + 1)) {
        std::size_t begin = at;
        while (begin > 0 && is_local_char(text[begin - 1]))
            --begin;
        std::size_t end = at + 1;
        while (end < text.size() && is_domain_char(text[end]))
            ++end;
        while (end > at + 1 && (text[end - 1] == '.' || text[end - 1] == '-'))
            --end;  // "write to a@b.org." ends the sentence, not the address
        const std::string_view domain = text.substr(at + 1, end - at - 1);
        const std::size_t dot = domain.rfind('.');
        if (begin == at || dot == std::string_view::npos || dot == 0 ||
            domain.size() - dot - 1 < 2) {
            continue;
        }
        bool letters = true;
        for (const char c : domain.substr(dot + 1))
            letters = letters && is_alpha(c);
        if (!letters) continue;
        out.push_back({begin, end, "an email address (…@" + std::string(domain) + ")"});
    }
}

// ---- dates of birth ------------------------------------------------------------------------

constexpr std::array<std::string_view, 8> birth_words{
    "date of birth", "d.o.b", "dob", "born on", "born:", "birth date", "birthdate", "born "};

constexpr std::array<std::string_view, 12> months{"jan", "feb", "mar", "apr", "may", "jun",
                                                  "jul", "aug", "sep", "oct", "nov", "dec"};

std::size_t digits_at(std::string_view text, std::size_t i) {
    std::size_t n = 0;
    while (i + n < text.size() && is_digit(text[i + n]))
        ++n;
    return n;
}

// A date starting at i: 12/03/1950, 12-3-50, 12.03.1950, 1950-03-12, 12 March 1950, 12th Mar 1950.
bool date_at(std::string_view text, std::size_t i) {
    const std::size_t a = digits_at(text, i);
    if (a == 4) {
        const std::size_t j = i + 4;
        return j + 1 < text.size() && (text[j] == '-' || text[j] == '/') &&
               digits_at(text, j + 1) >= 1 && digits_at(text, j + 1) <= 2;
    }
    if (a < 1 || a > 2) return false;
    std::size_t j = i + a;
    if (j < text.size() && (text[j] == '/' || text[j] == '-' || text[j] == '.')) {
        const char sep = text[j];
        const std::size_t b = digits_at(text, j + 1);
        if (b < 1 || b > 2) return false;
        j += 1 + b;
        if (j >= text.size() || text[j] != sep) return false;
        const std::size_t c = digits_at(text, j + 1);
        return c == 2 || c == 4;
    }
    if (j + 1 < text.size() && is_alpha(text[j])) j += 2;  // 12th, 1st, 2nd, 3rd
    while (j < text.size() && text[j] == ' ')
        ++j;
    if (j + 3 > text.size()) return false;
    std::string month;
    for (std::size_t k = 0; k < 3; ++k)
        month += lower(text[j + k]);
    for (const std::string_view m : months) {
        if (m == month) return true;
    }
    return false;
}

void find_birth_dates(std::string_view text, std::vector<Match>& out) {
    std::string folded(text);
    for (char& c : folded)
        c = lower(c);
    std::vector<std::size_t> starts;  // "born on" and "born " must not count twice
    for (const std::string_view word : birth_words) {
        for (std::size_t at = folded.find(word); at != std::string::npos;
             at = folded.find(word, at + 1)) {
            if (at > 0 && is_alnum(folded[at - 1])) continue;
            if (std::find(starts.begin(), starts.end(), at) != starts.end()) continue;
            const std::size_t after = at + word.size();
            if (word == "dob" && after < folded.size() && is_alpha(folded[after])) continue;
            const std::size_t stop = std::min(folded.size(), after + 40);
            for (std::size_t i = after; i < stop; ++i) {
                if (is_digit(folded[i]) && (i == 0 || !is_digit(folded[i - 1])) &&
                    date_at(text, i)) {
                    starts.push_back(at);
                    out.push_back({at, i + 1,
                                   "a date of birth (after \"" +
                                       std::string(text.substr(at, word.size())) + "\")"});
                    break;
                }
            }
        }
    }
}

}  // namespace

bool is_valid_nhs_number(std::string_view digits) {
    if (digits.size() != 10) return false;
    int sum = 0;
    for (std::size_t i = 0; i < 9; ++i) {
        if (!is_digit(digits[i])) return false;
        sum += (digits[i] - '0') * static_cast<int>(10 - i);
    }
    int check = 11 - sum % 11;
    if (check == 11) check = 0;
    return check != 10 && is_digit(digits[9]) && check == digits[9] - '0';
}

void PersonalDataScanner::feed(std::string_view chunk) {
    while (!chunk.empty()) {
        const std::size_t newline = chunk.find('\n');
        const std::size_t line_part = newline == std::string_view::npos ? chunk.size() : newline;
        const std::size_t room = max_segment - segment_.size();
        if (line_part <= room) {
            segment_.append(chunk.substr(0, line_part));
            chunk.remove_prefix(line_part);
            if (newline != std::string_view::npos) {
                chunk.remove_prefix(1);
                scan_segment(true);
            }
        } else {
            segment_.append(chunk.substr(0, room));
            chunk.remove_prefix(room);
            scan_segment(false);
        }
    }
}

void PersonalDataScanner::finish() {
    if (!segment_.empty()) scan_segment(true);
}

void PersonalDataScanner::scan_segment(bool line_complete) {
    std::vector<Match> matches;
    find_nhs_numbers(segment_, matches);
    find_emails(segment_, matches);
    find_birth_dates(segment_, matches);
    std::stable_sort(matches.begin(), matches.end(),
                     [](const Match& a, const Match& b) { return a.begin < b.begin; });
    for (Match& m : matches) {
        // Matches wholly inside the overlap were found in the previous part of this line.
        if (m.end <= overlap_) continue;
        findings_.push_back({line_, std::move(m.what)});
    }
    if (line_complete) {
        segment_.clear();
        overlap_ = 0;
        ++line_;
    } else {
        segment_.erase(0, segment_.size() - overlap);
        overlap_ = overlap;
    }
}

std::vector<TextFinding> scan_text(std::string_view text) {
    PersonalDataScanner scanner;
    scanner.feed(text);
    scanner.finish();
    return scanner.findings();
}

namespace {

void report(std::vector<PersonalDataFinding>& out, const std::string& source,
            const std::vector<TextFinding>& found, bool with_lines) {
    std::size_t shown = 0;
    for (const TextFinding& f : found) {
        if (++shown > max_findings_per_source) {
            out.push_back({source, "and " + std::to_string(found.size() - max_findings_per_source) +
                                       " more"});
            return;
        }
        out.push_back({with_lines ? source + ", line " + std::to_string(f.line) : source, f.what});
    }
}

}  // namespace

Result<std::vector<PersonalDataFinding>> scan_workspace_for_personal_data(
    const WorkspaceFolder& ws) {
    std::vector<PersonalDataFinding> out;
    for (const StoredAssessment& a : ws.assessments()) {
        const std::string source = "assessment " + a.entry.id;
        report(out, source + ", title", scan_text(a.assessment.title), false);
        for (const auto& [code, answer] : a.assessment.answers) {
            report(out, source + ", item " + code + " narrative", scan_text(answer.narrative),
                   true);
            for (const std::string& rater : answer.raters)
                report(out, source + ", item " + code + " raters", scan_text(rater), false);
        }
    }
    for (const Evidence& e : ws.evidence()) {
        const std::string source = "evidence " + e.id;
        report(out, source + ", title", scan_text(e.title), false);
        report(out, source + ", description", scan_text(e.description), true);
        if (e.kind == EvidenceKind::note) {
            report(out, source + " (note)", scan_text(e.text), true);
        } else if (e.kind == EvidenceKind::file && detail::is_text_media_type(e.media_type)) {
            PersonalDataScanner scanner;
            Result<std::uint64_t> read =
                detail::read_chunks(ws.blob_path(e.sha256), ws.blob_path(e.sha256).generic_string(),
                                    [&](std::string_view chunk) {
                                        scanner.feed(chunk);
                                        return Result<void>{};
                                    });
            if (!read) return tl::unexpected(read.error());
            scanner.finish();
            report(out, source + " (" + e.original_name + ")", scanner.findings(), true);
        }
    }
    return out;
}

}  // namespace eqkit
