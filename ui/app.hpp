#pragma once
// The Dear ImGui app shared by the desktop and the browser. frame() draws every screen from the
// Workspace (the single source of truth), then applies the commands the screens queued, in
// order, through the workspace's undo history. Needs a current ImGui context.
#include <optional>
#include <string>

#include "commands.hpp"
#include "eqkit/workspace.hpp"
#include "look.hpp"
#include "platform.hpp"
#include "screens/actions_screen.hpp"
#include "screens/assess_screen.hpp"
#include "screens/dialogs.hpp"
#include "screens/evidence_section.hpp"
#include "screens/framework_picker.hpp"
#include "screens/migration_screen.hpp"
#include "screens/tender_screen.hpp"
#include "screens/workforce_screen.hpp"
#include "settings.hpp"

namespace eqkit::ui {

// Backend key codes (io.KeysDown indices) for keys Dear ImGui 1.86 does not name. -1: unused.
struct KeyCodes {
    int f6 = -1;
    int letter_n = -1;
    int letter_o = -1;
    int letter_q = -1;
    int letter_s = -1;
    int digit_1 = -1;  // Ctrl+1 to Ctrl+5: the sections
    int digit_2 = -1;
    int digit_3 = -1;
    int digit_4 = -1;
    int digit_5 = -1;
};

class App {
  public:
    // Display settings come from platform.load_settings(), else the defaults. Tender question
    // sets are read from plugins_dir.
    App(Workspace& workspace, Platform& platform, KeyCodes keys = {},
        const std::filesystem::path& plugins_dir = "plugins");

    // Draws one frame (between ImGui::NewFrame() and ImGui::Render()) and applies the queue.
    void frame();
    // Call before ImGui::NewFrame(): rebuilds the font atlas when the text size changed.
    // Returns true when it did, so the renderer must upload the texture again.
    [[nodiscard]] bool update_fonts();

    // The window's close button: asks "Save changes?" first when there are unsaved changes.
    void request_close() { queue_.push(RequestClose{}); }
    [[nodiscard]] bool wants_to_quit() const { return quit_; }
    // Work is going on between frames (a pack being written or read): draw the next frame
    // without waiting for input.
    [[nodiscard]] bool working() const { return evidence_.busy(); }
    // A file the user chose in the browser's file chooser, for the purpose the app asked with
    // (Platform::choose_file): "assessment" opens it; each section takes its own.
    void receive_file(std::string_view purpose, std::string bytes, std::string name);
    // A problem found outside a command (browser storage failing, for example).
    void report_problem(Error error);

    [[nodiscard]] CommandQueue& commands() { return queue_; }
    [[nodiscard]] const Workspace& workspace() const { return ws_; }
    [[nodiscard]] const Settings& settings() const { return settings_; }
    [[nodiscard]] const Look& look() const { return look_; }
    [[nodiscard]] const ErrorList& problems() const { return problems_; }
    [[nodiscard]] const AssessScreenState& assess_state() const { return assess_; }
    [[nodiscard]] Section section() const { return section_; }
    // The migration review screen's state while it is shown.
    [[nodiscard]] const std::optional<MigrationScreenState>& migration() const {
        return migration_;
    }
    [[nodiscard]] WorkforceScreen& workforce() { return workforce_; }
    [[nodiscard]] TenderScreen& tender() { return tender_; }
    [[nodiscard]] ActionsScreen& actions() { return actions_; }
    [[nodiscard]] EvidenceSection& evidence() { return evidence_; }
    [[nodiscard]] bool asking_to_save() const { return pending_.has_value() && !prompt_; }
    [[nodiscard]] const std::optional<PathPromptState>& path_prompt() const { return prompt_; }
    [[nodiscard]] std::string window_title() const;
    // The state tests and the browser's test hooks read, as JSON.
    [[nodiscard]] std::string state_json() const;

  private:
    void apply(const Command& command);
    void on(const StartAssessment& c);
    void on(const SetAnswer& c);
    void on(const SelectItem& c);
    void on(const Undo& c);
    void on(const Redo& c);
    void on(const NewAssessment& c);
    void on(const Open& c);
    void on(const OpenFile& c);
    void on(const OpenText& c);
    void on(const Save& c);
    void on(const SaveAs& c);
    void on(const SaveTo& c);
    void on(const Download& c);
    void on(const ExportTo& c);
    void on(const RequestClose& c);
    void on(const ResolveUnsaved& c);
    void on(const CancelPrompt& c);
    void on(const ClearProblems& c);
    void on(const SetFontSize& c);
    void on(const SetHighContrast& c);
    void on(const ShowSection& c);
    void on(const AttachEvidence& c);
    void on(const SetChoices& c);
    void on(const KeepAsEvidence& c);
    void on(const CarryAcross& c);
    void on(const CancelMigration& c);
    void on(const EditAssessment& c);
    void on(const AddMitigation& c);

    // False (and the command kept for "Save changes?") when unsaved work would be lost.
    bool may_replace_work(const Command& command);
    void run_pending();
    // Saves where the work already lives; false when a path must be asked for first.
    bool save_in_place();
    void opened();  // after the workspace changed assessment
    // A file that did not open: made with an earlier version of its framework, it goes to the
    // migration review screen; otherwise the errors are shown.
    void open_failed(std::string text, std::string label, const ErrorList& errors);
    // Browser: an assessment kept from an earlier session and made with an earlier version of
    // its framework goes to the same review (it stays set aside until the user agrees).
    void offer_kept_earlier();
    void ask_path(PathPurpose purpose, int version = 0);
    // version: an earlier version as it was signed; 0: the open one.
    [[nodiscard]] std::string document_name(Document what, int version = 0) const;
    [[nodiscard]] Result<std::string> document_bytes(Document what, int version = 0) const;
    void fail(Error error);
    void fail(const ErrorList& errors);
    void handle_keys();
    void draw_header();
    void draw_sections(float problems_height);
    void draw_assessment_section(float below);
    void apply_theme_and_status();

    Workspace& ws_;
    Platform& platform_;
    KeyCodes keys_;
    Settings settings_;
    Settings kept_settings_;  // as last handed to platform.keep_settings()
    float built_font_pixels_ = 0.0F;
    bool remap_pending_ = true;
    Look look_;
    CommandQueue queue_;
    FrameworkPickerState picker_;
    AssessScreenState assess_;
    EvidenceSection evidence_;
    WorkforceScreen workforce_;  // WRES/WDES: its own state
    TenderScreen tender_;        // tender evaluation: its own state
    ActionsScreen actions_;      // the action plan and reviews: its own state
    Section section_ = Section::assessment;
    bool section_chosen_ = false;  // by a command or key, so the tab bar must follow
    std::optional<PathPromptState> prompt_;
    std::optional<MigrationScreenState> migration_;
    std::optional<Command> pending_;  // waits on "Save changes?"
    bool continue_after_save_ = false;
    bool confirmed_ = false;  // running a command the user already confirmed
    bool changed_ = false;    // the workspace may have changed in this frame's commands
    bool quit_ = false;
    ErrorList problems_;
    std::string status_;  // one line: "Saved to …"
};

}  // namespace eqkit::ui
