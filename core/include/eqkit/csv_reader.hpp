#pragma once
// RFC 4180 CSV, read as a stream: bytes go in by the chunk (a file read in pieces, or a browser
// upload a slice at a time) and each record comes out as soon as it ends. Memory stays at one
// record plus one chunk, so a national-scale export never sits in memory whole.
#include <array>
#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "eqkit/error.hpp"

namespace eqkit {

// One record, valid only during the call that receives it.
struct CsvRecord {
    std::size_t line = 0;   // the line it starts on, counting from 1 (the header is line 1)
    std::size_t index = 0;  // 0 for the first record (the header), then 1, 2, ...
    bool blank = false;     // an empty line: no characters at all, not even ""
    std::span<const std::string_view> fields;

    [[nodiscard]] std::size_t size() const { return fields.size(); }
    [[nodiscard]] std::string_view operator[](std::size_t i) const { return fields[i]; }
};

class CsvReader {
  public:
    // Return false to stop reading (a cancelled import, or a problem the caller cannot go past).
    using RecordHandler = std::function<bool(const CsvRecord&)>;

    // file names the input in messages, as the user knows it.
    CsvReader(std::string file, RecordHandler on_record);

    // Reads more bytes. A broken quote is an error with its line and column, and ends the
    // reading: later calls return the same error.
    [[nodiscard]] Result<void> feed(std::string_view bytes);
    // The input has ended: hands over a last record that has no line break after it, and
    // reports a quote that was never closed.
    [[nodiscard]] Result<void> finish();

    [[nodiscard]] bool stopped() const { return stopped_; }

  private:
    enum class State { field_start, unquoted, quoted, quote_in_quoted, after_cr };

    Result<void> consume(std::string_view bytes);
    std::size_t simple_line(const char* d, std::size_t n);
    // Hands over a record: the first fast_fields of fast_, or views_ when that is 0.
    void emit(bool blank, std::size_t fast_fields = 0);
    Result<void> check_start();
    void end_field();
    void end_record();
    void newline();
    Result<void> broken(std::size_t line, std::string reason);

    std::string file_;
    RecordHandler on_record_;
    State state_ = State::field_start;
    bool started_ = false;      // the first bytes were checked for a byte-order mark
    std::string prefix_;        // the first bytes, kept until there are enough to check
    std::vector<char> record_;  // the current record's fields, one after another (a vector:
                                // its appends inline, std::string's do not in the web build)
    std::vector<std::size_t> ends_;
    std::vector<std::string_view> views_;
    std::array<std::string_view, 64> fast_;  // a simple line's fields (simple_line)
    std::vector<char> unquoted_;  // its quoted fields that had "" inside, without the doubles
    bool record_quoted_ = false;
    std::size_t line_ = 1;         // the line the next byte is on
    std::size_t record_line_ = 1;  // the line the current record started on
    std::size_t quote_line_ = 1;   // the line the open quote is on
    std::size_t index_ = 0;
    bool stopped_ = false;
    std::optional<Error> error_;
};

// "line 7, column 3", the place of a field as a spreadsheet user finds it (columns count
// fields from 1, not characters).
[[nodiscard]] std::string csv_place(std::size_t line, std::size_t column);

// A record after the header whose number of fields differs from the header's: the error names
// the first column that is missing or extra. Nothing when the record is the right width.
[[nodiscard]] std::optional<Error> ragged_row(std::string_view file, const CsvRecord& record,
                                              std::size_t header_fields);

// A value from a file, quoted and shortened for a message; bytes that are not printable
// UTF-8 are shown as '?', so a message never carries broken text.
[[nodiscard]] std::string quote_value(std::string_view value);

}  // namespace eqkit
