#pragma once
// The canvas app's Tender section (issue #6): set-up (a tender from a question set, evaluators,
// publish), bids with the evidence pack's verification, conflict-of-interest declarations, the
// evaluator's own scoring and signed submission, moderation (scores side by side, spread,
// disagreement, a chart of the distribution) and results with their exports. Every rule, figure
// and message comes from eqkit::TenderApi; this screen only draws its answers and collects intent.
//
// Self-contained, as WorkforceScreen: widgets queue TenderActions while drawing, applied after the
// screen has drawn. Tests apply actions directly with act().
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "eqkit/registry.hpp"
#include "eqkit/tender_api.hpp"
#include "look.hpp"
#include "platform.hpp"

namespace eqkit::ui {

// The purpose of a browser upload for this screen: "tender:responses", "tender:pack"…
inline constexpr std::string_view tender_upload_prefix = "tender:";

enum class TenderPage { setup, bids, conflicts, scoring, moderation, results };

// Files the user gives the screen, by role (a path on the desktop, an upload in the browser).
namespace tender_file {
inline constexpr std::string_view responses = "responses";
inline constexpr std::string_view pack = "pack";
inline constexpr std::string_view key = "key";
inline constexpr std::string_view scoresheet = "scoresheet";  // the evaluator's own, to go on
inline constexpr std::string_view to_import = "import";       // submitted sheets, for the lead
inline constexpr std::string_view copy = "copy";              // an evaluator's copy from the lead
}  // namespace tender_file

namespace tn_action {
struct Go {
    TenderPage page;
};
struct Create {};     // a tender folder from the set-up form
struct Open {};       // the tender folder named in the form
struct OpenCopy {};   // an evaluator's copy from the lead, for scoring only
struct HandOutCopy {  // the lead: an evaluator's own copy, saved or downloaded
    std::size_t evaluator;
};
struct Publish {};
struct SetWeight {  // before publication; refused by the core after it
    std::string question;
    double weight;
};
struct AddEvaluator {};
struct AddBid {};
struct Declare {
    bool conflict;  // false: "no conflict"
};
struct PickFile {  // browser: the file chooser for a role
    std::string role;
};
struct StartScoring {};  // the chosen evaluator's scoring view (a blank or opened sheet)
struct SelectAnswer {    // scoring: which bidder and question is shown
    std::size_t bidder;
    std::size_t question;
};
struct Score {};           // the drafted score and rationale into the sheet
struct NewKey {};          // makes a signing key and hands its file to the user
struct SaveScoresheet {};  // the unsigned sheet, to go on later
struct Submit {};          // signs with the key file and hands the signed sheet to the user
struct ImportScoresheets {};
struct SelectModeration {
    std::size_t bidder;
    std::size_t question;
};
struct Moderate {};
struct Export {
    bool html;  // false: CSV
};
}  // namespace tn_action

using TenderAction =
    std::variant<tn_action::Go, tn_action::Create, tn_action::Open, tn_action::OpenCopy,
                 tn_action::HandOutCopy, tn_action::Publish, tn_action::SetWeight,
                 tn_action::AddEvaluator, tn_action::AddBid, tn_action::Declare,
                 tn_action::PickFile, tn_action::StartScoring, tn_action::SelectAnswer,
                 tn_action::Score, tn_action::NewKey, tn_action::SaveScoresheet, tn_action::Submit,
                 tn_action::ImportScoresheets, tn_action::SelectModeration, tn_action::Moderate,
                 tn_action::Export>;

// A file given for a role: a typed path (desktop) or an upload's bytes (browser).
struct TenderFile {
    std::string path;
    std::string name;
    std::string bytes;
    bool uploaded = false;
};

struct TenderScreenState {
    TenderPage page = TenderPage::setup;
    nlohmann::json overview;  // TenderApi::overview(); null until a tender is open
    nlohmann::json sets;      // TenderApi::question_sets()
    // Set-up form.
    std::string folder;  // the tender folder (desktop: typed; browser: under the kept folder)
    std::string who;     // the lead's name, for the audit log
    std::size_t set_index = 0;
    std::string tender_id;
    bool mean = false;  // moderation: averaged instead of consensus
    int threshold = 1;
    std::string deadline;
    std::string new_evaluator;
    // Bids and declarations.
    std::string bidder;
    std::map<std::string, TenderFile, std::less<>> files;  // role -> file
    std::size_t coi_evaluator = 0;
    std::size_t coi_bidder = 0;
    std::string declaration;
    // Scoring: the evaluator's own sheet, never anyone else's.
    std::size_t evaluator_index = 0;
    std::string scoresheet;  // its text, as TenderApi::score answers it
    nlohmann::json scoring;  // TenderApi::scoring_view(); null until started
    std::size_t bidder_at = 0;
    std::size_t question_at = 0;
    std::optional<int> score_draft;
    std::string rationale_draft;
    std::string signer;  // the key's fingerprint once submitted
    // Moderation.
    std::size_t mod_bidder = 0;
    std::size_t mod_question = 0;
    nlohmann::json moderation;  // TenderApi::moderation()
    std::optional<int> moderated_draft;
    std::string moderated_rationale;
    nlohmann::json results;  // TenderApi::results()
    std::string export_folder;
    ErrorList problems;  // the core's refusals, shown at the top of the page
    std::string status;  // one line: "Saved to …"
};

class TenderScreen {
  public:
    using FileChooser = std::function<void(std::string_view purpose)>;
    // The app's clock by default; tests fix it.
    using Clock = std::function<std::string()>;

    // plugins_dir holds the question sets (<id>/question_set.json).
    TenderScreen(const Registry& registry, std::filesystem::path plugins_dir, Platform& platform,
                 FileChooser choose_file, Clock clock = {});

    void draw(const Look& look, float height = 0.0F);
    void act(const TenderAction& action);
    // A browser upload; false when its purpose is not this screen's.
    bool receive_file(std::string_view purpose, std::string bytes, std::string name);

    [[nodiscard]] const TenderScreenState& state() const { return st_; }
    [[nodiscard]] TenderScreenState& edit_state() { return st_; }  // form fields, for tests
    [[nodiscard]] const TenderApi& api() const { return api_; }
    // The page, the problems and what the api answered, as into["tender"].
    void state_json(nlohmann::json& into) const;

  private:
    void apply(const tn_action::Go& a);
    void apply(const tn_action::Create& a);
    void apply(const tn_action::Open& a);
    void apply(const tn_action::OpenCopy& a);
    void apply(const tn_action::HandOutCopy& a);
    void apply(const tn_action::Publish& a);
    void apply(const tn_action::SetWeight& a);
    void apply(const tn_action::AddEvaluator& a);
    void apply(const tn_action::AddBid& a);
    void apply(const tn_action::Declare& a);
    void apply(const tn_action::PickFile& a);
    void apply(const tn_action::StartScoring& a);
    void apply(const tn_action::SelectAnswer& a);
    void apply(const tn_action::Score& a);
    void apply(const tn_action::NewKey& a);
    void apply(const tn_action::SaveScoresheet& a);
    void apply(const tn_action::Submit& a);
    void apply(const tn_action::ImportScoresheets& a);
    void apply(const tn_action::SelectModeration& a);
    void apply(const tn_action::Moderate& a);
    void apply(const tn_action::Export& a);

    // Pages (tender_setup.cpp, tender_bids.cpp, tender_scoring.cpp, tender_moderation.cpp).
    void draw_setup(const Look& look);
    void draw_new_tender(const Look& look);
    void draw_questions(const Look& look);
    void draw_evaluators(const Look& look);
    void draw_bids(const Look& look);
    void draw_conflicts(const Look& look);
    void draw_scoring(const Look& look);
    void draw_answer(const Look& look, const nlohmann::json& bidder, const nlohmann::json& answer);
    void draw_submit(const Look& look);
    void draw_moderation(const Look& look);
    void draw_distribution(const Look& look);
    void draw_results(const Look& look);
    void draw_problems(const Look& look);
    // A path field (desktop) or a "Choose file..." button (browser) for a role.
    void draw_file_row(const Look& look, std::string_view role, const char* title);
    void focus_here();

    // Takes an api answer: its JSON when "ok", else its errors into the problems (and null).
    nlohmann::json take(const std::string& answer);
    // The path the core reads a role's file from (an upload is first written to a work folder).
    [[nodiscard]] Result<std::filesystem::path> path_of(std::string_view role);
    void hand_over(const std::filesystem::path& name, std::string_view mime,
                   std::string_view bytes);
    void refresh();  // the overview, the moderation view and the results again
    void changed();  // after a change to the folder (browser: kept in IndexedDB)
    [[nodiscard]] const nlohmann::json* question(const std::string& code) const;
    [[nodiscard]] std::string evaluator_name(std::size_t i) const;
    [[nodiscard]] std::string evaluator_name() const;  // the one scoring
    // An evaluator's copy is open: only scoring works (and set-up, to open something else).
    [[nodiscard]] bool copy_open() const;

    Platform* platform_;
    FileChooser choose_file_;
    Clock clock_;
    TenderApi api_;
    TenderScreenState st_;
    std::vector<TenderAction> queue_;
    bool take_focus_ = true;
    TenderPage drawn_page_ = TenderPage::setup;
    int drawn_frame_ = -1;
    float submit_height_ = 0.0F;  // the scoring page's submit section, as last drawn
};

}  // namespace eqkit::ui
