#include "app.hpp"

#include <algorithm>
#include <cmath>

#include <imgui.h>
#include <nlohmann/json.hpp>

#include "eqkit/crosswalk.hpp"
#include "eqkit/files.hpp"
#include "eqkit/report.hpp"
#include "screens/impact_entries.hpp"
#include "screens/menu_bar.hpp"
#include "screens/problems_panel.hpp"
#include "text.hpp"
#include "widgets/typography.hpp"

namespace eqkit::ui {
namespace {

enum class SaveOutcome { saved, failed, needs_path };

bool key_pressed(int key) {
    return key >= 0 && ImGui::IsKeyPressed(key, false);
}
bool named_key_pressed(ImGuiKey key) {
    return key_pressed(ImGui::GetKeyIndex(key));
}

// What is left of the window for a section's panels, keeping `below` for the problems panel.
float section_height(float below) {
    const float line = ImGui::GetFrameHeightWithSpacing();
    return std::max(ImGui::GetContentRegionAvail().y - below, line * 4.0F);
}

float clamp_font(float pixels) {
    if (!std::isfinite(pixels)) return default_font_pixels;
    return std::clamp(std::round(pixels), min_font_pixels, max_font_pixels);
}

}  // namespace

App::App(Workspace& workspace, Platform& platform, KeyCodes keys,
         const std::filesystem::path& plugins_dir)
    : ws_(workspace),
      platform_(platform),
      keys_(keys),
      settings_(platform.load_settings().value_or(Settings{})),
      evidence_(workspace.registry(), platform),
      workforce_(workspace.registry(), platform, workforce_mapping_file(platform),
                 [this](std::string_view purpose) { platform_.choose_file(purpose); }),
      tender_(workspace.registry(), plugins_dir, platform,
              [this](std::string_view purpose) { platform_.choose_file(purpose); }),
      actions_(workspace.registry(), platform) {
    ImGuiIO& io = ImGui::GetIO();
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.IniFilename = nullptr;  // our layout is fixed; settings are ours
    io.LogFilename = nullptr;
    settings_.font_pixels = clamp_font(settings_.font_pixels);
    kept_settings_ = settings_;
    look_.fonts = add_fonts(*io.Fonts, settings_.font_pixels, platform_.font_files());
    built_font_pixels_ = settings_.font_pixels;
    apply_theme_and_status();
    if (Checked<void> restored = platform_.restore(ws_); !restored) fail(restored.error());
    evidence_.open_library(problems_);
    workforce_.set_keep_as_evidence(
        [this](std::string_view framework, std::string name, std::string bytes) {
            queue_.push(KeepAsEvidence{std::string(framework), std::move(name), std::move(bytes)});
        });
    if (ws_.is_open()) {
        opened();
        status_ = text::status_restored;
    }
    offer_kept_earlier();
}

bool App::update_fonts() {
    if (settings_.font_pixels == built_font_pixels_) return false;
    look_.fonts = add_fonts(*ImGui::GetIO().Fonts, settings_.font_pixels, platform_.font_files());
    built_font_pixels_ = settings_.font_pixels;
    remap_pending_ = true;
    apply_theme_and_status();  // sizes follow the text size
    return true;
}

void App::apply_theme_and_status() {
    const bool high = settings_.high_contrast;
    const Checked<Accents> accents =
        apply_theme(high ? high_contrast_theme() : standard_theme(),
                    high ? "ui/themes/high_contrast.json" : "ui/themes/standard.json",
                    settings_.font_pixels, ImGui::GetStyle());
    if (accents) {
        look_.accents = *accents;
    } else {
        fail(accents.error());
    }
    look_.font_pixels = settings_.font_pixels;
}

void App::receive_file(std::string_view purpose, std::string bytes, std::string name) {
    if (purpose == upload_assessment) {
        if (bytes.size() > max_document_bytes) {
            fail({name, "", text::problem_too_large_for_assessment});
            return;
        }
        queue_.push(OpenText{std::move(bytes), std::move(name)});
        return;
    }
    if (purpose == upload_evidence || purpose == upload_pack) {
        evidence_.receive_file(purpose, std::move(bytes), std::move(name), problems_);
        return;
    }
    if (purpose.starts_with(workforce_upload_prefix)) {
        (void)workforce_.receive_file(purpose, std::move(bytes), std::move(name));
        return;
    }
    if (tender_.receive_file(purpose, std::move(bytes), name)) return;
    fail({name, "", fill(text::problem_unexpected_upload, std::string(purpose))});
}

void App::report_problem(Error error) {
    fail(std::move(error));
}

void App::fail(Error error) {
    problems_.push_back(std::move(error));
}

void App::fail(const ErrorList& errors) {
    problems_.insert(problems_.end(), errors.begin(), errors.end());
}

// ---------------------------------------------------------------------------------------------
// Drawing

void App::frame() {
    if (remap_pending_ && ImGui::GetIO().Fonts->IsBuilt()) {
        remap_missing_punctuation(look_.fonts);
        remap_pending_ = false;
    }
    handle_keys();
    evidence_.update(problems_);  // a pack job goes on whichever section is shown

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoResize |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_MenuBar |
                                       ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0F);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0F);
    ImGui::Begin("EqualityKit###main", nullptr, flags);
    ImGui::PopStyleVar(2);
    draw_menu_bar(ws_, MenuContext{platform_.uses_paths(), platform_.can_quit(), section_},
                  settings_, queue_);

    const std::vector<std::string> messages = problem_messages(ws_.registry(), problems_);
    const float line = ImGui::GetFrameHeightWithSpacing();
    const float problems_height =
        messages.empty() ? 0.0F
                         : std::min(ImGui::GetContentRegionAvail().y * 0.3F,
                                    line * (static_cast<float>(messages.size()) + 3.0F));
    const float spacing = messages.empty() ? 0.0F : ImGui::GetStyle().ItemSpacing.y;
    draw_sections(problems_height + spacing);
    if (!messages.empty()) {
        ImGui::BeginChild("problems", ImVec2(0.0F, 0.0F), true);
        draw_problems_panel(ws_.registry(), problems_, queue_, look_);
        ImGui::EndChild();
    }
    draw_unsaved_changes(asking_to_save(), queue_, look_);
    draw_path_prompt(prompt_, queue_, look_);
    ImGui::End();

    changed_ = false;
    while (!queue_.empty()) {
        for (const Command& command : queue_.take())
            apply(command);
    }
    if (changed_) {
        if (Result<void> kept = platform_.keep(ws_); !kept) fail(kept.error());
    }
    // Settings are kept once the user lets go of the slider, not on every step of a drag.
    if (settings_ != kept_settings_ && !ImGui::IsAnyItemActive()) {
        kept_settings_ = settings_;
        if (Result<void> kept = platform_.keep_settings(settings_); !kept) fail(kept.error());
    }
}

void App::draw_sections(float below) {
    struct Tab {
        Section section;
        const char* label;
    };
    static constexpr Tab tabs[] = {
        {Section::assessment, text::section_assessment},
        {Section::evidence, text::section_evidence},
        {Section::workforce, text::section_workforce},
        {Section::tender, text::section_tender},
        {Section::actions, text::section_actions},
    };
    if (!ImGui::BeginTabBar("sections", ImGuiTabBarFlags_NoTooltip)) return;
    for (const Tab& tab : tabs) {
        const bool follow = section_chosen_ && section_ == tab.section;
        if (!ImGui::BeginTabItem(tab.label, nullptr, follow ? ImGuiTabItemFlags_SetSelected : 0))
            continue;
        if (!section_chosen_) section_ = tab.section;
        switch (tab.section) {
            case Section::assessment:
                draw_assessment_section(below);
                break;
            case Section::evidence:
                evidence_.draw(ws_, look_, section_height(below), problems_);
                break;
            case Section::workforce:
                workforce_.draw(look_, section_height(below));
                break;
            case Section::tender:
                tender_.draw(look_, section_height(below));
                break;
            case Section::actions:
                actions_.draw(evidence_.edit_library(), ws_, look_, section_height(below),
                              ws_.is_open() ? action_item(ws_.framework(), assess_.selected) : "");
                break;
        }
        ImGui::EndTabItem();
    }
    section_chosen_ = false;
    ImGui::EndTabBar();
    // An import goes on while another section is shown (its screen reads a slice when drawn).
    if (section_ != Section::workforce) (void)workforce_.step_import();
}

void App::draw_assessment_section(float below) {
    if (migration_) {
        draw_migration_screen(*migration_, queue_, look_);
        return;
    }
    if (ws_.is_open()) {
        draw_header();
        draw_review_strip(ws_, assess_.selected, queue_, look_, assess_.review_ids);
        draw_assess_screen(ws_, assess_, queue_, look_, section_height(below),
                           evidence_.context_for(ws_.framework().id, assess_.selected));
    } else {
        draw_framework_picker(ws_, picker_, queue_, look_);
        ImGui::Spacing();
    }
}

void App::draw_header() {
    std::string line;
    if (ws_.dirty()) {
        line = platform_.uses_paths() ? text::header_unsaved : text::header_not_downloaded;
    } else if (ws_.path() && platform_.uses_paths()) {
        line = fill(text::header_saved_to, ws_.path()->string());
    } else {
        line = text::header_saved;
    }
    if (!status_.empty()) line += fill(text::header_status, status_);
    ImGui::TextColored(ws_.dirty() ? look_.accents.unconfirmed : look_.accents.muted, "%s",
                       line.c_str());
}

std::string App::window_title() const {
    if (!ws_.is_open()) return text::title_start;
    std::string title = fill(text::title_open, ws_.framework().display_title());
    if (ws_.dirty()) title = fill(text::title_unsaved, title);
    return title;
}

std::string App::state_json() const {
    nlohmann::json state = nlohmann::json::object();
    state["open"] = ws_.is_open();
    state["framework"] = ws_.is_open() ? ws_.framework().id : std::string();
    state["dirty"] = ws_.dirty();
    state["selected"] = ws_.is_open() ? assess_.selected : std::string();
    state["asking_to_save"] = asking_to_save();
    state["path_prompt"] = prompt_.has_value();
    state["problems"] = problem_messages(ws_.registry(), problems_);
    state["font_pixels"] = settings_.font_pixels;
    state["high_contrast"] = settings_.high_contrast;
    state["title"] = window_title();
    state["section"] = static_cast<int>(section_);
    evidence_.state_json(state);
    workforce_.state_json(state);
    tender_.state_json(state);
    actions_.state_json(state);
    nlohmann::json answers = nlohmann::json::object();
    for (const auto& [code, answer] : ws_.assessment().answers) {
        nlohmann::json a = nlohmann::json::object();
        a["score"] = answer.score ? nlohmann::json(*answer.score) : nlohmann::json(nullptr);
        a["narrative"] = answer.narrative;
        a["raters"] = answer.raters;
        answers[code] = std::move(a);
    }
    state["answers"] = std::move(answers);
    state["migration"] = migration_ ? nlohmann::json::parse(migration_offer_json(migration_->offer))
                                    : nlohmann::json(nullptr);
    state["needs_review"] = answers_to_review(ws_);
    return state.dump();
}

// ---------------------------------------------------------------------------------------------
// Keys

void App::handle_keys() {
    const ImGuiIO& io = ImGui::GetIO();
    if (prompt_ || pending_ || io.WantTextInput) return;  // a dialog or a text field has them
    if (io.KeyCtrl) {
        if (named_key_pressed(ImGuiKey_Z)) queue_.push(io.KeyShift ? Command{Redo{}} : Undo{});
        if (named_key_pressed(ImGuiKey_Y)) queue_.push(Redo{});
        if (key_pressed(keys_.letter_s)) queue_.push(io.KeyShift ? Command{SaveAs{}} : Save{});
        if (key_pressed(keys_.letter_o)) queue_.push(Open{});
        if (key_pressed(keys_.letter_n)) queue_.push(NewAssessment{});
        if (key_pressed(keys_.letter_q) && platform_.can_quit()) queue_.push(RequestClose{});
        if (key_pressed(keys_.digit_1)) queue_.push(ShowSection{Section::assessment});
        if (key_pressed(keys_.digit_2)) queue_.push(ShowSection{Section::evidence});
        if (key_pressed(keys_.digit_3)) queue_.push(ShowSection{Section::workforce});
        if (key_pressed(keys_.digit_4)) queue_.push(ShowSection{Section::tender});
        if (key_pressed(keys_.digit_5)) queue_.push(ShowSection{Section::actions});
        return;
    }
    if (!ws_.is_open() || io.KeyAlt) return;
    if (key_pressed(keys_.f6)) assess_.focus_request = next_panel(assess_.focused, io.KeyShift);
    const Framework& fw = ws_.framework();
    if (fw.find_item(assess_.selected) == nullptr) return;
    Answer answer = ws_.assessment().answer(assess_.selected);
    for (const ImWchar c : io.InputQueueCharacters) {
        if (c >= '0' && c <= '9' && fw.scale.level(c - '0') != nullptr) answer.score = c - '0';
    }
    if (named_key_pressed(ImGuiKey_Delete)) answer.score.reset();
    if (answer != ws_.assessment().answer(assess_.selected)) {
        queue_.push(SetAnswer{assess_.selected, std::move(answer)});
    }
}

// ---------------------------------------------------------------------------------------------
// Commands

void App::apply(const Command& command) {
    std::visit([this](const auto& c) { on(c); }, command);
}

bool App::may_replace_work(const Command& command) {
    if (confirmed_ || !ws_.is_open() || !ws_.dirty()) return true;
    pending_ = command;
    return false;
}

void App::run_pending() {
    if (!pending_) return;
    Command command = std::move(*pending_);
    pending_.reset();
    confirmed_ = true;
    apply(command);
    confirmed_ = false;
}

void App::opened() {
    assess_ = AssessScreenState{};
    migration_.reset();
    if (ws_.is_open()) {
        const Framework& fw = ws_.framework();
        for (const Group& group : fw.groups) {
            if (!group.items.empty()) {
                assess_.selected = group.items.front().code;
                break;
            }
        }
    }
    picker_.take_focus = true;
    changed_ = true;
}

void App::open_failed(std::string text, std::string label, const ErrorList& errors) {
    Checked<MigrationOffer> offer = offer_migration(text, label, ws_.registry());
    if (!offer) {
        fail(errors);
        return;
    }
    migration_ = MigrationScreenState{
        std::move(text), std::move(label), std::move(*offer), std::nullopt, {}};
    on(ShowSection{Section::assessment});
}

void App::offer_kept_earlier() {
    const std::vector<std::filesystem::path> kept = platform_.kept_earlier_versions();
    if (kept.empty()) return;
    Result<std::string> text = read_text_file(kept.front());
    if (!text) {
        fail(text.error());
        return;
    }
    Checked<MigrationOffer> offer = offer_migration(*text, kept_assessment_label, ws_.registry());
    if (!offer) {
        fail(offer.error());
        return;
    }
    migration_ = MigrationScreenState{
        std::move(*text), kept_assessment_label, std::move(*offer), kept.front(), {}};
}

void App::on(const CarryAcross& c) {
    if (!migration_) return;
    // A kept one replaces the assessment restored beside it: its changes are downloaded first.
    if (migration_->kept && !may_replace_work(c)) return;
    const MigrationScreenState offered = std::move(*migration_);
    migration_.reset();
    Checked<Migration> carried = open_migrated(ws_, offered.text, offered.label);
    if (!carried) {
        fail(carried.error());
        return;
    }
    if (offered.kept) keep_as_carried(*offered.kept);
    opened();
    if (!carried->needs_review.empty()) assess_.selected = carried->needs_review.front();
    status_ = fill(text::status_migrated, offered.label, carried->needs_review.size());
}

void App::on(const CancelMigration&) {
    migration_.reset();
}

void App::on(const StartAssessment& c) {
    if (!may_replace_work(c)) return;
    if (Result<void> started = ws_.start(c.framework_id); !started) {
        fail(started.error());
        return;
    }
    opened();
    status_ = fill(text::status_started, ws_.framework().display_title());
}

void App::on(const SetAnswer& c) {
    if (!ws_.is_open()) return;
    if (Result<void> edited = ws_.edit(c.item, c.answer); !edited) fail(edited.error());
    changed_ = true;
}

void App::on(const SelectItem& c) {
    if (!ws_.is_open()) return;
    // An item, or an impact assessment's part ("@row:race").
    if (ws_.framework().find_item(c.item) == nullptr &&
        !find_impact_entry(ws_.framework(), ws_.assessment(), c.item)) {
        return;
    }
    if (assess_.selected != c.item) assess_.take_focus = assess_.focused_item != c.item;
    assess_.selected = c.item;
}

void App::on(const Undo&) {
    if (!ws_.is_open()) return;
    ws_.undo();
    changed_ = true;
}

void App::on(const Redo&) {
    if (!ws_.is_open()) return;
    ws_.redo();
    changed_ = true;
}

void App::on(const NewAssessment& c) {
    if (!may_replace_work(c)) return;
    ws_.close();
    opened();
    status_.clear();
}

void App::on(const Open&) {
    if (platform_.uses_paths()) {
        ask_path(PathPurpose::open);
    } else {
        platform_.choose_file(upload_assessment);
    }
}

void App::on(const OpenFile& c) {
    prompt_.reset();
    if (!may_replace_work(c)) return;
    if (Checked<void> loaded = ws_.open(c.file); !loaded) {
        Result<std::string> bytes = read_text_file(c.file);
        open_failed(bytes ? std::move(*bytes) : std::string(), c.file.string(), loaded.error());
        return;
    }
    opened();
    status_ = fill(text::status_opened, c.file.string());
}

void App::on(const OpenText& c) {
    if (!may_replace_work(c)) return;
    if (Checked<void> loaded = ws_.open_text(c.text, c.label); !loaded) {
        open_failed(c.text, c.label, loaded.error());
        return;
    }
    opened();
    status_ = fill(text::status_opened, c.label);
}

namespace {

SaveOutcome save_where_kept(Workspace& ws, Platform& platform, ErrorList& problems,
                            std::string& status, const std::string& name) {
    if (!ws.is_open()) return SaveOutcome::failed;
    if (platform.uses_paths()) {
        if (!ws.path()) return SaveOutcome::needs_path;
        if (Result<void> saved = ws.save_as(*ws.path()); !saved) {
            problems.push_back(saved.error());
            return SaveOutcome::failed;
        }
        status = fill(text::status_saved, ws.path()->string());
        return SaveOutcome::saved;
    }
    // Browser: the user's copy is a download; the kept copy then counts as saved.
    const std::string json = assessment_to_json(ws.framework(), ws.assessment());
    if (Result<void> sent = platform.deliver(name, "application/json", json); !sent) {
        problems.push_back(sent.error());
        return SaveOutcome::failed;
    }
    if (const auto kept = platform.kept_copy()) {
        if (Result<void> saved = ws.save_as(*kept); !saved) {
            problems.push_back(saved.error());
            return SaveOutcome::failed;
        }
    }
    status = fill(text::status_downloaded, name);
    return SaveOutcome::saved;
}

}  // namespace

bool App::save_in_place() {
    const SaveOutcome outcome =
        save_where_kept(ws_, platform_, problems_, status_,
                        ws_.is_open() ? document_name(Document::assessment_json) : "");
    changed_ = true;
    if (outcome == SaveOutcome::needs_path) return false;
    if (outcome == SaveOutcome::failed) pending_.reset();
    return true;
}

void App::on(const Save&) {
    if (!ws_.is_open()) return;
    if (!save_in_place()) ask_path(PathPurpose::save_as);
}

void App::on(const SaveAs&) {
    if (!ws_.is_open()) return;
    if (platform_.uses_paths()) {
        ask_path(PathPurpose::save_as);
    } else {
        (void)save_in_place();
    }
}

void App::on(const SaveTo& c) {
    prompt_.reset();
    if (!ws_.is_open()) return;
    changed_ = true;
    if (Result<void> saved = ws_.save_as(c.file); !saved) {
        fail(saved.error());
        continue_after_save_ = false;
        pending_.reset();
        return;
    }
    status_ = fill(text::status_saved, c.file.string());
    if (continue_after_save_) {
        continue_after_save_ = false;
        run_pending();
    }
}

std::string App::document_name(Document what, int version) const {
    std::string name = ws_.framework().id;
    if (version > 0) name += "-version-" + std::to_string(version);
    return name + (what == Document::assessment_json ? "-assessment.json" : "-report.html");
}

Result<std::string> App::document_bytes(Document what, int version) const {
    const Framework& fw = ws_.framework();
    if (version == 0) {
        return what == Document::assessment_json ? assessment_to_json(fw, ws_.assessment())
                                                 : render_report_html(fw, ws_.assessment());
    }
    if (what == Document::assessment_json) return version_text(fw, ws_.assessment(), version);
    Checked<Assessment> signed_then =
        version_as_signed(ws_.registry(), fw, ws_.assessment(), version);
    if (!signed_then) return tl::unexpected(signed_then.error().front());
    return render_report_html(fw, *signed_then);
}

void App::on(const Download& c) {
    if (!ws_.is_open()) return;
    if (platform_.uses_paths()) {
        ask_path(c.what == Document::assessment_json ? PathPurpose::export_json
                                                     : PathPurpose::export_report,
                 c.version);
        return;
    }
    const std::string name = document_name(c.what, c.version);
    const char* mime = c.what == Document::assessment_json ? "application/json" : "text/html";
    Result<std::string> bytes = document_bytes(c.what, c.version);
    if (!bytes) {
        fail(bytes.error());
        return;
    }
    if (Result<void> sent = platform_.deliver(name, mime, *bytes); !sent) {
        fail(sent.error());
        return;
    }
    status_ = fill(text::status_downloaded, name);
}

void App::on(const ExportTo& c) {
    prompt_.reset();
    if (!ws_.is_open()) return;
    const char* mime = c.what == Document::assessment_json ? "application/json" : "text/html";
    Result<std::string> bytes = document_bytes(c.what, c.version);
    if (!bytes) {
        fail(bytes.error());
        return;
    }
    if (Result<void> sent = platform_.deliver(c.file, mime, *bytes); !sent) {
        fail(sent.error());
        return;
    }
    status_ = fill(text::status_saved, c.file.string());
}

void App::on(const RequestClose& c) {
    if (!platform_.can_quit()) return;
    if (!may_replace_work(c)) return;
    quit_ = true;
}

void App::on(const ResolveUnsaved& c) {
    if (!pending_) return;
    switch (c.choice) {
        case UnsavedChoice::save:
            if (!save_in_place()) {
                continue_after_save_ = true;
                ask_path(PathPurpose::save_as);
            } else {
                run_pending();  // nothing runs if saving failed: pending_ was dropped
            }
            break;
        case UnsavedChoice::discard:
            run_pending();
            break;
        case UnsavedChoice::cancel:
            pending_.reset();
            break;
    }
}

void App::on(const CancelPrompt&) {
    prompt_.reset();
    if (continue_after_save_) {
        continue_after_save_ = false;
        pending_.reset();
    }
}

void App::on(const ClearProblems&) {
    problems_.clear();
}

void App::on(const SetFontSize& c) {
    settings_.font_pixels = clamp_font(c.pixels);
}

void App::on(const SetHighContrast& c) {
    settings_.high_contrast = c.on;
    apply_theme_and_status();
}

void App::on(const KeepAsEvidence& c) {
    const Framework* framework = ws_.registry().find(c.framework);
    const std::string title = framework ? std::string(framework->display_title()) : c.framework;
    evidence_.start_add_document(c.name, c.bytes, fill(text::evidence_results_title, title),
                                 items_linked_to_framework(ws_.registry(), c.framework));
    on(ShowSection{Section::evidence});
}

void App::on(const AttachEvidence& c) {
    evidence_.attach(c.evidence_id, c.item_ref, problems_);
}

void App::on(const SetChoices& c) {
    if (!ws_.is_open()) return;
    if (Result<void> edited = ws_.edit_settings(c.settings, c.what); !edited) fail(edited.error());
    changed_ = true;
}

void App::on(const EditAssessment& c) {
    if (!ws_.is_open()) return;
    if (Result<void> edited = ws_.edit_whole(c.after, c.what); !edited) fail(edited.error());
    changed_ = true;
}

void App::on(const AddMitigation& c) {
    actions_.act(ac_action::StartAdd{c.item});
    on(ShowSection{Section::actions});
}

void App::on(const ShowSection& c) {
    section_ = c.section;
    section_chosen_ = true;
}

void App::ask_path(PathPurpose purpose, int version) {
    PathPromptState st;
    st.purpose = purpose;
    st.version = version;
    const std::filesystem::path folder = platform_.start_folder();
    switch (purpose) {
        case PathPurpose::open:
            st.path = (folder / "").string();
            break;
        case PathPurpose::save_as:
            st.path = (ws_.path() ? *ws_.path() : folder / document_name(Document::assessment_json))
                          .string();
            break;
        case PathPurpose::export_json:
            st.path = (folder / document_name(Document::assessment_json, version)).string();
            break;
        case PathPurpose::export_report:
            st.path = (folder / document_name(Document::html_report, version)).string();
            break;
    }
    prompt_ = std::move(st);
}

}  // namespace eqkit::ui
