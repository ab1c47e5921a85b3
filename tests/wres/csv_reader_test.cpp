// The RFC 4180 reader: quoting, line endings, byte-order marks, broken input with its line and
// column, and the same records whatever size of chunk the bytes arrive in.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "eqkit/csv_reader.hpp"

using namespace eqkit;

namespace {

struct Parsed {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::size_t> lines;
    std::vector<bool> blank;
    std::optional<Error> error;
};

// Feeds the text in chunks of the given size, as a file read or an upload would arrive.
Parsed parse(std::string_view text, std::size_t chunk = std::string_view::npos) {
    Parsed out;
    CsvReader reader("people.csv", [&out](const CsvRecord& r) {
        out.rows.emplace_back(r.fields.begin(), r.fields.end());
        out.lines.push_back(r.line);
        out.blank.push_back(r.blank);
        return true;
    });
    for (std::size_t at = 0; at < text.size() && !out.error; at += chunk) {
        if (Result<void> ok = reader.feed(text.substr(at, chunk)); !ok) out.error = ok.error();
    }
    if (!out.error) {
        if (Result<void> ok = reader.finish(); !ok) out.error = ok.error();
    }
    return out;
}

// Parses the text whole (the fast path splits every simple line) and a byte at a time (the
// general path reads every line): both must give the same records, on the same lines. Returns
// the whole parse.
Parsed parse_both_ways(std::string_view text) {
    Parsed whole = parse(text);
    const Parsed bytes = parse(text, 1);
    REQUIRE_FALSE(whole.error);
    CHECK(whole.rows == bytes.rows);
    CHECK(whole.lines == bytes.lines);
    CHECK(whole.blank == bytes.blank);
    return whole;
}

using Rows = std::vector<std::vector<std::string>>;

}  // namespace

TEST_CASE("csv reader: plain rows, with and without a line break at the end") {
    const Parsed p = parse("a,b,c\n1,2,3\n4,5,6");
    CHECK(p.rows == Rows{{"a", "b", "c"}, {"1", "2", "3"}, {"4", "5", "6"}});
    CHECK(p.lines == std::vector<std::size_t>{1, 2, 3});
    CHECK(parse("a,b\n1,2\n").rows == Rows{{"a", "b"}, {"1", "2"}});
}

TEST_CASE("csv reader: CRLF and lone CR line endings read as LF") {
    const Parsed crlf = parse("a,b\r\n1,2\r\n3,4\r\n");
    CHECK(crlf.rows == Rows{{"a", "b"}, {"1", "2"}, {"3", "4"}});
    CHECK(crlf.lines == std::vector<std::size_t>{1, 2, 3});
    CHECK(parse("a,b\r1,2\r").rows == Rows{{"a", "b"}, {"1", "2"}});
}

TEST_CASE("csv reader: quoted fields keep commas, doubled quotes and line breaks") {
    const Parsed p = parse(
        "id,group,note\r\n"
        "1,\"Allied Health Professionals, Scientific\",\"she said \"\"no\"\"\"\r\n"
        "2,\"two\r\nlines\",\"\"\r\n"
        "3,x,y\r\n");
    CHECK(p.rows == Rows{{"id", "group", "note"},
                         {"1", "Allied Health Professionals, Scientific", "she said \"no\""},
                         {"2", "two\r\nlines", ""},
                         {"3", "x", "y"}});
    // The record after a quoted line break starts on line 5, as a text editor shows it.
    CHECK(p.lines == std::vector<std::size_t>{1, 2, 3, 5});
}

TEST_CASE("csv reader: empty fields and a trailing comma") {
    CHECK(parse("a,,c\n,,\n1,2,\n").rows == Rows{{"a", "", "c"}, {"", "", ""}, {"1", "2", ""}});
}

TEST_CASE("csv reader: a UTF-8 byte-order mark is dropped, however the bytes arrive") {
    const std::string text = "\xEF\xBB\xBFperson_id,band\n7,5\n";
    for (std::size_t chunk : {std::size_t{1}, std::size_t{2}, std::size_t{4}, text.size()}) {
        CAPTURE(chunk);
        CHECK(parse(text, chunk).rows == Rows{{"person_id", "band"}, {"7", "5"}});
    }
    CHECK(parse("\xEF\xBB").rows == Rows{{"\xEF\xBB"}});  // too short to be a mark
}

TEST_CASE("csv reader: UTF-16 is refused in words") {
    const Parsed p =
        parse(std::string("\xFF\xFE"
                          "a\0,\0",
                          6));
    REQUIRE(p.error);
    CHECK(p.error->message() ==
          "people.csv: line 1: this file is saved as UTF-16 (\"Unicode text\"); save it again as "
          "\"CSV UTF-8\"");
}

TEST_CASE("csv reader: every chunk size gives the same records") {
    const std::string text =
        "\xEF\xBB\xBFid,\"quoted, field\",x\r\n1,\"a \"\"b\"\" "
        "c\",\r\n\r\n2,\"multi\nline\",z\n3,,";
    const Parsed whole = parse(text);
    REQUIRE_FALSE(whole.error);
    for (std::size_t chunk = 1; chunk <= text.size(); ++chunk) {
        CAPTURE(chunk);
        const Parsed p = parse(text, chunk);
        CHECK(p.rows == whole.rows);
        CHECK(p.lines == whole.lines);
    }
}

TEST_CASE("csv reader: the fast path for whole lines agrees with the general one") {
    // Whole lines (fed at once) are split eight bytes at a time; lines fed a byte at a time
    // never are. Line ends fall at every offset within an eight-byte word, CRLF and LF, with
    // a CR or a quote that sends a line to the general path here and there.
    std::string text = "id,a,b\r\n";
    for (int i = 0; i < 40; ++i) {
        text += std::to_string(i) + "," + std::string(static_cast<std::size_t>(i % 11), 'x') + ",-";
        text += i % 7 == 3 ? ",\"q,\"" : "";
        text += i % 5 == 0 ? "\r\n" : i % 13 == 4 ? "\r" : "\n";
        if (i % 9 == 8) text += "\n";  // a blank line
    }
    const Parsed whole = parse_both_ways(text);
    CHECK(whole.rows.size() == 44);  // 1 + 40 + 4 blank lines, one of them joined to a lone CR
}

TEST_CASE(
    "csv reader: quoted fields on the fast path, doubled quotes and all, agree with the "
    "general path") {
    // Whole lines are split a block at a time, quoted fields included (a "" inside is copied out
    // as one quote); a byte at a time, every line takes the general path.
    std::string text = "id,group,note,flag\n";
    const std::string long_doubled = "\"" + std::string(5000, 'a') + "\"\"b\"";  // over 4 KiB
    for (int i = 0; i < 60; ++i) {
        const std::string pad(static_cast<std::size_t>(i % 17), 'x');
        text += "P" + std::to_string(i) + ",";
        switch (i % 6) {
            case 0:
                text += "\"Additional Clinical Services, \"\"Support\"\"\"";
                break;
            case 1:
                text += "\"\"";
                break;  // empty, quoted
            case 2:
                text += "\"" + pad + "\"\"\"";
                break;  // ends in a quote
            case 3:
                text += "\"\"\"" + pad + ",\"";
                break;  // starts with one
            case 4:
                text += i == 4 ? long_doubled : "plain" + pad;
                break;
            default:
                text += "\"" + pad + "\"";
                break;
        }
        text += "," + pad + (i % 4 == 0 ? ",\"Y\"" : ",N") + (i % 3 == 0 ? "\r\n" : "\n");
    }
    const Parsed whole = parse_both_ways(text);
    REQUIRE(whole.rows.size() == 61);
    CHECK(whole.rows[1][1] == "Additional Clinical Services, \"Support\"");
    CHECK(whole.rows[2][1].empty());
    CHECK(whole.rows[5][1] == std::string(5000, 'a') + "\"b");
    CHECK(whole.rows[1][3] == "Y");
}

TEST_CASE("csv reader: a line break inside a quoted field, at any offset, leaves the fast path") {
    // The fast path looks for a quoted field's end a block of bytes at a time and hands the line
    // to the general path when a CR or LF comes first: the lines counted must not change.
    std::string text = "id,note,flag\n";
    for (std::size_t at = 0; at < 40; ++at) {
        const std::string before(at, 'a');
        const char* brk = at % 3 == 0 ? "\r\n" : at % 3 == 1 ? "\n" : "\r";
        text += "P" + std::to_string(at) + ",\"" + before + brk + "b\"\"c" + before + "\",Y\n";
        text += "Q" + std::to_string(at) + ",\"" + before + "\"\"" + before + "\",N\n";
    }
    const Parsed whole = parse_both_ways(text);
    REQUIRE(whole.rows.size() == 81);
    CHECK(whole.rows[1][1] == "\r\nb\"c");  // kept as written
    CHECK(whole.rows[4][1] == "a\"a");
    CHECK(whole.rows[5][1] == "aa\rb\"caa");
    // Each P row takes two lines, except the 13 with a lone CR inside (kept as text).
    CHECK(whole.lines.back() == 1 + 40 * 3 - 13);
}

TEST_CASE("csv reader: an empty line is a blank record, a quoted empty field is not") {
    const Parsed p = parse("a,b\n\n\"\"\n1,2\n");
    CHECK(p.blank == std::vector<bool>{false, true, false, false});
    CHECK(p.lines == std::vector<std::size_t>{1, 2, 3, 4});
}

TEST_CASE("csv reader: an empty file has no records") {
    const Parsed p = parse("");
    CHECK(p.rows.empty());
    CHECK_FALSE(p.error);
}

TEST_CASE("csv reader: a quote inside an unquoted field is an error with its line and column") {
    const Parsed p = parse("a,b,c\n1,2,3\n4,5\"x,6\n7,8,9\n");
    REQUIRE(p.error);
    CHECK(p.error->file == "people.csv");
    CHECK(p.error->place == "line 3, column 2");
    CHECK(p.error->reason ==
          "a quote (\") appears inside a field that does not start with one; put the whole field "
          "in quotes and write each quote inside it twice (\"\")");
    CHECK(p.rows.size() == 2);  // the rows before it were read
}

TEST_CASE("csv reader: text after a closing quote is an error with its line and column") {
    const Parsed p = parse("a,b\n\"ok\",\"bad\"x\n");
    REQUIRE(p.error);
    CHECK(p.error->place == "line 2, column 2");
    CHECK(p.error->reason ==
          "after the closing quote of this field comes \"x\"; a quoted field must end at its "
          "closing quote (write \"\" for a quote inside the field)");
}

TEST_CASE("csv reader: a quote never closed is reported where it opened") {
    const Parsed p = parse("a,b,c\n1,2,3\n4,\"five\n6,7,8\n9,10,11\n", 3);
    REQUIRE(p.error);
    CHECK(p.error->message() ==
          "people.csv: line 3, column 2: the quote that opens this field is never closed (the "
          "file ends inside it); check for a missing \" or a stray one");
}

TEST_CASE("csv reader: after an error, feeding more returns the same error") {
    CsvReader reader("x.csv", [](const CsvRecord&) { return true; });
    REQUIRE_FALSE(reader.feed("a\"b\n").has_value());
    const Result<void> again = reader.feed("more\n");
    REQUIRE_FALSE(again.has_value());
    CHECK(again.error().place == "line 1, column 1");
    CHECK_FALSE(reader.finish().has_value());
}

TEST_CASE("csv reader: the handler can stop the reading") {
    int seen = 0;
    CsvReader reader("x.csv", [&seen](const CsvRecord&) { return ++seen < 2; });
    CHECK(reader.feed("a\nb\nc\nd\n").has_value());
    CHECK(reader.stopped());
    CHECK(seen == 2);
}

TEST_CASE("csv reader: ragged rows name the first missing or extra column") {
    std::vector<std::optional<Error>> found;
    CsvReader reader("staff.csv", [&found](const CsvRecord& r) {
        if (r.index > 0) found.push_back(ragged_row("staff.csv", r, 3));
        return true;
    });
    REQUIRE(reader.feed("a,b,c\n1,2,3\n1,2\n1,2,3,4,5\n").has_value());
    REQUIRE(reader.finish().has_value());
    REQUIRE(found.size() == 3);
    CHECK_FALSE(found[0]);
    REQUIRE(found[1]);
    CHECK(found[1]->message() ==
          "staff.csv: line 3, column 3: this row has 2 fields but the header has 3 (a value or a "
          "comma is missing)");
    REQUIRE(found[2]);
    CHECK(found[2]->message() ==
          "staff.csv: line 4, column 4: this row has 5 fields but the header has 3 (is there an "
          "extra comma, or a value with a comma that needs quotes?)");
}

TEST_CASE("csv reader: values in messages are quoted, shortened and never broken text") {
    CHECK(quote_value("8e") == "\"8e\"");
    CHECK(quote_value("tab\there") == "\"tab?here\"");
    CHECK(quote_value("caf\xC3\xA9") == "\"caf\xC3\xA9\"");
    CHECK(quote_value("bad\xFF") == "\"bad?\"");
    CHECK(quote_value(std::string(50, 'x')) == "\"" + std::string(40, 'x') + "...\"");
}
