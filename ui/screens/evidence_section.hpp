#pragma once
// The evidence library section: the workspace folder's evidence (add a file, a link or a note,
// edit it, attach it to items, filter to expired or unattached evidence) and evidence packs
// (export after the personal-data check, verify, import), with a progress bar while a pack is
// written or read. Its actions are queued while drawing and applied after the frame, like the
// App's commands; the rules (dates, statuses, what is expired) are the core's.
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "eqkit/pack.hpp"
#include "eqkit/personal_data.hpp"
#include "eqkit/workspace.hpp"
#include "eqkit/workspace_folder.hpp"
#include "jobs/stepped_job.hpp"
#include "look.hpp"
#include "platform.hpp"
#include "screens/coverage_panel.hpp"
#include "screens/evidence_line.hpp"

namespace eqkit::ui {

inline constexpr std::string_view upload_evidence = "evidence";
inline constexpr std::string_view upload_pack = "pack";
// The name a pack is downloaded under in the browser, and suggested under on the desktop.
inline constexpr std::string_view pack_download_name = "evidence-pack.zip";

enum class EvidenceFilter { all, expired, unattached };

// What the add and edit forms hold while the user types.
struct EvidenceForm {
    EvidenceKind kind = EvidenceKind::note;
    std::string editing;  // evidence id when editing, "" when adding
    std::string source;   // desktop: the file's path; browser: the uploaded file's name
    std::string url;
    std::string note;
    EvidenceDetails details;
};

class EvidenceSection {
  public:
    EvidenceSection(const Registry& registry, Platform& platform);

    // Opens the platform's library folder, making it on first use. Problems go to `problems`.
    void open_library(ErrorList& problems);
    [[nodiscard]] bool is_open() const { return library_.has_value(); }
    [[nodiscard]] const WorkspaceFolder* library() const { return library_ ? &*library_ : nullptr; }
    // For the Actions section, which starts next year's assessments in it.
    [[nodiscard]] WorkspaceFolder* edit_library() { return library_ ? &*library_ : nullptr; }
    [[nodiscard]] const CoveragePanelState& coverage_state() const { return coverage_; }

    // Draws the section, then applies what the user did. `open` is the assessment being edited,
    // which a pack includes.
    void draw(const Workspace& open, const Look& look, float height, ErrorList& problems);
    // A file from the browser's file chooser (purpose upload_evidence or upload_pack).
    void receive_file(std::string_view purpose, std::string bytes, std::string name,
                      ErrorList& problems);
    // The evidence attached to an item ("eds2022:1A"), for the item panel.
    [[nodiscard]] std::vector<EvidenceLine> lines_for(std::string_view item_ref) const;
    // That, and the items the crosswalk links to it with the evidence given there only.
    [[nodiscard]] ItemContext context_for(std::string_view framework, std::string_view code) const;

    // What the screen's buttons do, also called by tests. Each reports into `problems`.
    [[nodiscard]] bool save_form(ErrorList& problems);
    void attach(std::string_view evidence_id, std::string_view item_ref, ErrorList& problems);
    void detach(std::string_view evidence_id, std::string_view item_ref, ErrorList& problems);
    // Stores `open` in the library, checks for personal data, and (when nothing is found or the
    // user already said to go on) starts writing the pack.
    void export_pack(const Workspace& open, ErrorList& problems);
    void verify_pack(const std::filesystem::path& pack);
    void import_pack(const std::filesystem::path& pack, ErrorList& problems);
    // Call once a frame, whichever section is shown: moves a running pack job on by a frame's
    // share of work, and takes its results once it has ended.
    void update(ErrorList& problems);
    // How long update() may work each frame (it always does at least one step of about 1 MiB).
    void set_frame_budget(std::chrono::steady_clock::duration budget) { frame_budget_ = budget; }
    [[nodiscard]] float job_fraction() const { return job_.fraction(); }

    void start_add(EvidenceKind kind);
    // The add-a-file form for a document the app made (say, WRES results), filled in with its
    // title and the items it supports; the user adds who they are and saves.
    void start_add_document(std::string name, std::string bytes, std::string title,
                            std::vector<std::string> supports);
    void start_edit(std::string_view evidence_id);
    [[nodiscard]] EvidenceForm* form() { return form_ ? &*form_ : nullptr; }
    [[nodiscard]] const ErrorList& form_errors() const { return form_errors_; }
    void set_filter(EvidenceFilter filter) { filter_ = filter; }
    void set_export_path(std::string path) { export_path_ = std::move(path); }
    void set_go_on_despite_findings(bool go_on) { go_on_despite_findings_ = go_on; }
    [[nodiscard]] bool busy() const { return job_.running(); }
    [[nodiscard]] const std::vector<PersonalDataFinding>& findings() const { return findings_; }
    [[nodiscard]] const std::string& outcome() const { return outcome_; }
    [[nodiscard]] const std::optional<VerifyResult>& verified() const { return verified_; }
    // Visible evidence ids under the current filter, in library order.
    [[nodiscard]] std::vector<std::string> visible_ids() const;
    void state_json(nlohmann::json& into) const;

  private:
    using Action = std::function<void(ErrorList&)>;

    void draw_toolbar(const Workspace& open, const Look& look);
    void draw_list(const Look& look, float height);
    void draw_form(const Look& look);
    void draw_attachments(const Evidence& evidence, const Look& look);
    void draw_packs(const Workspace& open, const Look& look);
    void draw_findings(const Look& look);
    void draw_verify_result(const Look& look);
    void changed();  // after every change to the library: the browser keeps it
    [[nodiscard]] std::string today() const;
    bool store_open_assessment(const Workspace& open, ErrorList& problems);
    void write_pack(ErrorList& problems);

    const Registry* registry_;
    Platform* platform_;
    std::optional<WorkspaceFolder> library_;
    std::vector<Action> actions_;
    EvidenceFilter filter_ = EvidenceFilter::all;
    std::string selected_;  // evidence id
    std::optional<EvidenceForm> form_;
    ErrorList form_errors_;
    std::string last_added_by_;  // the next form starts with it
    CoveragePanelState coverage_;
    std::string upload_bytes_;  // browser: the chosen evidence file, until the form is saved
    int attach_framework_ = 0;
    int attach_item_ = 0;
    std::string export_path_;
    std::string key_path_;   // optional signing key (desktop)
    std::string pack_path_;  // verify or import (desktop); the browser's upload lands in /tmp
    std::vector<PersonalDataFinding> findings_;
    bool go_on_despite_findings_ = false;
    SteppedJob job_;
    // Enough to keep about 30 frames a second while a pack is written or read.
    std::chrono::steady_clock::duration frame_budget_ = std::chrono::milliseconds(20);
    void collect(ErrorList& problems);

    // Results the job writes and collect() reads once it has ended.
    std::optional<Result<ExportSummary>> exported_;
    std::optional<VerifyResult> verified_;
    std::optional<Checked<ImportSummary>> imported_;
    std::filesystem::path job_pack_;
    std::string outcome_;  // one line about the last pack action
};

}  // namespace eqkit::ui
