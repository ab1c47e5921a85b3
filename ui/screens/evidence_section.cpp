#include "screens/evidence_section.hpp"

#include <algorithm>
#include <system_error>

#include <nlohmann/json.hpp>

#include "eqkit/crosswalk.hpp"
#include "eqkit/crosswalk_suggestions.hpp"
#include "eqkit/dates.hpp"
#include "eqkit/files.hpp"
#include "eqkit/signing.hpp"
#include "text.hpp"

namespace eqkit::ui {
namespace {

// Where the browser's uploads wait in memory (not in the kept /persist folder).
const std::filesystem::path upload_folder = "/tmp/eqkit-uploads";
// Work per step of a pack job: a few reads, so a step stays well inside a frame.
constexpr std::uint64_t job_step_bytes = std::uint64_t{1} << 20;

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
    if (library_) {
        for (Suggestion& s :
             suggestions(*library_, ItemRef{std::string(framework), std::string(code)})) {
            if (s.kind == SuggestionKind::answer) context.answers.push_back(std::move(s));
        }
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

void EvidenceSection::start_add_document(std::string name, std::string bytes, std::string title,
                                         std::vector<std::string> supports) {
    start_add(EvidenceKind::file);
    form_->source = std::move(name);
    form_->details.title = std::move(title);
    form_->details.supports = std::move(supports);
    upload_bytes_ = std::move(bytes);
    selected_.clear();
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
    } else if (platform_->uses_paths() && upload_bytes_.empty()) {
        added = library_->add_file(f.source, f.details, today());
    } else {
        // An upload (or a document the app made) is written out first; the library copies it in.
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
                                        : upload_folder / pack_download_name;
    if (job_pack_.empty()) {
        problems.push_back({text::evidence_pack, "", text::evidence_pack_needs_path});
        return;
    }
    std::error_code ec;
    if (!platform_->uses_paths()) std::filesystem::create_directories(upload_folder, ec);
    exported_.reset();
    options.progress = job_.progress();
    auto task = std::make_shared<PackExportTask>(*library_, job_pack_, std::move(options));
    job_.start([this, task] {
        if (!task->step(job_step_bytes)) return false;
        exported_ = task->result();
        return true;
    });
}

void EvidenceSection::verify_pack(const std::filesystem::path& pack) {
    if (job_.running()) return;
    verified_.reset();
    job_pack_ = pack;
    auto task = std::make_shared<PackVerifyTask>(pack, PackLimits{}, job_.progress());
    job_.start([this, task] {
        if (!task->step(job_step_bytes)) return false;
        verified_ = task->result();
        return true;
    });
}

void EvidenceSection::import_pack(const std::filesystem::path& pack, ErrorList& /*problems*/) {
    if (!library_ || job_.running()) return;
    imported_.reset();
    job_pack_ = pack;
    auto task = std::make_shared<PackImportTask>(pack, *library_, PackLimits{}, job_.progress());
    job_.start([this, task] {
        if (!task->step(job_step_bytes)) return false;
        imported_ = task->result();
        return true;
    });
}

void EvidenceSection::update(ErrorList& problems) {
    job_.run_for(frame_budget_);
    collect(problems);
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
            Result<void> sent =
                bytes ? platform_->deliver(pack_download_name, "application/zip", *bytes)
                      : Result<void>(tl::unexpected(bytes.error()));
            if (!sent)
                problems.push_back(sent.error());
            else
                outcome_ = fill(text::evidence_pack_downloaded, pack_download_name);
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

}  // namespace eqkit::ui
