#include "eqkit/csv_reader.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "eqkit/text.hpp"

namespace eqkit {
namespace {

// Characters that end a run of plain field text.
constexpr std::array<bool, 256> special_table() {
    std::array<bool, 256> table{};
    table[static_cast<unsigned char>(',')] = true;
    table[static_cast<unsigned char>('"')] = true;
    table[static_cast<unsigned char>('\n')] = true;
    table[static_cast<unsigned char>('\r')] = true;
    return table;
}
constexpr std::array<bool, 256> special = special_table();

bool is_special(char c) {
    return special[static_cast<unsigned char>(c)];
}

std::string shown_char(char c) {
    if (c == '\t') return "a tab";
    if (static_cast<unsigned char>(c) < 0x20) return "a control character";
    return "\"" + quote_value(std::string_view(&c, 1)).substr(1, 1) + "\"";
}

}  // namespace

CsvReader::CsvReader(std::string file, RecordHandler on_record)
    : file_(std::move(file)), on_record_(std::move(on_record)) {}

Result<void> CsvReader::broken(std::size_t line, std::string reason) {
    error_ = Error{file_, csv_place(line, ends_.size() + 1), std::move(reason)};
    stopped_ = true;
    return tl::unexpected(*error_);
}

// A UTF-8 byte-order mark (Excel's "CSV UTF-8") is dropped; UTF-16 is refused in words.
Result<void> CsvReader::check_start() {
    started_ = true;
    std::string prefix;
    prefix.swap(prefix_);
    std::string_view rest(prefix);
    if (rest.starts_with("\xEF\xBB\xBF")) {
        rest.remove_prefix(3);
    } else if (rest.starts_with("\xFF\xFE") || rest.starts_with("\xFE\xFF")) {
        error_ = Error{file_, "line 1",
                       "this file is saved as UTF-16 (\"Unicode text\"); save it again as "
                       "\"CSV UTF-8\""};
        stopped_ = true;
        return tl::unexpected(*error_);
    }
    return consume(rest);
}

Result<void> CsvReader::feed(std::string_view bytes) {
    if (error_) return tl::unexpected(*error_);
    if (stopped_) return {};
    if (!started_) {
        const std::size_t take = std::min<std::size_t>(3 - prefix_.size(), bytes.size());
        prefix_.append(bytes.substr(0, take));
        bytes.remove_prefix(take);
        if (prefix_.size() < 3) return {};
        if (Result<void> ok = check_start(); !ok || stopped_) return ok;
    }
    return consume(bytes);
}

// Most lines have no quotes: such a line, whole in this chunk, is split where it lies, with no
// copy and no byte-by-byte state machine. Returns the bytes used, 0 when the line needs the
// general path (a quote, a lone CR, or no line break yet).
std::size_t CsvReader::plain_line(const char* d, std::size_t n) {
    const void* found = std::memchr(d, '\n', n);
    if (found == nullptr) return 0;
    const auto* nl = static_cast<const char*>(found);
    std::size_t len = static_cast<std::size_t>(nl - d);
    if (len > 0 && d[len - 1] == '\r') --len;
    if (std::memchr(d, '"', len) != nullptr || std::memchr(d, '\r', len) != nullptr) return 0;
    views_.clear();
    const char* start = d;
    const char* end = d + len;
    for (const char* p = d; p < end; ++p) {
        if (*p == ',') {
            views_.emplace_back(start, static_cast<std::size_t>(p - start));
            start = p + 1;
        }
    }
    views_.emplace_back(start, static_cast<std::size_t>(end - start));
    emit(len == 0);
    newline();
    return static_cast<std::size_t>(nl - d) + 1;
}

Result<void> CsvReader::consume(std::string_view bytes) {
    const char* d = bytes.data();
    const std::size_t n = bytes.size();
    std::size_t i = 0;
    while (i < n && !stopped_) {
        if (state_ == State::field_start && ends_.empty() && record_.empty()) {
            if (const std::size_t used = plain_line(d + i, n - i); used > 0) {
                i += used;
                continue;
            }
        }
        switch (state_) {
            case State::after_cr:
                if (d[i] == '\n') ++i;  // CRLF: the line break was counted at the CR
                state_ = State::field_start;
                break;
            case State::field_start:
                if (d[i] == '"') {
                    state_ = State::quoted;
                    record_quoted_ = true;
                    quote_line_ = line_;
                    ++i;
                    break;
                }
                state_ = State::unquoted;
                break;
            case State::unquoted: {
                std::size_t j = i;
                while (j < n && !is_special(d[j]))
                    ++j;
                record_.insert(record_.end(), d + i, d + j);
                i = j;
                if (i == n) break;
                const char c = d[i++];
                if (c == ',') {
                    end_field();
                } else if (c == '\n') {
                    end_record();
                    newline();
                } else if (c == '\r') {
                    end_record();
                    newline();
                    state_ = State::after_cr;
                } else {
                    return broken(line_,
                                  "a quote (\") appears inside a field that does not start with "
                                  "one; put the whole field in quotes and write each quote "
                                  "inside it twice (\"\")");
                }
                break;
            }
            case State::quoted: {
                const void* q = std::memchr(d + i, '"', n - i);
                const std::size_t j =
                    q == nullptr ? n : static_cast<std::size_t>(static_cast<const char*>(q) - d);
                line_ += static_cast<std::size_t>(std::count(d + i, d + j, '\n'));
                record_.insert(record_.end(), d + i, d + j);
                i = j;
                if (i < n) {
                    ++i;
                    state_ = State::quote_in_quoted;
                }
                break;
            }
            case State::quote_in_quoted: {
                const char c = d[i];
                if (c == '"') {  // "" inside quotes is one quote
                    record_.push_back('"');
                    state_ = State::quoted;
                    ++i;
                } else if (c == ',') {
                    ++i;
                    end_field();
                } else if (c == '\n' || c == '\r') {
                    ++i;
                    end_record();
                    newline();
                    state_ = c == '\r' ? State::after_cr : State::field_start;
                } else {
                    return broken(line_, "after the closing quote of this field comes " +
                                             shown_char(c) +
                                             "; a quoted field must end at its closing quote "
                                             "(write \"\" for a quote inside the field)");
                }
                break;
            }
        }
    }
    return {};
}

void CsvReader::end_field() {
    ends_.push_back(record_.size());
    state_ = State::field_start;
}

void CsvReader::newline() {
    ++line_;
    record_line_ = line_;
}

void CsvReader::emit(bool blank) {
    CsvRecord record;
    record.line = record_line_;
    record.index = index_++;
    record.blank = blank;
    record.fields = &views_;
    if (!on_record_(record)) stopped_ = true;
}

void CsvReader::end_record() {
    ends_.push_back(record_.size());
    views_.clear();
    std::size_t begin = 0;
    for (std::size_t end : ends_) {
        views_.emplace_back(record_.data() + begin, end - begin);
        begin = end;
    }
    emit(ends_.size() == 1 && record_.empty() && !record_quoted_);
    record_.clear();
    ends_.clear();
    record_quoted_ = false;
    state_ = State::field_start;
}

Result<void> CsvReader::finish() {
    if (error_) return tl::unexpected(*error_);
    if (stopped_) return {};
    if (!started_) {
        if (Result<void> ok = check_start(); !ok || stopped_) return ok;
    }
    switch (state_) {
        case State::quoted:
            return broken(quote_line_,
                          "the quote that opens this field is never closed (the file ends "
                          "inside it); check for a missing \" or a stray one");
        case State::quote_in_quoted:
        case State::unquoted:
            end_record();
            break;
        case State::field_start:
            if (!record_.empty() || !ends_.empty()) end_record();  // "a,b," ends in an empty field
            break;
        case State::after_cr:
            break;
    }
    return {};
}

std::string csv_place(std::size_t line, std::size_t column) {
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

std::optional<Error> ragged_row(std::string_view file, const CsvRecord& record,
                                std::size_t header_fields) {
    const std::size_t n = record.size();
    if (n == header_fields) return std::nullopt;
    if (n > header_fields) {
        return Error{std::string(file), csv_place(record.line, header_fields + 1),
                     "this row has " + std::to_string(n) + " fields but the header has " +
                         std::to_string(header_fields) +
                         " (is there an extra comma, or a value with a comma that needs quotes?)"};
    }
    return Error{std::string(file), csv_place(record.line, n + 1),
                 "this row has " + std::to_string(n) + " fields but the header has " +
                     std::to_string(header_fields) + " (a value or a comma is missing)"};
}

std::string quote_value(std::string_view value) {
    constexpr std::size_t limit = 40;
    std::string out = "\"";
    std::size_t shown = 0;
    std::size_t i = 0;
    while (i < value.size() && shown < limit) {
        const auto c = static_cast<unsigned char>(value[i]);
        std::size_t len = 1;
        if (c >= 0xC0 && c < 0xE0) len = 2;
        if (c >= 0xE0 && c < 0xF0) len = 3;
        if (c >= 0xF0 && c < 0xF8) len = 4;
        const std::string_view ch = value.substr(i, len);
        if (c < 0x20 || c == 0x7F || ch.size() < len || (c >= 0x80 && !is_valid_utf8(ch))) {
            out += '?';
            i += 1;
        } else {
            out.append(ch);
            i += len;
        }
        ++shown;
    }
    if (i < value.size()) out += "...";
    out += '"';
    return out;
}

}  // namespace eqkit
