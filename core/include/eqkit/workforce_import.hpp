#pragma once
// Row-level workforce files (staff, recruitment, disciplinary or capability, training, board,
// survey; docs/counts-format.md) turned into counts, streaming: a file is fed in chunks of any
// size, so a UI can read a large file a slice per frame, show progress and stay responsive, and
// the web build can feed an upload without holding it whole. No row is silently dropped: each
// is used, excluded (with the reason) or rejected (reported with its line and column).
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "eqkit/error.hpp"
#include "eqkit/workforce_counts.hpp"
#include "eqkit/workforce_definitions.hpp"
#include "eqkit/workforce_mapping.hpp"

namespace eqkit::workforce {

// What happened to the rows of one file.
struct FileReport {
    std::string role;
    std::string file;
    std::uint64_t rows = 0;  // data rows after the header; blank lines are counted apart
    std::uint64_t used = 0;
    std::map<std::string, std::uint64_t> excluded;  // reason -> rows, left out by the rules
    std::map<std::string, std::uint64_t> rejected;  // reason -> rows, left out as wrong
    std::uint64_t blank_lines = 0;
};

struct ImportReport {
    std::vector<FileReport> files;
    ErrorList problems;  // "file: line L, column C (heading): reason", the first max_problems
    std::uint64_t problem_count = 0;  // every problem, also those past max_problems
    std::vector<std::string> notes;   // things worth knowing that are not problems
};

struct ImportOptions {
    std::size_t max_problems = 1000;
};

// A staff row is rarely shorter: a staff file's size over this is room enough for its people.
constexpr std::size_t short_staff_row_bytes = 64;

// A field a file of some role is read for, as the import looks for it in the header.
struct FieldSpec {
    std::string name;  // our field name: "afc_band"
    bool required = false;
};
// The fields an input is read for, required ones first. Events files need person_id or the
// group field (either will do), so neither is marked required.
[[nodiscard]] std::vector<FieldSpec> input_fields(const Definitions& defs, const InputDef& input);

class Import {
  public:
    // mapping may be null: then each file's headings must be our field names.
    Import(const Definitions& defs, const ColumnMapping* mapping, ImportOptions options = {});
    Import(const Import&) = delete;
    Import& operator=(const Import&) = delete;
    Import(Import&&) noexcept;
    Import& operator=(Import&&) noexcept;
    ~Import();

    // Starts one file; role is an input of the definitions ("staff", "training"). The staff file
    // must come before files that name staff by person_id. size_hint, the file's size in bytes
    // when known, lets the import make room for the staff at once.
    [[nodiscard]] Result<void> begin(std::string_view role, std::string file,
                                     std::uint64_t size_hint = 0);
    // More bytes of the current file. Errors are what stops the file: a broken quote, a
    // missing column, an unreadable header. Problems with single rows are reported, not errors.
    [[nodiscard]] Result<void> feed(std::string_view bytes);
    [[nodiscard]] Result<void> end();

    void set_year(std::string year);
    [[nodiscard]] const ImportReport& report() const;
    // The counts so far (complete once every file has ended).
    [[nodiscard]] Counts counts() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Reading files from disk, with progress and cancellation, for the CLI and the native app.
struct InputFile {
    std::string role;
    std::filesystem::path path;
};

struct Progress {
    std::string_view role;
    std::string_view file;
    std::uint64_t done = 0;   // bytes read, over all files
    std::uint64_t total = 0;  // bytes in all files
};

// Return false to cancel the import.
using ProgressHandler = std::function<bool(const Progress&)>;

struct ImportOutcome {
    Counts counts;
    ImportReport report;
};

// Reads each file in turn (the staff file first) in chunks, calling progress between chunks.
[[nodiscard]] Result<ImportOutcome> import_files(const Definitions& defs,
                                                 const ColumnMapping* mapping,
                                                 std::vector<InputFile> files,
                                                 const ProgressHandler& progress = {},
                                                 ImportOptions options = {});

}  // namespace eqkit::workforce
