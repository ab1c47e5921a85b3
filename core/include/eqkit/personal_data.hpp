#pragma once
// The personal data guard: before a pack leaves the building, look for what should not be in
// it. Finds NHS numbers (10 digits, with or without spaces or hyphens in 3-3-4, whose check
// digit is right), dates of birth (a date shortly after "date of birth", "DOB", "born on" …)
// and email addresses, in notes, titles, descriptions, narratives and text-like evidence files.
// It can only warn: the user decides.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "eqkit/error.hpp"
#include "eqkit/workspace_folder.hpp"

namespace eqkit {

struct TextFinding {
    std::size_t line = 1;
    std::string what;  // "an NHS number (943 476 ….)", "an email address (…@example.org)"
    friend bool operator==(const TextFinding&, const TextFinding&) = default;
};

// Feeds text in chunks of any size, so a large file is scanned without being held in memory.
class PersonalDataScanner {
  public:
    void feed(std::string_view chunk);
    void finish();
    [[nodiscard]] const std::vector<TextFinding>& findings() const { return findings_; }

  private:
    void scan_segment(bool line_complete);

    std::string segment_;      // the current line (or its last part, when it is very long)
    std::size_t overlap_ = 0;  // bytes at the start of segment_ already scanned
    std::size_t line_ = 1;
    std::vector<TextFinding> findings_;
};

[[nodiscard]] std::vector<TextFinding> scan_text(std::string_view text);

// True when the 10 digits pass the NHS number check (modulus 11).
[[nodiscard]] bool is_valid_nhs_number(std::string_view ten_digits);

struct PersonalDataFinding {
    std::string where;  // "evidence ev3 (minutes.txt), line 14"
    std::string what;
};

// Everything in the workspace that would go into a pack. Errors only when a file cannot be read.
[[nodiscard]] Result<std::vector<PersonalDataFinding>> scan_workspace_for_personal_data(
    const WorkspaceFolder& workspace);

}  // namespace eqkit
