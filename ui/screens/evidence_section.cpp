#include "screens/evidence_section.hpp"

#include <algorithm>
#include <system_error>

#include <imgui.h>
#include <imgui_stdlib.h>
#include <nlohmann/json.hpp>

#include "eqkit/crosswalk.hpp"
#include "eqkit/dates.hpp"
#include "eqkit/files.hpp"
#include "eqkit/signing.hpp"
#include "text.hpp"
#include "widgets/typography.hpp"

namespace eqkit::ui {
namespace {

// Where the browser's uploads wait in memory (not in the kept /persist folder).
const std::filesystem::path upload_folder = "/tmp/eqkit-uploads";
constexpr const char* pack_file_name = "evidence-pack.zip";

std::string_view kind_label(EvidenceKind kind) {
    switch (kind) {
        case EvidenceKind::file:
            return text::evidence_kind_file;
        case EvidenceKind::link:
            return text::evidence_kind_link;
        case EvidenceKind::note:
            return text::evidence_kind_note;
    }
    return text::evidence_kind_note;
}

std::string period(const Evidence& evidence) {
    if (evidence.effective_to.empty()) return evidence.effective_from;
    return fill(text::evidence_period, evidence.effective_from, evidence.effective_to);
}

// A labelled single-line field; labels sit above fields so they stay readable at large sizes.
void field(const char* label, const char* id, std::string& value) {
    ImGui::TextUnformatted(label);
    ImGui::SetNextItemWidth(-1.0F);
    ImGui::InputText(id, &value);
}

std::filesystem::path upload_path(std::string_view name) {
    // Only the last part of the name the browser gave, so nothing lands outside the folder.
    std::filesystem::path leaf = std::filesystem::path(std::string(name)).filename();
    if (leaf.empty() || leaf == "." || leaf == "..") leaf = "upload";
    return upload_folder / leaf;
}

}  // namespace

EvidenceSection::EvidenceSection(const Registry& registry, Platform& platform)
    : registry_(&registry), platform_(&platform) {}

void EvidenceSection::open_library(ErrorList& problems) {
    const std::filesystem::path dir = platform_->library_folder();
    std::error_code ec;
    if (std::filesystem::exists(dir / workspace_index_name, ec)) {
        Checked<WorkspaceFolder> opened = WorkspaceFolder::open(dir, *registry_);
        if (!opened) {
            problems.insert(problems.end(), opened.error().begin(), opened.error().end());
            return;
        }
        library_.emplace(std::move(*opened));
        return;
    }
    Result<WorkspaceFolder> made = WorkspaceFolder::create(dir, *registry_);
    if (!made) {
        problems.push_back(made.error());
        return;
    }
    library_.emplace(std::move(*made));
    changed();
}

std::string EvidenceSection::today() const {
    return today_iso();
}

void EvidenceSection::changed() {
    platform_->library_changed();
}

// ---------------------------------------------------------------------------------------------
// Queries

std::vector<EvidenceLine> EvidenceSection::lines_for(std::string_view item_ref) const {
    std::vector<EvidenceLine> lines;
    if (!library_ || job_.running()) return lines;
    const std::string now = today();
    for (const Evidence& evidence : library_->evidence()) {
        if (!evidence.supports_item(item_ref)) continue;
        lines.push_back({evidence.id, evidence.title, evidence.kind, evidence.expired(now)});
    }
    return lines;
}

ItemContext EvidenceSection::context_for(std::string_view framework, std::string_view code) const {
    ItemContext context;
    context.ref = std::string(framework) + ":" + std::string(code);
    context.evidence = lines_for(context.ref);
    for (const CrosswalkLink& link : linked_items(*registry_, framework, code)) {
        LinkedItemLine line;
        line.ref = link.ref();
        const Framework* other = registry_->find(link.framework);
        const std::string title = other ? std::string(other->display_title()) : link.framework;
        line.heading = fill(text::editor_link_heading, relationship_words(link.relationship), title,
                            link.code, link.title);
        line.rationale = link.rationale;
        line.official = link.official;
        line.provenance = link.provenance;
        for (EvidenceLine& there : lines_for(line.ref)) {
            const bool here =
                std::any_of(context.evidence.begin(), context.evidence.end(),
                            [&there](const EvidenceLine& e) { return e.id == there.id; });
            if (!here) line.evidence.push_back(std::move(there));
        }
        context.links.push_back(std::move(line));
    }
    return context;
}

std::vector<std::string> EvidenceSection::visible_ids() const {
    std::vector<std::string> ids;
    if (!library_) return ids;
    const std::string now = today();
    for (const Evidence& evidence : library_->evidence()) {
        const bool shown = filter_ == EvidenceFilter::all ||
                           (filter_ == EvidenceFilter::expired && evidence.expired(now)) ||
                           (filter_ == EvidenceFilter::unattached && evidence.supports.empty());
        if (shown) ids.push_back(evidence.id);
    }
    return ids;
}

void EvidenceSection::state_json(nlohmann::json& into) const {
    nlohmann::json state = nlohmann::json::object();
    state["open"] = library_.has_value();
    state["evidence"] = library_ ? library_->evidence().size() : 0;
    state["visible"] = visible_ids();
    state["selected"] = selected_;
    state["form"] = form_.has_value();
    state["busy"] = job_.running();
    state["findings"] = findings_.size();
    state["outcome"] = outcome_;
    state["verified"] = verified_ ? nlohmann::json(verified_->intact()) : nlohmann::json(nullptr);
    into["evidence"] = std::move(state);
}

// ---------------------------------------------------------------------------------------------
// Changes

void EvidenceSection::start_add(EvidenceKind kind) {
    form_ = EvidenceForm{};
    form_->kind = kind;
    form_->details.effective_from = today();
    form_->details.added_by = last_added_by_;
    form_errors_.clear();
    upload_bytes_.clear();
}

void EvidenceSection::start_edit(std::string_view evidence_id) {
    const Evidence* evidence = library_ ? library_->find_evidence(evidence_id) : nullptr;
    if (evidence == nullptr) return;
    form_ = EvidenceForm{};
    form_->kind = evidence->kind;
    form_->editing = evidence->id;
    form_->details = {evidence->title,        evidence->description, evidence->effective_from,
                      evidence->effective_to, evidence->expires,     evidence->added_by,
                      evidence->supports};
    form_errors_.clear();
}

bool EvidenceSection::save_form(ErrorList& problems) {
    if (!library_ || !form_) return false;
    form_errors_.clear();
    const EvidenceForm& f = *form_;
    Checked<std::string> added = std::string();
    if (!f.editing.empty()) {
        Checked<void> edited = library_->edit_evidence(f.editing, f.details);
        if (!edited)
            added = tl::unexpected(std::move(edited.error()));
        else
            added = f.editing;
    } else if (f.kind == EvidenceKind::link) {
        added = library_->add_link(f.url, f.details, today());
    } else if (f.kind == EvidenceKind::note) {
        added = library_->add_note(f.note, f.details, today());
    } else if (platform_->uses_paths()) {
        added = library_->add_file(f.source, f.details, today());
    } else {
        // The browser's upload is written to memory first; the library copies it in.
        std::error_code ec;
        std::filesystem::create_directories(upload_folder, ec);
        const std::filesystem::path staged = upload_path(f.source);
        if (Result<void> written = save_atomically(staged, upload_bytes_); !written) {
            problems.push_back(written.error());
            return false;
        }
        added = library_->add_file(staged, f.details, today());
        std::filesystem::remove(staged, ec);
    }
    if (!added) {
        form_errors_ = std::move(added.error());
        return false;
    }
    selected_ = *added;
    last_added_by_ = f.details.added_by;
    outcome_ =
        fill(f.editing.empty() ? text::evidence_added : text::evidence_saved, f.details.title);
    form_.reset();
    upload_bytes_.clear();
    changed();
    return true;
}

void EvidenceSection::attach(std::string_view evidence_id, std::string_view item_ref,
                             ErrorList& problems) {
    if (!library_) return;
    if (Result<void> done = library_->attach(evidence_id, item_ref); !done) {
        problems.push_back(done.error());
        return;
    }
    changed();
}

void EvidenceSection::detach(std::string_view evidence_id, std::string_view item_ref,
                             ErrorList& problems) {
    if (!library_) return;
    if (Result<void> done = library_->detach(evidence_id, item_ref); !done) {
        problems.push_back(done.error());
        return;
    }
    changed();
}

void EvidenceSection::receive_file(std::string_view purpose, std::string bytes, std::string name,
                                   ErrorList& problems) {
    if (purpose == upload_evidence) {
        if (!form_ || form_->kind != EvidenceKind::file) start_add(EvidenceKind::file);
        form_->source = std::move(name);
        if (form_->details.title.empty()) {
            form_->details.title = std::filesystem::path(form_->source).stem().string();
        }
        upload_bytes_ = std::move(bytes);
        return;
    }
    std::error_code ec;
    std::filesystem::create_directories(upload_folder, ec);
    const std::filesystem::path staged = upload_path(name);
    if (Result<void> written = save_atomically(staged, bytes); !written) {
        problems.push_back(written.error());
        return;
    }
    pack_path_ = staged.string();
    verify_pack(staged);
}

// ---------------------------------------------------------------------------------------------
// Packs

bool EvidenceSection::store_open_assessment(const Workspace& open, ErrorList& problems) {
    if (!open.is_open()) return true;
    const Framework& framework = open.framework();
    if (library_->find_assessment(framework.id) == nullptr) {
        Result<std::string> added =
            library_->add_assessment(framework, open.assessment().title, framework.id);
        if (!added) {
            problems.push_back(added.error());
            return false;
        }
    }
    if (Result<void> saved = library_->save_assessment(framework.id, open.assessment()); !saved) {
        problems.push_back(saved.error());
        return false;
    }
    changed();
    return true;
}

void EvidenceSection::export_pack(const Workspace& open, ErrorList& problems) {
    if (!library_ || job_.running()) return;
    if (!store_open_assessment(open, problems)) return;
    if (!go_on_despite_findings_) {
        Result<std::vector<PersonalDataFinding>> scanned =
            scan_workspace_for_personal_data(*library_);
        if (!scanned) {
            problems.push_back(scanned.error());
            return;
        }
        findings_ = std::move(*scanned);
        if (!findings_.empty()) return;  // the screen asks whether to go on
    }
    go_on_despite_findings_ = false;
    findings_.clear();
    write_pack(problems);
}

void EvidenceSection::write_pack(ErrorList& problems) {
    ExportOptions options;
    options.tool_version = EQKIT_VERSION;
    if (!key_path_.empty()) {
        const Result<std::string> key_text = read_text_file(key_path_);
        Result<KeyPair> key = key_text ? parse_secret_key_file(*key_text, key_path_)
                                       : Result<KeyPair>(tl::unexpected(key_text.error()));
        if (!key) {
            problems.push_back(key.error());
            return;
        }
        options.signing_key = std::move(*key);
    }
    job_pack_ = platform_->uses_paths() ? std::filesystem::path(export_path_)
                                        : upload_folder / pack_file_name;
    if (job_pack_.empty()) {
        problems.push_back({text::evidence_pack, "", text::evidence_pack_needs_path});
        return;
    }
    std::error_code ec;
    if (!platform_->uses_paths()) std::filesystem::create_directories(upload_folder, ec);
    exported_.reset();
    job_.start([this, options = std::move(options)](const BackgroundJob::Progress& progress) {
        ExportOptions with_progress = options;
        with_progress.progress = progress;
        exported_ = eqkit::export_pack(*library_, job_pack_, with_progress);
    });
}

void EvidenceSection::verify_pack(const std::filesystem::path& pack) {
    if (job_.running()) return;
    verified_.reset();
    job_pack_ = pack;
    job_.start([this](const BackgroundJob::Progress& progress) {
        verified_ = eqkit::verify_pack(job_pack_, PackLimits{}, progress);
    });
}

void EvidenceSection::import_pack(const std::filesystem::path& pack, ErrorList& /*problems*/) {
    if (!library_ || job_.running()) return;
    imported_.reset();
    job_pack_ = pack;
    job_.start([this](const BackgroundJob::Progress& progress) {
        imported_ = eqkit::import_pack(job_pack_, *library_, PackLimits{}, progress);
    });
}

void EvidenceSection::collect(ErrorList& problems) {
    if (!job_.finished()) return;
    if (exported_) {
        if (!*exported_) {
            problems.push_back(exported_->error());
        } else if (platform_->uses_paths()) {
            outcome_ =
                fill(text::evidence_pack_written, job_pack_.string(), (*exported_)->assessments,
                     (*exported_)->evidence_files, (*exported_)->links_and_notes);
        } else {
            const Result<std::string> bytes = read_text_file(job_pack_);
            Result<void> sent = bytes
                                    ? platform_->deliver(pack_file_name, "application/zip", *bytes)
                                    : Result<void>(tl::unexpected(bytes.error()));
            if (!sent)
                problems.push_back(sent.error());
            else
                outcome_ = fill(text::evidence_pack_downloaded, pack_file_name);
            std::error_code ec;
            std::filesystem::remove(job_pack_, ec);
        }
        exported_.reset();
    }
    if (verified_) {
        outcome_ = verified_->intact()
                       ? fill(text::evidence_pack_intact, verified_->files_checked)
                       : fill(text::evidence_pack_not_intact, verified_->problems.size());
    }
    if (imported_) {
        if (!*imported_) {
            problems.insert(problems.end(), imported_->error().begin(), imported_->error().end());
            outcome_ = text::evidence_pack_refused;
        } else {
            outcome_ =
                fill(text::evidence_pack_imported, (*imported_)->added_assessments.size(),
                     (*imported_)->added_evidence.size(), (*imported_)->already_present.size());
            changed();
        }
        imported_.reset();
    }
}

// ---------------------------------------------------------------------------------------------
// Drawing

void EvidenceSection::draw(const Workspace& open, const Look& look, float height,
                           ErrorList& problems) {
    collect(problems);
    if (!library_) {
        widgets::problem(look, text::evidence_not_open);
        return;
    }
    if (job_.running()) {
        widgets::subheading(look, text::evidence_pack_working);
        ImGui::ProgressBar(job_.fraction(), ImVec2(-1.0F, 0.0F));
        if (ImGui::Button(text::evidence_cancel)) job_.cancel();
        return;
    }
    draw_toolbar(open, look);
    const float width = ImGui::GetContentRegionAvail().x;
    const float rest = std::max(height - ImGui::GetFrameHeightWithSpacing() * 2.0F,
                                ImGui::GetFrameHeightWithSpacing() * 4.0F);
    ImGui::BeginChild("evidence_list", ImVec2(width * 0.5F, rest), true);
    draw_list(look, rest);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("evidence_detail", ImVec2(0.0F, rest), true);
    if (form_) {
        draw_form(look);
    } else if (const Evidence* evidence = library_->find_evidence(selected_)) {
        widgets::heading(look, evidence->title);
        if (ImGui::Button(text::evidence_edit)) {
            actions_.push_back([this, id = evidence->id](ErrorList&) { start_edit(id); });
        }
        draw_attachments(*evidence, look);
    }
    ImGui::Separator();
    draw_packs(open, look);
    ImGui::EndChild();

    for (Action& action : std::exchange(actions_, {}))
        action(problems);
}

void EvidenceSection::draw_toolbar(const Workspace& /*open*/, const Look& /*look*/) {
    if (ImGui::Button(platform_->uses_paths() ? text::evidence_add_file
                                              : text::evidence_add_file_upload)) {
        actions_.push_back([this](ErrorList&) {
            start_add(EvidenceKind::file);
            if (!platform_->uses_paths()) platform_->choose_file(upload_evidence);
        });
    }
    ImGui::SameLine();
    if (ImGui::Button(text::evidence_add_link)) {
        actions_.push_back([this](ErrorList&) { start_add(EvidenceKind::link); });
    }
    ImGui::SameLine();
    if (ImGui::Button(text::evidence_add_note)) {
        actions_.push_back([this](ErrorList&) { start_add(EvidenceKind::note); });
    }
    ImGui::SameLine();
    ImGui::TextUnformatted(text::evidence_show);
    int filter = static_cast<int>(filter_);
    ImGui::SameLine();
    ImGui::RadioButton(text::evidence_filter_all, &filter, 0);
    ImGui::SameLine();
    ImGui::RadioButton(text::evidence_filter_expired, &filter, 1);
    ImGui::SameLine();
    ImGui::RadioButton(text::evidence_filter_unattached, &filter, 2);
    filter_ = static_cast<EvidenceFilter>(filter);
}

void EvidenceSection::draw_list(const Look& look, float /*height*/) {
    const std::vector<std::string> ids = visible_ids();
    if (ids.empty()) {
        widgets::muted(
            look, library_->evidence().empty() ? text::evidence_none : text::evidence_none_match);
        return;
    }
    constexpr ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("evidence", 4, flags)) return;
    ImGui::TableSetupColumn(text::evidence_column_title, ImGuiTableColumnFlags_WidthStretch, 3.0F);
    ImGui::TableSetupColumn(text::evidence_column_kind, ImGuiTableColumnFlags_WidthStretch, 1.0F);
    ImGui::TableSetupColumn(text::evidence_column_effective, ImGuiTableColumnFlags_WidthStretch,
                            2.0F);
    ImGui::TableSetupColumn(text::evidence_column_status, ImGuiTableColumnFlags_WidthStretch, 2.0F);
    ImGui::TableHeadersRow();
    const std::string now = today();
    for (const std::string& id : ids) {
        const Evidence& evidence = *library_->find_evidence(id);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(id.c_str());
        if (ImGui::Selectable(evidence.title.c_str(), selected_ == id,
                              ImGuiSelectableFlags_SpanAllColumns)) {
            selected_ = id;
            form_.reset();
        }
        ImGui::PopID();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(kind_label(evidence.kind).data());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(period(evidence).c_str());
        ImGui::TableNextColumn();
        if (evidence.expired(now)) {
            ImGui::TextColored(look.accents.problem, "%s",
                               fill(text::evidence_expired_on, evidence.expires).c_str());
        } else if (evidence.supports.empty()) {
            ImGui::TextColored(look.accents.unconfirmed, "%s", text::evidence_unattached);
        } else {
            ImGui::TextUnformatted(fill(text::evidence_supports, evidence.supports.size()).c_str());
        }
    }
    ImGui::EndTable();
}

void EvidenceSection::draw_form(const Look& look) {
    EvidenceForm& f = *form_;
    widgets::heading(look, f.editing.empty() ? fill(text::evidence_form_add, kind_label(f.kind))
                                             : fill(text::evidence_form_edit, f.details.title));
    for (const Error& error : form_errors_) {
        widgets::problem(look, error.place.empty()
                                   ? error.reason
                                   : fill(text::evidence_form_error, error.place, error.reason));
    }
    if (f.editing.empty()) {
        if (f.kind == EvidenceKind::file && platform_->uses_paths()) {
            field(text::evidence_field_file, "##file", f.source);
        } else if (f.kind == EvidenceKind::file) {
            ImGui::TextUnformatted(f.source.empty() ? text::evidence_no_file_chosen
                                                    : f.source.c_str());
            if (ImGui::Button(text::evidence_choose_file)) platform_->choose_file(upload_evidence);
        } else if (f.kind == EvidenceKind::link) {
            field(text::evidence_field_url, "##url", f.url);
        } else {
            ImGui::TextUnformatted(text::evidence_field_note);
            ImGui::InputTextMultiline("##note", &f.note,
                                      ImVec2(-1.0F, ImGui::GetTextLineHeight() * 5.0F));
        }
    }
    field(text::evidence_field_title, "##title", f.details.title);
    ImGui::TextUnformatted(text::evidence_field_description);
    ImGui::InputTextMultiline("##description", &f.details.description,
                              ImVec2(-1.0F, ImGui::GetTextLineHeight() * 3.0F));
    field(text::evidence_field_effective_from, "##from", f.details.effective_from);
    field(text::evidence_field_effective_to, "##to", f.details.effective_to);
    field(text::evidence_field_expires, "##expires", f.details.expires);
    field(text::evidence_field_added_by, "##by", f.details.added_by);
    if (ImGui::Button(text::evidence_save)) {
        actions_.push_back([this](ErrorList& problems) { (void)save_form(problems); });
    }
    ImGui::SameLine();
    if (ImGui::Button(text::evidence_cancel)) {
        actions_.push_back([this](ErrorList&) { form_.reset(); });
    }
}

void EvidenceSection::draw_attachments(const Evidence& evidence, const Look& look) {
    widgets::subheading(look, text::evidence_items_heading);
    if (evidence.supports.empty()) widgets::muted(look, text::evidence_unattached);
    for (const std::string& ref : evidence.supports) {
        ImGui::PushID(ref.c_str());
        ImGui::Bullet();
        ImGui::TextUnformatted(ref.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton(text::evidence_detach)) {
            actions_.push_back(
                [this, id = evidence.id, ref](ErrorList& problems) { detach(id, ref, problems); });
        }
        ImGui::PopID();
    }
    std::vector<const Framework*> frameworks;
    for (const Framework& framework : registry_->frameworks())
        frameworks.push_back(&framework);
    if (frameworks.empty()) return;
    attach_framework_ = std::clamp(attach_framework_, 0, static_cast<int>(frameworks.size()) - 1);
    const Framework& fw = *frameworks[static_cast<std::size_t>(attach_framework_)];
    ImGui::TextUnformatted(text::evidence_attach_to);
    ImGui::SetNextItemWidth(-1.0F);
    if (ImGui::BeginCombo("##framework", std::string(fw.display_title()).c_str())) {
        for (std::size_t i = 0; i < frameworks.size(); ++i) {
            if (ImGui::Selectable(std::string(frameworks[i]->display_title()).c_str(),
                                  static_cast<int>(i) == attach_framework_)) {
                attach_framework_ = static_cast<int>(i);
                attach_item_ = 0;
            }
        }
        ImGui::EndCombo();
    }
    std::vector<const Item*> items;
    for (const Group& group : fw.groups) {
        for (const Item& item : group.items)
            items.push_back(&item);
    }
    if (items.empty()) return;
    attach_item_ = std::clamp(attach_item_, 0, static_cast<int>(items.size()) - 1);
    const Item& chosen = *items[static_cast<std::size_t>(attach_item_)];
    ImGui::SetNextItemWidth(-1.0F);
    const std::string shown = fill(text::evidence_item_choice, chosen.code, chosen.title);
    if (ImGui::BeginCombo("##item", shown.c_str())) {
        for (std::size_t i = 0; i < items.size(); ++i) {
            const std::string label =
                fill(text::evidence_item_choice, items[i]->code, items[i]->title);
            if (ImGui::Selectable(label.c_str(), static_cast<int>(i) == attach_item_)) {
                attach_item_ = static_cast<int>(i);
            }
        }
        ImGui::EndCombo();
    }
    if (ImGui::Button(text::evidence_attach)) {
        actions_.push_back([this, id = evidence.id, ref = fw.id + ":" + chosen.code](
                               ErrorList& problems) { attach(id, ref, problems); });
    }
}

void EvidenceSection::draw_packs(const Workspace& open, const Look& look) {
    widgets::subheading(look, text::evidence_pack);
    widgets::muted(look, text::evidence_pack_explained);
    if (!outcome_.empty()) widgets::paragraph(outcome_);
    if (!findings_.empty()) {
        draw_findings(look);
        return;
    }
    if (platform_->uses_paths()) {
        if (export_path_.empty())
            export_path_ = (platform_->start_folder() / pack_file_name).string();
        field(text::evidence_pack_save_as, "##pack_out", export_path_);
        field(text::evidence_pack_key, "##pack_key", key_path_);
    }
    if (ImGui::Button(platform_->uses_paths() ? text::evidence_pack_export
                                              : text::evidence_pack_download)) {
        actions_.push_back([this, &open](ErrorList& problems) { export_pack(open, problems); });
    }
    ImGui::Spacing();
    if (platform_->uses_paths()) {
        field(text::evidence_pack_to_check, "##pack_in", pack_path_);
        if (ImGui::Button(text::evidence_pack_verify)) {
            actions_.push_back([this](ErrorList&) { verify_pack(pack_path_); });
        }
        ImGui::SameLine();
    } else if (ImGui::Button(text::evidence_pack_choose)) {
        platform_->choose_file(upload_pack);
    }
    if (!pack_path_.empty() && (platform_->uses_paths() || verified_)) {
        if (!platform_->uses_paths()) ImGui::SameLine();
        if (ImGui::Button(text::evidence_pack_import)) {
            actions_.push_back([this](ErrorList& problems) { import_pack(pack_path_, problems); });
        }
    }
    draw_verify_result(look);
}

void EvidenceSection::draw_findings(const Look& look) {
    widgets::problem(look, fill(text::evidence_findings_heading, findings_.size()));
    for (const PersonalDataFinding& finding : findings_) {
        ImGui::Bullet();
        widgets::paragraph(fill(text::evidence_finding, finding.where, finding.what));
    }
    if (ImGui::Button(text::evidence_findings_go_on)) {
        actions_.push_back([this](ErrorList& problems) {
            findings_.clear();
            go_on_despite_findings_ = true;
            write_pack(problems);
            go_on_despite_findings_ = false;
        });
    }
    ImGui::SameLine();
    if (ImGui::Button(text::evidence_cancel)) {
        actions_.push_back([this](ErrorList&) { findings_.clear(); });
    }
}

void EvidenceSection::draw_verify_result(const Look& look) {
    if (!verified_) return;
    if (verified_->signature) {
        const PackSignature& signature = *verified_->signature;
        widgets::paragraph(
            fill(signature.valid ? text::evidence_signed_by : text::evidence_signature_invalid,
                 signature.fingerprint));
    } else {
        widgets::muted(look, text::evidence_unsigned);
    }
    for (const Error& problem : verified_->problems)
        widgets::problem(look, problem.message());
}

}  // namespace eqkit::ui
