#include "eqkit/csv_reader.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#elif defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

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
    : file_(std::move(file)), on_record_(std::move(on_record)), unquoted_(4096) {}

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

namespace {

// The first of , " CR LF at or after p.
const char* scan_special(const char* p, const char* end) {
    while (p < end && !is_special(*p))
        ++p;
    return p;
}

// Where the , " CR and LF bytes of a block are, as bits: bit `bits * k + top` marks byte k.
struct Marks {
    std::uint64_t commas;
    std::uint64_t quotes;
    std::uint64_t crs;
    std::uint64_t newlines;
};

#if defined(__SSE2__) || defined(__wasm_simd128__)
// Sixteen bytes at a time: SSE2 natively (every x86-64 processor has it), WebAssembly SIMD in the
// web build (-msimd128).
struct VectorScan {
    static constexpr std::size_t width = 16;
    static constexpr unsigned bits = 1;
    static constexpr unsigned top = 0;
    static Marks marks(const char* p) {
#if defined(__SSE2__)
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        auto where = [&x](char c) {
            return static_cast<std::uint64_t>(
                static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(c)))));
        };
#else
        const v128_t x = wasm_v128_load(p);
        auto where = [&x](char c) {
            return static_cast<std::uint64_t>(
                wasm_i8x16_bitmask(wasm_i8x16_eq(x, wasm_i8x16_splat(c))));
        };
#endif
        return {where(','), where('"'), where('\r'), where('\n')};
    }
};
using LineScan = VectorScan;
#else
constexpr std::uint64_t ones = 0x0101010101010101ULL;
constexpr std::uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL;

// The top bit of each byte of x that equals the byte repeated in pattern, exactly.
std::uint64_t bytes_equal(std::uint64_t x, std::uint64_t pattern) {
    const std::uint64_t v = x ^ pattern;
    return ~(((v & low7) + low7) | v | low7);
}

// Eight bytes at a time in a 64-bit word: any little-endian machine without vector instructions.
struct WordScan {
    static constexpr std::size_t width = 8;
    static constexpr unsigned bits = 8;
    static constexpr unsigned top = 7;
    static Marks marks(const char* p) {
        std::uint64_t x = 0;
        std::memcpy(&x, p, 8);
        return {bytes_equal(x, ones * ','), bytes_equal(x, ones * '"'), bytes_equal(x, ones * '\r'),
                bytes_equal(x, ones * '\n')};
    }
};

using LineScan = WordScan;
#endif

// The byte the lowest mark of a non-zero mask stands for.
template <class Scan>
std::size_t byte_of(std::uint64_t mask) {
    return static_cast<std::size_t>(std::countr_zero(mask)) / Scan::bits;
}

// The first " CR or LF at or after p, a block at a time; end when there is none.
template <class Scan>
const char* find_quote_or_break(const char* p, const char* end) {
    for (; p + Scan::width <= end; p += Scan::width) {
        const Marks m = Scan::marks(p);
        const std::uint64_t found = m.quotes | m.crs | m.newlines;
        if (found != 0) return p + byte_of<Scan>(found);
    }
    while (p < end && *p != '"' && *p != '\r' && *p != '\n')
        ++p;
    return p;
}

}  // namespace

// Most lines are whole in the chunk and simple: unquoted fields, and quoted ones without a line
// break inside. Such a line is split where it lies, a block of bytes at
// a time (the positions of , " CR LF come out as bits, with no branch per character), into the
// reader's own array of fields. Returns the bytes used, 0 when the line is not of this kind or
// not whole in the chunk: then the general path reads it (and reports a broken quote).
std::size_t CsvReader::simple_line(const char* d, std::size_t n) {
    if constexpr (std::endian::native != std::endian::little) return 0;
    using Scan = LineScan;
    constexpr std::uint64_t last_byte = std::uint64_t{1}
                                        << ((Scan::width - 1) * Scan::bits + Scan::top);
    const char* const end = d + n;
    std::string_view* const out = fast_.data();
    std::size_t count = 0;  // locals, not members: they stay in registers
    std::size_t unquoted_used = 0;
    const char* field = d;
    std::size_t at = 0;
    while (at + Scan::width <= n) {
        Marks m = Scan::marks(d + at);
        const std::uint64_t first_nl = m.newlines & (~m.newlines + 1);  // 0 when none
        const std::uint64_t before = first_nl == 0 ? ~std::uint64_t{0} : first_nl - 1;
        m.commas &= before;
        m.crs &= before;
        m.quotes &= before;
        // A CR is fine just before the LF: in this block, or as its last byte, the LF next.
        if (first_nl != 0) m.crs &= ~(first_nl >> Scan::bits);
        if (first_nl == 0 && m.crs == last_byte && at + Scan::width < n &&
            d[at + Scan::width] == '\n') {
            m.crs = 0;
        }
        if (m.crs != 0) return 0;
        const std::uint64_t first_quote = m.quotes & (~m.quotes + 1);
        if (first_quote != 0) m.commas &= first_quote - 1;  // the commas before the quote
        for (; m.commas != 0; m.commas &= m.commas - 1) {
            if (count + 1 >= fast_.size()) return 0;
            const char* comma = d + at + byte_of<Scan>(m.commas);
            out[count++] = std::string_view(field, static_cast<std::size_t>(comma - field));
            field = comma + 1;
        }
        if (first_quote != 0) {
            // A quoted field: it must start the field and end at a , or the line's end.
            const char* open = d + at + byte_of<Scan>(first_quote);
            if (open != field || count + 1 >= fast_.size()) return 0;
            const char* close = open + 1;  // the closing quote: the first not doubled
            bool doubled = false;
            for (;;) {
                close = find_quote_or_break<Scan>(close, end);
                // A line break inside (lines are counted by the general path), or no end here.
                if (close == end || *close != '"' || close + 2 >= end) return 0;
                if (close[1] != '"') break;
                doubled = true;
                close += 2;
            }
            const auto inside = static_cast<std::size_t>(close - open - 1);
            if (doubled) {
                // "" is one quote: the field is copied without the doubles, into unquoted_.
                if (unquoted_used + inside > unquoted_.size()) return 0;
                char* to = unquoted_.data() + unquoted_used;
                std::size_t length = 0;
                for (const char* p = open + 1; p < close; ++p) {
                    to[length++] = *p;
                    if (*p == '"') ++p;
                }
                out[count++] = std::string_view(to, length);
                unquoted_used += length;
            } else {
                out[count++] = std::string_view(open + 1, inside);
            }
            const char* next = close + 1;
            if (*next == ',') {
                field = next + 1;
                at = static_cast<std::size_t>(field - d);
                continue;
            }
            if (*next == '\r' && next[1] == '\n') ++next;
            if (*next != '\n') return 0;  // "" or text after the closing quote: the general path
            emit(false, count);
            newline();
            return static_cast<std::size_t>(next + 1 - d);
        }
        if (first_nl == 0) {
            at += Scan::width;
            continue;
        }
        const char* nl = d + at + byte_of<Scan>(first_nl);
        const char* line_end = nl > field && nl[-1] == '\r' ? nl - 1 : nl;
        const bool blank = count == 0 && line_end == d;
        out[count++] = std::string_view(field, static_cast<std::size_t>(line_end - field));
        emit(blank, count);
        newline();
        return static_cast<std::size_t>(nl + 1 - d);
    }
    return 0;
}

Result<void> CsvReader::consume(std::string_view bytes) {
    const char* d = bytes.data();
    const std::size_t n = bytes.size();
    std::size_t i = 0;
    while (i < n && !stopped_) {
        if (state_ == State::field_start && ends_.empty() && record_.empty()) {
            if (const std::size_t used = simple_line(d + i, n - i); used > 0) {
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
                const auto j = static_cast<std::size_t>(scan_special(d + i, d + n) - d);
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

void CsvReader::emit(bool blank, std::size_t fast_fields) {
    CsvRecord record;
    record.line = record_line_;
    record.index = index_++;
    record.blank = blank;
    record.fields = fast_fields > 0 ? std::span<const std::string_view>(fast_.data(), fast_fields)
                                    : std::span<const std::string_view>(views_);
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
