#include "screens/workforce_screen.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include <imgui.h>
#include <imgui_stdlib.h>
#include <nlohmann/json.hpp>

#include "eqkit/files.hpp"
#include "screens/workforce_charts.hpp"
#include "text.hpp"
#include "widgets/focus.hpp"
#include "widgets/typography.hpp"

namespace eqkit::ui {
namespace {

namespace wf = eqkit::workforce;

constexpr std::size_t slice_bytes = std::size_t{1} << 20;  // read per frame while importing
constexpr std::size_t header_bytes = 64 * 1024;            // enough for any header line

const char* mime_of(wf::ExportFormat format) {
    switch (format) {
        case wf::ExportFormat::csv:
            return "text/csv";
        case wf::ExportFormat::json:
        case wf::ExportFormat::counts:
            return "application/json";
        case wf::ExportFormat::html:
            return "text/html";
    }
    return "application/octet-stream";
}

std::string count_text(const wf::Count& c) {
    switch (c.state) {
        case wf::State::shown:
            return std::to_string(c.value);
        case wf::State::suppressed:
            return fill(c.secondary ? text::wf_suppressed_secondary : text::wf_suppressed,
                        wf::suppressed_mark);
        case wf::State::not_given:
        case wf::State::not_calculable:
            return wf::state_text(c.state);
    }
    return "";
}

// "White 60, BME 20, total 80", each count in words when hidden.
std::string cells_text(const wf::Definitions& defs, const wf::GroupCells& cells) {
    std::string out;
    for (std::size_t g = 0; g < cells.groups.size() && g < defs.groups.size(); ++g) {
        if (defs.groups[g].unknown && cells.groups[g].state == wf::State::not_given) continue;
        out += (out.empty() ? "" : ", ") + defs.groups[g].label + " " + count_text(cells.groups[g]);
    }
    return out + (out.empty() ? "" : ", ") + fill(text::wf_total, count_text(cells.total));
}

bool button(const char* label, bool enabled = true) {
    ImGui::BeginDisabled(!enabled);
    const bool pressed = ImGui::Button(label);
    ImGui::EndDisabled();
    return pressed && enabled;
}

}  // namespace

std::filesystem::path workforce_mapping_file(const Platform& platform) {
    if (const auto kept = platform.kept_copy()) return kept->parent_path() / "column-mapping.json";
    return platform.start_folder() / "eqkit-column-mapping.json";
}

WorkforceScreen::WorkforceScreen(const Registry& registry, Platform& platform,
                                 std::filesystem::path mapping_file, FileChooser choose_file)
    : platform_(&platform),
      choose_file_(std::move(choose_file)),
      api_(std::make_unique<wf::WorkforceApi>(registry)),
      mapping_file_(std::move(mapping_file)) {
    st_.export_folder = platform.start_folder().string();
}

WorkforceScreen::~WorkforceScreen() = default;

float WorkforceScreen::progress() const {
    if (total_bytes_ == 0) return st_.step == WorkforceStep::importing ? 0.0F : 1.0F;
    return static_cast<float>(static_cast<double>(done_bytes_) / static_cast<double>(total_bytes_));
}

void WorkforceScreen::state_json(nlohmann::json& into) const {
    nlohmann::json state = nlohmann::json::parse(api_->state_json(), nullptr, false);
    state["step"] = static_cast<int>(st_.step);
    state["files"] = nlohmann::json::array();  // the roles a file was given for
    for (const auto& [role, file] : st_.files)
        if (file.uploaded || !file.path.empty()) state["files"].push_back(role);
    state["progress"] = progress();
    state["problems"] = nlohmann::json::array();
    for (const Error& e : st_.problems)
        state["problems"].push_back(e.message());
    into["workforce"] = std::move(state);
}

// ---- actions -------------------------------------------------------------------------------

void WorkforceScreen::act(const WorkforceAction& action) {
    std::visit([this](const auto& a) { apply(a); }, action);
}

void WorkforceScreen::apply(const wf_action::Choose& a) {
    st_.problems.clear();
    if (!st_.mapping_loaded) {
        st_.mapping_loaded = true;
        std::error_code ec;
        if (std::filesystem::exists(mapping_file_, ec)) {
            if (Result<std::string> t = read_text_file(mapping_file_); t) {
                for (Error& e : api_->open_mapping(*t, mapping_file_.string()))
                    fail(std::move(e));
            }
        }
    }
    const wf::Standard* before = api_->standard();
    if (Result<void> chosen = api_->choose(a.standard); !chosen) {
        fail(chosen.error());
        return;
    }
    if (before != api_->standard()) {
        st_.files.clear();
        st_.proposals.clear();
        st_.survey.clear();
    }
    st_.step = WorkforceStep::files;
}

void WorkforceScreen::apply(const wf_action::SetPath& a) {
    WorkforceFile& f = st_.files[a.role];
    f.path = a.path;
    f.name = a.path;
    f.uploaded = false;
    f.bytes.clear();
}

void WorkforceScreen::apply(const wf_action::PickFile& a) {
    if (choose_file_) choose_file_(std::string(workforce_upload_prefix) + a.role);
}

bool WorkforceScreen::receive_file(std::string_view purpose, std::string bytes, std::string name) {
    if (purpose.substr(0, workforce_upload_prefix.size()) != workforce_upload_prefix) return false;
    WorkforceFile& f = st_.files[std::string(purpose.substr(workforce_upload_prefix.size()))];
    f.bytes = std::move(bytes);
    f.name = std::move(name);
    f.path.clear();
    f.uploaded = true;
    return true;
}

std::vector<const wf::InputDef*> WorkforceScreen::csv_inputs() const {
    std::vector<const wf::InputDef*> out;
    if (const wf::Standard* s = api_->standard())
        for (const wf::InputDef& in : s->defs.inputs)
            if (in.kind != wf::InputKind::survey) out.push_back(&in);
    return out;
}

Result<std::string> WorkforceScreen::head_of(const WorkforceFile& file) const {
    if (file.uploaded) return file.bytes.substr(0, header_bytes);
    std::ifstream in(file.path, std::ios::binary);
    if (!in) return tl::unexpected(Error{file.path, "", text::wf_cannot_read});
    std::string head(header_bytes, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return head;
}

void WorkforceScreen::apply(const wf_action::ToMapping&) {
    st_.problems.clear();
    st_.proposals.clear();
    st_.mapping_errors.clear();
    for (const wf::InputDef* in : csv_inputs()) {
        const auto it = st_.files.find(in->role);
        const bool given =
            it != st_.files.end() && (it->second.uploaded || !it->second.path.empty());
        if (!given) {
            if (!in->optional) fail({"", in->title, text::wf_file_missing});
            continue;
        }
        Result<std::string> head = head_of(it->second);
        if (!head) {
            fail(head.error());
            continue;
        }
        Result<wf::MappingProposal> p = api_->propose(in->role, *head, it->second.name);
        if (!p) {
            fail(p.error());
            continue;
        }
        st_.proposals.push_back(std::move(*p));
    }
    if (st_.problems.empty()) st_.step = WorkforceStep::mapping;
}

Result<std::string> WorkforceScreen::whole_file(std::string_view role, const char* missing) const {
    const auto it = st_.files.find(std::string(role));
    if (it == st_.files.end() || (!it->second.uploaded && it->second.path.empty())) {
        return tl::unexpected(Error{"", "", missing});
    }
    if (it->second.uploaded) return it->second.bytes;
    return read_text_file(it->second.path);
}

void WorkforceScreen::apply(const wf_action::UseCounts&) {
    st_.problems.clear();
    Result<std::string> bytes = whole_file(workforce_counts_role, text::wf_counts_missing);
    if (!bytes) return fail(bytes.error());
    st_.problems = api_->open_counts(*bytes, st_.files[std::string(workforce_counts_role)].name);
    if (api_->has_counts()) st_.step = WorkforceStep::report;
}

void WorkforceScreen::apply(const wf_action::ImportSurvey&) {
    st_.problems.clear();
    st_.status.clear();
    Result<std::string> bytes = whole_file(workforce_survey_role, text::wf_survey_file_missing);
    if (!bytes) return fail(bytes.error());
    const std::string& name = st_.files[std::string(workforce_survey_role)].name;
    st_.problems = api_->open_survey_csv(*bytes, name);
    // The form shows what the file gave, beside what was typed for other parts.
    for (const auto& [part, columns] : api_->survey_drafts())
        for (const auto& [column, text] : columns)
            st_.survey[part][column] = text;
    st_.survey_errors.clear();
    if (st_.problems.empty()) st_.status = fill(text::wf_survey_imported, name);
}

void WorkforceScreen::apply(const wf_action::UsePrevious&) {
    st_.problems.clear();
    st_.status.clear();
    Result<std::string> bytes = whole_file(workforce_previous_role, text::wf_previous_missing);
    if (!bytes) return fail(bytes.error());
    st_.problems =
        api_->open_previous(*bytes, st_.files[std::string(workforce_previous_role)].name);
}

void WorkforceScreen::apply(const wf_action::SetYear& a) {
    st_.year = a.text;
}

void WorkforceScreen::apply(const wf_action::SetColumn& a) {
    for (wf::MappingProposal& p : st_.proposals) {
        if (p.role != a.role) continue;
        for (wf::ColumnChoice& c : p.columns)
            if (c.field == a.field) c.heading = a.heading;
    }
}

void WorkforceScreen::apply(const wf_action::StartImport&) {
    st_.problems.clear();
    st_.mapping_errors.clear();
    for (const wf::MappingProposal& p : st_.proposals) {
        std::map<std::string, std::string> columns;
        for (const wf::ColumnChoice& c : p.columns)
            columns[c.field] = c.heading;
        std::vector<wf::FieldError> errors = api_->set_columns(p.role, columns);
        if (!errors.empty()) st_.mapping_errors[p.role] = std::move(errors);
    }
    if (!st_.mapping_errors.empty()) return;
    if (Result<void> saved = api_->save_mapping(mapping_file_); !saved) {
        fail(saved.error());
    } else {
        st_.status = fill(text::wf_mapping_saved, mapping_file_.string());
    }
    api_->restart_import();
    pending_roles_.clear();
    total_bytes_ = 0;
    done_bytes_ = 0;
    for (const wf::MappingProposal& p : st_.proposals) {
        pending_roles_.push_back(p.role);
        const WorkforceFile& f = st_.files[p.role];
        std::error_code ec;
        total_bytes_ += f.uploaded ? f.bytes.size() : std::filesystem::file_size(f.path, ec);
    }
    st_.step = WorkforceStep::importing;
    if (!open_next_file()) finish_import(std::nullopt);
}

// Begins the next file of the import; false when none is left.
bool WorkforceScreen::open_next_file() {
    if (pending_roles_.empty()) return false;
    const std::string role = pending_roles_.front();
    pending_roles_.erase(pending_roles_.begin());
    const WorkforceFile& f = st_.files[role];
    offset_ = 0;
    std::uint64_t size = f.bytes.size();
    if (!f.uploaded) {
        reading_ = std::ifstream(f.path, std::ios::binary);
        std::error_code ec;
        size = std::filesystem::file_size(f.path, ec);
        if (!reading_) {
            finish_import(Error{f.path, "", text::wf_cannot_read});
            return true;
        }
    }
    if (Result<void> begun = api_->begin(role, f.name, size); !begun) {
        finish_import(begun.error());
    }
    return true;
}

bool WorkforceScreen::step_import_for(double seconds) {
    using Clock = std::chrono::steady_clock;
    const auto until = Clock::now() + std::chrono::duration<double>(seconds);
    while (step_import()) {
        if (Clock::now() >= until) return st_.step == WorkforceStep::importing;
    }
    return false;
}

bool WorkforceScreen::step_import() {
    if (st_.step != WorkforceStep::importing || !api_->importing()) return false;
    const WorkforceFile& f = st_.files[api_->progress().role];
    std::string_view slice;
    std::string buffer;
    if (f.uploaded) {
        slice = std::string_view(f.bytes).substr(offset_, slice_bytes);
        offset_ += slice.size();
    } else {
        buffer.resize(slice_bytes);
        reading_.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        buffer.resize(static_cast<std::size_t>(reading_.gcount()));
        slice = buffer;
    }
    done_bytes_ += slice.size();
    if (!slice.empty()) {
        if (Result<void> fed = api_->feed(slice); !fed) {
            finish_import(fed.error());
            return true;
        }
        return true;
    }
    reading_ = std::ifstream();
    if (Result<void> ended = api_->end(); !ended) {
        finish_import(ended.error());
        return true;
    }
    if (!open_next_file()) finish_import(std::nullopt);
    return true;
}

void WorkforceScreen::finish_import(std::optional<Error> error) {
    reading_ = std::ifstream();
    pending_roles_.clear();
    if (error) {
        api_->restart_import();
        fail(std::move(*error));
    }
    st_.step = WorkforceStep::report;
}

void WorkforceScreen::apply(const wf_action::CancelImport&) {
    api_->restart_import();
    reading_ = std::ifstream();
    pending_roles_.clear();
    st_.step = WorkforceStep::mapping;
}

void WorkforceScreen::apply(const wf_action::SetSurvey& a) {
    st_.survey[a.part][a.column] = a.text;
}

void WorkforceScreen::apply(const wf_action::Compute&) {
    st_.problems.clear();
    st_.survey_errors = api_->set_survey(st_.survey);
    if (!st_.survey_errors.empty()) return;
    if (Result<void> done = api_->compute(10, st_.year); !done) {
        fail(done.error());
        return;
    }
    st_.step = WorkforceStep::results;
}

void WorkforceScreen::apply(const wf_action::Export& a) {
    const std::string bytes = api_->export_text(a.format);
    if (bytes.empty()) return;
    const std::filesystem::path to =
        std::filesystem::path(st_.export_folder) / api_->export_name(a.format);
    if (Result<void> sent = platform_->deliver(to, mime_of(a.format), bytes); !sent) {
        fail(sent.error());
        return;
    }
    st_.status = fill(platform_->uses_paths() ? text::wf_saved : text::wf_downloaded,
                      platform_->uses_paths() ? to.string() : to.filename().string());
}

void WorkforceScreen::keep_results_as_evidence() {
    const wf::Standard* standard = api_->standard();
    std::string bytes = api_->export_text(wf::ExportFormat::html);
    if (!keep_as_evidence_ || standard == nullptr || bytes.empty()) return;
    keep_as_evidence_(standard->id, api_->export_name(wf::ExportFormat::html), std::move(bytes));
}

void WorkforceScreen::apply(const wf_action::Go& a) {
    st_.problems.clear();
    st_.step = a.step;
    // The survey step starts from what the core holds: the counts' year, figures read before.
    if (a.step == WorkforceStep::survey) {
        if (st_.year.empty()) st_.year = api_->year();
        if (st_.survey.empty()) st_.survey = api_->survey_drafts();
    }
}

// ---- drawing -------------------------------------------------------------------------------

void WorkforceScreen::focus_here() {
    if (!take_focus_) return;
    widgets::focus_last_item(true);
    take_focus_ = false;
}

void WorkforceScreen::draw(const Look& look, float height) {
    // A new step, or the section shown again after another: the keyboard starts in it.
    if (st_.step != drawn_step_ || ImGui::GetFrameCount() != drawn_frame_ + 1) take_focus_ = true;
    drawn_step_ = st_.step;
    drawn_frame_ = ImGui::GetFrameCount();
    ImGui::PushID("workforce");
    // Long steps (the mapping, the results) scroll; the keyboard moves in and out of the region.
    ImGui::BeginChild("steps", ImVec2(0.0F, height), false, ImGuiWindowFlags_NavFlattened);
    draw_problems(look);
    switch (st_.step) {
        case WorkforceStep::choose:
            draw_choose(look);
            break;
        case WorkforceStep::files:
            draw_files(look);
            break;
        case WorkforceStep::mapping:
            draw_mapping(look);
            break;
        case WorkforceStep::importing:
            draw_importing(look);
            break;
        case WorkforceStep::report:
            draw_report(look);
            break;
        case WorkforceStep::survey:
            draw_survey(look);
            break;
        case WorkforceStep::results:
            draw_results(look);
            break;
    }
    ImGui::EndChild();
    ImGui::PopID();
    for (const WorkforceAction& a : std::exchange(queue_, {}))
        act(a);
    step_import();
}

void WorkforceScreen::draw_problems(const Look& look) {
    if (!st_.status.empty()) widgets::muted(look, st_.status);
    for (const Error& e : st_.problems)
        widgets::problem(look, e.message());
}

void WorkforceScreen::draw_choose(const Look& look) {
    widgets::heading(look, text::wf_choose_heading);
    widgets::paragraph(text::wf_choose_hint);
    for (const wf::Standard& s : api_->standards()) {
        ImGui::PushID(s.id.c_str());
        if (ImGui::Button(s.defs.title.c_str())) queue_.push_back(wf_action::Choose{s.id});
        focus_here();
        ImGui::PopID();
    }
    if (api_->standards().empty()) widgets::problem(look, text::wf_no_standards);
}

void WorkforceScreen::draw_files(const Look& look) {
    const wf::Standard& s = *api_->standard();
    widgets::heading(look, fill(text::wf_files_heading, s.defs.short_title));
    widgets::paragraph(text::wf_files_hint);
    for (const wf::InputDef* in : csv_inputs())
        draw_file_row(look, in->role, in->title, in->optional);
    ImGui::Spacing();
    if (ImGui::Button(text::wf_continue_columns)) queue_.push_back(wf_action::ToMapping{});
    ImGui::SameLine();
    if (ImGui::Button(text::wf_back)) queue_.push_back(wf_action::Go{WorkforceStep::choose});
    ImGui::Separator();
    draw_file_row(look, std::string(workforce_counts_role),
                  fill(text::wf_counts_title, s.defs.counts_format), true);
    if (ImGui::Button(text::wf_use_counts)) queue_.push_back(wf_action::UseCounts{});
}

// A file for a role: a path to type (desktop) or the browser's file chooser.
void WorkforceScreen::draw_file_row(const Look& look, const std::string& role,
                                    const std::string& title, bool optional) {
    ImGui::PushID(role.c_str());
    widgets::subheading(look, optional ? fill(text::wf_file_optional, title) : title);
    const WorkforceFile& f = st_.files[role];
    if (platform_->uses_paths()) {
        ImGui::SetNextItemWidth(-1.0F);
        std::string draft = f.path;
        if (ImGui::InputTextWithHint("##path", text::wf_path_hint, &draft))
            queue_.push_back(wf_action::SetPath{role, draft});
        focus_here();
    } else {
        if (ImGui::Button(text::wf_choose_file)) queue_.push_back(wf_action::PickFile{role});
        focus_here();
        ImGui::SameLine();
        widgets::muted(look, f.uploaded ? fill(text::wf_file_chosen, f.name, f.bytes.size())
                                        : std::string(text::wf_file_none));
    }
    ImGui::PopID();
}

void WorkforceScreen::draw_mapping(const Look& look) {
    widgets::heading(look, text::wf_mapping_heading);
    widgets::paragraph(text::wf_mapping_hint);
    const wf::Standard& s = *api_->standard();
    for (const wf::MappingProposal& p : st_.proposals) {
        ImGui::PushID(p.role.c_str());
        const wf::InputDef* in = s.defs.input(p.role);
        widgets::subheading(look, fill(text::wf_mapping_file, in->title, st_.files[p.role].name));
        const auto errors = st_.mapping_errors.find(p.role);
        for (const wf::ColumnChoice& c : p.columns) {
            ImGui::PushID(c.field.c_str());
            if (errors != st_.mapping_errors.end()) {
                for (const wf::FieldError& e : errors->second)
                    if (e.field == c.field) widgets::problem(look, e.message);
            }
            const std::string label = c.required ? fill(text::wf_field_needed, c.label) : c.label;
            widgets::paragraph(label);
            ImGui::SetNextItemWidth(
                std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 24.0F));
            const char* preview = c.heading.empty() ? text::wf_not_in_file : c.heading.c_str();
            if (ImGui::BeginCombo("##column", preview)) {
                if (ImGui::Selectable(text::wf_not_in_file, c.heading.empty()))
                    queue_.push_back(wf_action::SetColumn{p.role, c.field, ""});
                for (const std::string& h : p.headings) {
                    ImGui::PushID(&h);
                    if (ImGui::Selectable(h.c_str(), h == c.heading))
                        queue_.push_back(wf_action::SetColumn{p.role, c.field, h});
                    ImGui::PopID();
                }
                ImGui::EndCombo();
            }
            focus_here();
            ImGui::PopID();
        }
        if (errors != st_.mapping_errors.end()) {
            for (const wf::FieldError& e : errors->second) {
                const bool shown =
                    std::any_of(p.columns.begin(), p.columns.end(),
                                [&](const wf::ColumnChoice& c) { return c.field == e.field; });
                if (!shown) widgets::problem(look, e.message);
            }
        }
        std::string unused;
        for (const std::string& h : p.headings) {
            const bool taken =
                std::any_of(p.columns.begin(), p.columns.end(),
                            [&](const wf::ColumnChoice& c) { return c.heading == h; });
            if (!taken) unused += (unused.empty() ? "" : ", ") + h;
        }
        if (!unused.empty()) widgets::muted(look, fill(text::wf_unmatched, unused));
        ImGui::Separator();
        ImGui::PopID();
    }
    if (ImGui::Button(text::wf_import)) queue_.push_back(wf_action::StartImport{});
    ImGui::SameLine();
    if (ImGui::Button(text::wf_back)) queue_.push_back(wf_action::Go{WorkforceStep::files});
}

void WorkforceScreen::draw_importing(const Look& look) {
    widgets::heading(look, text::wf_importing_heading);
    const wf::ImportProgress& p = api_->progress();
    const int percent = static_cast<int>(std::lround(progress() * 100.0F));
    const std::string words = fill(text::wf_importing, p.file, percent);
    ImGui::ProgressBar(progress(), ImVec2(-1.0F, 0.0F), words.c_str());
    widgets::paragraph(words);
    if (ImGui::Button(text::wf_cancel)) queue_.push_back(wf_action::CancelImport{});
    focus_here();
}

void WorkforceScreen::draw_report(const Look& look) {
    widgets::heading(look, text::wf_report_heading);
    const wf::ImportReport* r = api_->import_report();
    if (r != nullptr && !r->files.empty() &&
        ImGui::BeginTable("files", 5, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) {
        ImGui::TableSetupColumn(text::wf_col_file);
        ImGui::TableSetupColumn(text::wf_col_rows);
        ImGui::TableSetupColumn(text::wf_col_used);
        ImGui::TableSetupColumn(text::wf_col_excluded);
        ImGui::TableSetupColumn(text::wf_col_rejected);
        ImGui::TableHeadersRow();
        auto reasons = [](const std::map<std::string, std::uint64_t>& m) {
            if (m.empty()) return std::string(text::wf_none);
            std::string out;
            for (const auto& [why, n] : m)
                out += (out.empty() ? "" : "\n") + std::to_string(n) + " " + why;
            return out;
        };
        for (const wf::FileReport& f : r->files) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s: %s", f.role.c_str(), f.file.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%llu", static_cast<unsigned long long>(f.rows));
            ImGui::TableNextColumn();
            ImGui::Text("%llu", static_cast<unsigned long long>(f.used));
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", reasons(f.excluded).c_str());
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", reasons(f.rejected).c_str());
        }
        ImGui::EndTable();
    }
    if (r != nullptr) {
        if (r->problem_count > 0)
            widgets::subheading(look, fill(text::wf_report_problems, r->problem_count));
        for (const Error& e : r->problems)
            widgets::problem(look, e.message());
        if (r->problem_count > r->problems.size())
            widgets::muted(look, fill(text::wf_report_more, r->problem_count - r->problems.size()));
        for (const std::string& note : r->notes)
            widgets::muted(look, note);
    }
    ImGui::Spacing();
    if (button(text::wf_continue_survey, api_->has_counts()))
        queue_.push_back(wf_action::Go{WorkforceStep::survey});
    focus_here();
    ImGui::SameLine();
    if (ImGui::Button(text::wf_back)) queue_.push_back(wf_action::Go{WorkforceStep::files});
}

void WorkforceScreen::draw_survey(const Look& look) {
    widgets::heading(look, text::wf_survey_heading);
    widgets::paragraph(text::wf_year_label);
    std::string year = st_.year;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0F);
    if (ImGui::InputText("##year", &year)) queue_.push_back(wf_action::SetYear{year});
    focus_here();
    widgets::paragraph(text::wf_survey_hint);
    const wf::Standard& s = *api_->standard();
    for (const wf::IndicatorDef& ind : s.defs.indicators) {
        if (ind.kind != wf::IndicatorKind::survey) continue;
        for (const wf::PartDef& part : ind.parts) {
            ImGui::PushID(part.code.c_str());
            widgets::subheading(look,
                                part.code + ": " + (part.title.empty() ? ind.title : part.title));
            for (const wf::SurveyColumn& c : part.columns) {
                ImGui::PushID(c.key.c_str());
                for (const wf::FieldError& e : st_.survey_errors)
                    if (e.field == part.code + "/" + c.key) widgets::problem(look, e.message);
                std::string draft = st_.survey[part.code][c.key];
                ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0F);
                if (ImGui::InputText(c.label.c_str(), &draft, ImGuiInputTextFlags_CharsDecimal))
                    queue_.push_back(wf_action::SetSurvey{part.code, c.key, draft});
                focus_here();
                ImGui::PopID();
            }
            ImGui::PopID();
        }
    }
    draw_survey_files(look);
    ImGui::Spacing();
    if (ImGui::Button(text::wf_compute)) queue_.push_back(wf_action::Compute{});
    ImGui::SameLine();
    if (ImGui::Button(text::wf_back)) queue_.push_back(wf_action::Go{WorkforceStep::report});
}

// The survey figures from a CSV file instead of typing them, and last year's counts file.
void WorkforceScreen::draw_survey_files(const Look& look) {
    ImGui::Separator();
    draw_file_row(look, std::string(workforce_survey_role), text::wf_survey_file_title, true);
    if (ImGui::Button(text::wf_import_survey)) queue_.push_back(wf_action::ImportSurvey{});
    ImGui::Separator();
    widgets::subheading(look, text::wf_previous_heading);
    widgets::paragraph(text::wf_previous_hint);
    draw_file_row(look, std::string(workforce_previous_role), text::wf_previous_title, true);
    if (ImGui::Button(text::wf_use_previous)) queue_.push_back(wf_action::UsePrevious{});
    if (api_->has_previous())
        widgets::muted(look, fill(text::wf_previous_given, api_->previous_text()));
}

void WorkforceScreen::draw_results(const Look& look) {
    const wf::Results* r = api_->results();
    if (r == nullptr) return;
    const wf::Definitions& defs = *r->defs;
    widgets::heading(look, fill(text::wf_results_heading, defs.short_title,
                                r->year.empty() ? std::string() : ", " + r->year));
    if (r->suppress_below > 1) {
        widgets::paragraph(fill(text::wf_results_suppression, r->suppress_below - 1,
                                wf::suppressed_mark, r->suppressed_cells, r->secondary_cells));
    } else {
        widgets::problem(look, text::wf_results_no_suppression);
    }
    if (ImGui::BeginTable(
            "indicators", 5,
            ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        constexpr ImGuiTableColumnFlags stretch = ImGuiTableColumnFlags_WidthStretch;
        ImGui::TableSetupColumn(text::wf_col_indicator, stretch, 1.5F);
        ImGui::TableSetupColumn(text::wf_col_value, stretch, 1.5F);
        ImGui::TableSetupColumn(text::wf_col_counts, stretch, 2.5F);
        ImGui::TableSetupColumn(text::wf_col_interval, stretch, 1.0F);
        ImGui::TableSetupColumn(text::wf_col_flags, stretch, 2.0F);
        ImGui::TableHeadersRow();
        for (const wf::IndicatorResult& ind : r->indicators) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s: %s", ind.def->code.c_str(), ind.def->short_title.c_str());
            ImGui::TableNextColumn();
            std::string value = wf::describe_value(ind, ind.current.value);
            if (ind.previous)
                value +=
                    "\n" + fill(text::wf_last_year, wf::describe_value(ind, ind.previous->value));
            ImGui::TextWrapped("%s", value.c_str());
            ImGui::TableNextColumn();
            std::string counts;
            std::string interval;
            if (const auto& l = ind.current.likelihood) {
                counts = fill(text::wf_numerators, cells_text(defs, l->events)) + "\n" +
                         fill(text::wf_denominators, cells_text(defs, l->bases));
                interval = l->lower.state == wf::State::shown
                               ? fill(text::wf_interval, wf::format_ratio(l->lower.value),
                                      wf::format_ratio(l->upper.value))
                               : wf::describe_value(ind, l->lower);
            }
            ImGui::TextWrapped("%s", counts.c_str());
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", interval.c_str());
            ImGui::TableNextColumn();
            std::string flags;
            for (const std::string& f : ind.flags)
                flags += (flags.empty() ? "" : "; ") + wf::flag_text(f);
            ImGui::TextWrapped("%s", flags.c_str());
        }
        ImGui::EndTable();
    }
    for (const wf::IndicatorResult& ind : r->indicators) {
        ImGui::PushID(ind.def->code.c_str());
        const bool open = ImGui::CollapsingHeader(
            fill(text::wf_indicator_details, ind.def->code, ind.def->title).c_str());
        focus_here();
        if (open) {
            if (ind.def->kind == wf::IndicatorKind::representation) {
                draw_band_chart(*r, ind, look);
            } else if (ind.current.likelihood) {
                draw_ratio_chart(*r, ind, look);
            }
            const std::string said = wf::sentence(ind);
            if (!said.empty()) widgets::paragraph(said);
            if (ind.previous)
                widgets::paragraph(
                    fill(text::wf_last_year, wf::describe_value(ind, ind.previous->value)));
            if (ind.pooled)
                widgets::paragraph(fill(text::wf_pooled, ind.def->pooled->label,
                                        wf::describe_value(ind, ind.pooled->ratio),
                                        wf::interval_text(ind, *ind.pooled)));
            if (ind.def->kind == wf::IndicatorKind::board_difference)
                widgets::paragraph(fill(text::wf_sign, ind.def->sign));
            widgets::muted(look, ind.def->interpretation);
            for (const wf::Unconfirmed& u : ind.unconfirmed)
                widgets::unconfirmed_note(look, u.what, u.note);
        }
        ImGui::PopID();
    }
    ImGui::Spacing();
    widgets::subheading(look, text::wf_export_heading);
    if (platform_->uses_paths()) {
        widgets::paragraph(text::wf_export_folder);
        ImGui::SetNextItemWidth(-1.0F);
        ImGui::InputText("##export_folder", &st_.export_folder);
    }
    const bool paths = platform_->uses_paths();
    if (ImGui::Button(paths ? text::wf_save_csv : text::wf_download_csv))
        queue_.push_back(wf_action::Export{wf::ExportFormat::csv});
    ImGui::SameLine();
    if (ImGui::Button(paths ? text::wf_save_json : text::wf_download_json))
        queue_.push_back(wf_action::Export{wf::ExportFormat::json});
    ImGui::SameLine();
    if (ImGui::Button(paths ? text::wf_save_html : text::wf_download_html))
        queue_.push_back(wf_action::Export{wf::ExportFormat::html});
    widgets::paragraph(text::wf_counts_next_year_hint);
    if (ImGui::Button(paths ? text::wf_save_counts : text::wf_download_counts))
        queue_.push_back(wf_action::Export{wf::ExportFormat::counts});
    if (keep_as_evidence_ && ImGui::Button(text::wf_keep_as_evidence)) keep_results_as_evidence();
    if (ImGui::Button(text::wf_start_again)) queue_.push_back(wf_action::Go{WorkforceStep::files});
}

}  // namespace eqkit::ui
