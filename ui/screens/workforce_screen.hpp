#pragma once
// The canvas app's WRES/WDES section: choose the standard, give the CSV files (a path on the
// desktop, the browser's file chooser on the web) or a counts file, match their columns to ours,
// import them a slice per frame with a progress bar, read the import report, type the Staff
// Survey figures, then see the indicators (a table and charts) and export them. Every rule and
// figure comes from eqkit::workforce::WorkforceApi; this screen only draws and collects intent.
//
// Self-contained: the screen owns its state. Widgets queue WorkforceActions while drawing; they
// are applied after the screen has drawn (deferred, as App's commands are). Tests apply actions
// directly with act().
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "eqkit/registry.hpp"
#include "eqkit/workforce_api.hpp"
#include "look.hpp"
#include "platform.hpp"

namespace eqkit::ui {

// The purpose of a browser upload for this screen: "workforce:staff", "workforce:counts".
inline constexpr std::string_view workforce_upload_prefix = "workforce:";
inline constexpr std::string_view workforce_counts_role = "counts";
// The survey step's files: a Staff Survey CSV file and last year's counts file.
inline constexpr std::string_view workforce_survey_role = "survey";
inline constexpr std::string_view workforce_previous_role = "previous";

// Where the column mapping is kept for next year: in the browser beside the kept assessment
// (IndexedDB, where the accessible face keeps it too), on the desktop in the start folder.
[[nodiscard]] std::filesystem::path workforce_mapping_file(const Platform& platform);

enum class WorkforceStep { choose, files, mapping, importing, report, survey, results };

namespace wf_action {
struct Choose {
    std::string standard;
};
struct SetPath {  // desktop: the path typed for a role ("counts" for a counts file)
    std::string role;
    std::string path;
};
struct PickFile {  // browser: show the file chooser for a role
    std::string role;
};
struct ToMapping {};  // reads each file's header and proposes a mapping
struct UseCounts {};  // the counts file instead of CSV files
struct SetColumn {
    std::string role;
    std::string field;
    std::string heading;  // empty: not in this file
};
struct StartImport {};  // checks the mapping, saves it, starts reading
struct CancelImport {};
struct ImportSurvey {};  // the survey CSV file's figures into the form
struct UsePrevious {};   // last year's counts file, shown beside this year
struct SetYear {
    std::string text;
};
struct SetSurvey {
    std::string part;
    std::string column;
    std::string text;
};
struct Compute {};
struct Export {
    workforce::ExportFormat format;
};
struct Go {
    WorkforceStep step;
};
}  // namespace wf_action

using WorkforceAction =
    std::variant<wf_action::Choose, wf_action::SetPath, wf_action::PickFile, wf_action::ToMapping,
                 wf_action::UseCounts, wf_action::SetColumn, wf_action::StartImport,
                 wf_action::CancelImport, wf_action::ImportSurvey, wf_action::UsePrevious,
                 wf_action::SetYear, wf_action::SetSurvey, wf_action::Compute, wf_action::Export,
                 wf_action::Go>;

// A file given for a role: a path (desktop) or the bytes of an upload (browser).
struct WorkforceFile {
    std::string path;   // as typed (desktop)
    std::string name;   // shown and used in messages
    std::string bytes;  // browser uploads
    bool uploaded = false;
};

struct WorkforceScreenState {
    WorkforceStep step = WorkforceStep::choose;
    std::map<std::string, WorkforceFile> files;  // role -> file
    std::vector<workforce::MappingProposal> proposals;
    std::map<std::string, std::vector<workforce::FieldError>> mapping_errors;  // role -> errors
    std::map<std::string, std::map<std::string, std::string>> survey;  // part -> column -> typed
    std::vector<workforce::FieldError> survey_errors;
    std::string year;    // as typed: the label of the results
    ErrorList problems;  // shown at the top of the current step
    std::string status;  // one line: "Saved to …"
    std::string export_folder;
    bool mapping_loaded = false;
};

class WorkforceScreen {
  public:
    // Browser: shows the page's file chooser for a purpose ("workforce:staff"); the file comes
    // back through receive_file().
    using FileChooser = std::function<void(std::string_view purpose)>;
    // Hands the results (the accessible HTML report) to the evidence library: the standard's
    // framework id, the file's name and its bytes.
    using KeepAsEvidence =
        std::function<void(std::string_view framework, std::string name, std::string bytes)>;

    // mapping_file: where the column mapping is kept for next year (read when a standard is
    // first chosen, written when an import starts).
    WorkforceScreen(const Registry& registry, Platform& platform,
                    std::filesystem::path mapping_file, FileChooser choose_file);
    WorkforceScreen(const WorkforceScreen&) = delete;
    WorkforceScreen& operator=(const WorkforceScreen&) = delete;
    ~WorkforceScreen();

    // Draws the current step in a scrolling region `height` high (0: all that is left), then
    // applies what the user asked for, then reads the next slice of a running import (so call
    // it every frame while importing).
    void draw(const Look& look, float height = 0.0F);
    void act(const WorkforceAction& action);
    // Reads the next slice of the file being imported; returns false when nothing is running.
    bool step_import();
    // Reads slices for up to `seconds` (the browser calls it from a timer while its tab is
    // hidden and draws no frames); returns false once nothing is left to read.
    bool step_import_for(double seconds);
    // One step of the web build's warm-up, a step per frame once drawn
    // (WorkforceApi::warm_up_step).
    bool warm_up_step() { return api_->warm_up_step(); }
    // A browser upload; false when its purpose is not this screen's.
    bool receive_file(std::string_view purpose, std::string bytes, std::string name);

    // Offers "Add the results to the evidence library" on the results step.
    void set_keep_as_evidence(KeepAsEvidence keep) { keep_as_evidence_ = std::move(keep); }
    void keep_results_as_evidence();

    [[nodiscard]] const WorkforceScreenState& state() const { return st_; }
    // The screen's step, the import's progress and the core's state (WorkforceApi::state_json)
    // as into["workforce"], for the browser's test hooks.
    void state_json(nlohmann::json& into) const;
    [[nodiscard]] const workforce::WorkforceApi& api() const { return *api_; }
    // Fraction of the bytes read, 0 to 1, while importing.
    [[nodiscard]] float progress() const;

  private:
    void apply(const wf_action::Choose& a);
    void apply(const wf_action::SetPath& a);
    void apply(const wf_action::PickFile& a);
    void apply(const wf_action::ToMapping& a);
    void apply(const wf_action::UseCounts& a);
    void apply(const wf_action::SetColumn& a);
    void apply(const wf_action::StartImport& a);
    void apply(const wf_action::CancelImport& a);
    void apply(const wf_action::ImportSurvey& a);
    void apply(const wf_action::UsePrevious& a);
    void apply(const wf_action::SetYear& a);
    void apply(const wf_action::SetSurvey& a);
    void apply(const wf_action::Compute& a);
    void apply(const wf_action::Export& a);
    void apply(const wf_action::Go& a);

    void draw_choose(const Look& look);
    void draw_files(const Look& look);
    void draw_mapping(const Look& look);
    void draw_importing(const Look& look);
    void draw_report(const Look& look);
    void draw_survey(const Look& look);
    void draw_results(const Look& look);
    void draw_problems(const Look& look);

    [[nodiscard]] std::vector<const workforce::InputDef*> csv_inputs() const;
    [[nodiscard]] Result<std::string> head_of(const WorkforceFile& file) const;
    // The whole of a small file given for a role (a counts or survey file), or why not.
    [[nodiscard]] Result<std::string> whole_file(std::string_view role, const char* missing) const;
    void draw_file_row(const Look& look, const std::string& role, const std::string& title,
                       bool optional);
    void draw_survey_files(const Look& look);
    bool open_next_file();
    void finish_import(std::optional<Error> error);
    void fail(Error error) { st_.problems.push_back(std::move(error)); }
    // Gives the keyboard focus to the item just drawn when the step (or the section) has just
    // appeared; only the first call of such a frame acts.
    void focus_here();

    Platform* platform_;
    FileChooser choose_file_;
    KeepAsEvidence keep_as_evidence_;
    std::unique_ptr<workforce::WorkforceApi> api_;  // holds pointers into itself: never moved
    std::filesystem::path mapping_file_;
    WorkforceScreenState st_;
    std::vector<WorkforceAction> queue_;
    bool take_focus_ = true;
    WorkforceStep drawn_step_ = WorkforceStep::choose;
    int drawn_frame_ = -1;
    // The import under way: the files still to read, and the one being read.
    std::vector<std::string> pending_roles_;
    std::ifstream reading_;
    std::size_t offset_ = 0;  // into an uploaded file's bytes
    std::uint64_t total_bytes_ = 0;
    std::uint64_t done_bytes_ = 0;
};

}  // namespace eqkit::ui
