#pragma once
// WRES and WDES for the faces: a JSON-in, JSON-out session over the workforce engine, in the
// style of eqkit::JsonApi, so the canvas app, the accessible HTML face and tests all call the
// same functions and no rule lives in JavaScript or in a screen. One session holds one standard
// (WRES or WDES, a parameter), its column mapping, an incremental import of CSV files (begin,
// feed chunk, end, so a face can show progress and stay responsive), the survey figures entered
// by hand, and the computed results with their exports (the same ones the CLI writes).
//
// Every method that changes something answers {"ok":true,...} or {"ok":false,"error":{...}} or
// {"ok":false,"errors":[...]}; an error is {"file","place","reason","message"}, and a form
// error also names its "field".
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eqkit/registry.hpp"
#include "eqkit/workforce_counts.hpp"
#include "eqkit/workforce_definitions.hpp"
#include "eqkit/workforce_import.hpp"
#include "eqkit/workforce_indicators.hpp"
#include "eqkit/workforce_mapping.hpp"
#include "eqkit/workforce_report.hpp"
#include "eqkit/workforce_warm_up.hpp"

namespace eqkit::workforce {

// A standard a face can offer: a framework naming a workforce hook, with its indicators file.
struct Standard {
    std::string id;  // "wres"
    const Framework* framework = nullptr;
    Definitions defs;
};

// One column of a file, as proposed for the mapping step.
struct ColumnChoice {
    std::string field;  // ours: "afc_band"
    std::string label;  // "Agenda for Change pay band"
    bool required = false;
    std::string heading;  // theirs, or empty when no heading matched
};

struct MappingProposal {
    std::string role;
    std::vector<std::string> headings;  // the file's, in order
    std::vector<ColumnChoice> columns;
    std::vector<std::string> unmatched;  // headings no field took (ignored when importing)
};

// A problem with a form field: "afc_band", "5/white".
struct FieldError {
    std::string field;
    std::string message;
};

// counts: this year's counts as a counts file, to be given next year as last year's (the
// CLI's --save-counts); unsuppressed, for the organisation's own use.
enum class ExportFormat { csv, json, html, counts };

// An indicator's flag ("small_numbers", docs/indicators-format.md) in words, as faces show it.
[[nodiscard]] std::string flag_text(std::string_view flag);
// A ratio's 95% interval in words: "0.96 to 2.34", or why it is not shown.
[[nodiscard]] std::string interval_text(const IndicatorResult& r, const Likelihood& l);
// A section of indicator 1's rows ("clinical") as its label ("Clinical"); "" when unknown.
[[nodiscard]] std::string section_label(const Definitions& defs, std::string_view key);

// Where an import is: the file being read, and the files already read.
struct ImportProgress {
    std::string role;  // empty between files
    std::string file;
    std::uint64_t done = 0;
    std::uint64_t total = 0;
    std::vector<std::string> finished;  // roles read to the end
};

class WorkforceApi {
  public:
    // Offers every framework of the registry that names a workforce hook and has an indicators
    // file beside it. Definitions that fail to load are kept as problems (standards_json()).
    explicit WorkforceApi(const Registry& registry);
    WorkforceApi(const WorkforceApi&) = delete;
    WorkforceApi& operator=(const WorkforceApi&) = delete;
    WorkforceApi(WorkforceApi&&) = delete;  // the import points at the mapping member
    WorkforceApi& operator=(WorkforceApi&&) = delete;
    ~WorkforceApi();

    // ---- typed, for the canvas screens ---------------------------------------------------
    [[nodiscard]] const std::vector<Standard>& standards() const { return standards_; }
    [[nodiscard]] const Standard* standard() const;
    [[nodiscard]] const ColumnMapping& mapping() const { return mapping_; }
    [[nodiscard]] const ImportProgress& progress() const { return progress_; }
    [[nodiscard]] bool importing() const { return !progress_.role.empty(); }
    [[nodiscard]] const ImportReport* import_report() const;
    [[nodiscard]] const Results* results() const { return results_ ? &*results_ : nullptr; }
    [[nodiscard]] bool has_counts() const;
    // The fields of an input, with labels (no headings).
    [[nodiscard]] std::vector<ColumnChoice> fields(std::string_view role) const;

    [[nodiscard]] Result<void> choose(std::string_view standard_id);
    // Reads the header from the first bytes of a file and proposes a heading for each field:
    // the one this mapping already names, else a heading with the field's own name.
    [[nodiscard]] Result<MappingProposal> propose(std::string_view role,
                                                  std::string_view first_bytes,
                                                  std::string_view file);
    // Checks the chosen headings (field -> heading; empty for none) against the headings last
    // proposed for the role, and keeps them in the mapping.
    [[nodiscard]] std::vector<FieldError> set_columns(
        std::string_view role, const std::map<std::string, std::string>& columns);
    [[nodiscard]] ErrorList open_mapping(std::string_view json, std::string_view label);
    [[nodiscard]] Result<void> save_mapping(const std::filesystem::path& file) const;

    [[nodiscard]] Result<void> begin(std::string_view role, std::string file, std::uint64_t size);
    [[nodiscard]] Result<void> feed(std::string_view bytes);
    [[nodiscard]] Result<void> end();
    void restart_import();  // forgets every file read, and counts opened
    // One step of a made-up import (eqkit/workforce_warm_up.hpp), which the web faces run once the
    // page is usable so that the browser has optimised the import before the user's first file.
    // Returns false once it is done; does nothing while a real import is under way (that warms the
    // same code). Never touches this session's files, mapping or results.
    bool warm_up_step();
    // Reads a whole file from disk, for tests and the CLI-like paths; stops at the first error.
    [[nodiscard]] Result<void> import_file(std::string_view role,
                                           const std::filesystem::path& path);

    // Counts files: this year's (instead of CSV files) and last year's (shown beside).
    [[nodiscard]] ErrorList open_counts(std::string_view json, std::string_view label);
    [[nodiscard]] ErrorList open_previous(std::string_view json, std::string_view label);
    [[nodiscard]] bool has_previous() const { return previous_.has_value(); }
    // "the counts file wres-counts.json (2023-24)", or "" when last year's counts are not given.
    [[nodiscard]] std::string previous_text() const;
    // A Staff Survey CSV file (indicator, group, percentage; docs/workforce-inputs.md): its
    // figures replace those of the same parts. Returns the rows it could not use.
    [[nodiscard]] ErrorList open_survey_csv(std::string_view csv, std::string_view label);
    // The survey figures as the entry form shows them ("25.1"), part -> column -> text.
    [[nodiscard]] std::map<std::string, std::map<std::string, std::string>> survey_drafts() const;
    // The year the results are labelled with: as last given to compute(), else the counts'.
    [[nodiscard]] std::string year() const;
    // Staff Survey figures as typed: part code -> column key -> text ("25.1", "25.1%", "").
    [[nodiscard]] std::vector<FieldError> set_survey(
        const std::map<std::string, std::map<std::string, std::string>>& typed);
    [[nodiscard]] const std::map<std::string, SurveyFigure, std::less<>>& survey() const {
        return survey_;
    }
    // Computes from what was given; fails only when nothing was given.
    [[nodiscard]] Result<void> compute(std::int64_t suppress_below = 10, std::string year = {});
    [[nodiscard]] std::string export_text(ExportFormat format) const;
    [[nodiscard]] std::string export_name(ExportFormat format) const;

    // ---- JSON, for the web build and tests ----------------------------------------------
    // {"standards":[{id,title,short_title,characteristic,groups,inputs:[{role,title,kind,
    //   optional,fields:[{field,label,required}]}],survey:[{code,title,unit,columns}]}],
    //  "problems":[messages]}
    [[nodiscard]] std::string standards_json() const;
    // {"standard":id|null,"mapping":{…},"import":{role,file,done,total,finished},
    //  "counts":bool,"counts_file":label|null,"previous":bool,"previous_text":"…","year":"…",
    //  "survey":{part:{column:number}},"survey_text":{part:{column:"25.1"}},"computed":bool}
    [[nodiscard]] std::string state_json() const;
    [[nodiscard]] std::string choose_json(std::string_view standard_id);
    // {"ok":true,"role","headings":[…],"columns":[{field,label,required,heading|null}],
    //  "unmatched":[…],"errors":[{field,message}]} (errors: required fields with no heading)
    [[nodiscard]] std::string propose_json(std::string_view role, std::string_view first_bytes,
                                           std::string_view file);
    // columns_json: {"field":"heading", …}; {"ok":bool,"errors":[{field,message}]}
    [[nodiscard]] std::string set_columns_json(std::string_view role,
                                               std::string_view columns_json);
    [[nodiscard]] std::string mapping_json() const;
    [[nodiscard]] std::string open_mapping_json(std::string_view json, std::string_view label);
    [[nodiscard]] std::string open_mapping_file_json(const std::filesystem::path& file);
    [[nodiscard]] std::string save_mapping_json(const std::filesystem::path& file) const;
    [[nodiscard]] std::string begin_json(std::string_view role, std::string file,
                                         std::uint64_t size);
    // {"ok":true,"done":bytes,"total":bytes,"percent":0-100}
    [[nodiscard]] std::string feed_json(std::string_view bytes);
    [[nodiscard]] std::string end_json();
    [[nodiscard]] std::string restart_json();
    // {"files":[{role,file,rows,used,excluded:{why:n},rejected:{why:n},blank_lines}],
    //  "problems":[error…],"problem_count":n,"notes":[…]}: the user's own view, rows quoted.
    [[nodiscard]] std::string report_json() const;
    [[nodiscard]] std::string open_counts_json(std::string_view json, std::string_view label);
    [[nodiscard]] std::string open_previous_json(std::string_view json, std::string_view label);
    // {"ok":bool,"errors":[error…],"survey":{part:{column:"25.1"}}}
    [[nodiscard]] std::string open_survey_csv_json(std::string_view csv, std::string_view label);
    // typed_json: {"5":{"white":"25.1","bme":"28"}, …}
    [[nodiscard]] std::string set_survey_json(std::string_view typed_json);
    // options_json: {"suppress_below":10,"year":"2024-25"} (both optional)
    [[nodiscard]] std::string compute_json(std::string_view options_json);
    // The results export (eqkit-workforce-results/1) with a "display" object per indicator:
    // the figures in words, as every face shows them. {"computed":false} before compute.
    [[nodiscard]] std::string results_json() const;
    // format: "csv", "json", "html" or "counts": {"ok":true,"name","mime","text"} or an error.
    [[nodiscard]] std::string export_json(std::string_view format) const;

  private:
    [[nodiscard]] Counts current_counts() const;
    [[nodiscard]] OutputContext context() const;
    void forget_results();

    std::vector<Standard> standards_;
    ErrorList problems_;
    std::optional<std::size_t> chosen_;
    ColumnMapping mapping_;
    std::map<std::string, std::vector<std::string>, std::less<>> headings_;  // role -> last seen
    std::optional<Import> import_;
    ImportProgress progress_;
    std::optional<Counts> counts_;  // from a counts file
    std::string counts_label_;
    ErrorList counts_problems_;
    std::optional<Counts> previous_;
    std::string previous_label_;
    std::string year_;  // as given to compute()
    std::map<std::string, SurveyFigure, std::less<>> survey_;
    std::optional<Results> results_;
    std::optional<Counts> computed_from_;  // the counts results_ rest on
    std::optional<WarmUp> warm_up_;
    bool warmed_up_ = false;
};

}  // namespace eqkit::workforce
