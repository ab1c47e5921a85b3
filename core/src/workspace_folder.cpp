#include "eqkit/workspace_folder.hpp"

#include <algorithm>
#include <system_error>

#include "eqkit/files.hpp"
#include "eqkit/text.hpp"
#include "evidence_json.hpp"
#include "evidence_store.hpp"
#include "json_reader.hpp"
#include "media_types.hpp"

namespace eqkit {
namespace {

using detail::Diagnostics;
using detail::Json;
using detail::Need;
using detail::ObjectReader;

std::string assessment_file_for(std::string_view id) {
    return "assessments/" + std::string(id) + ".json";
}

std::string index_text(const std::vector<StoredAssessment>& assessments,
                       const std::vector<Evidence>& evidence) {
    Json out = Json::object();
    out["format"] = workspace_format;
    Json list = Json::array();
    for (const StoredAssessment& a : assessments) {
        list.push_back({{"id", a.entry.id},
                        {"file", a.entry.file},
                        {"framework", a.entry.framework},
                        {"version", a.entry.version}});
    }
    out["assessments"] = std::move(list);
    Json items = Json::array();
    for (const Evidence& e : evidence)
        items.push_back(detail::evidence_to_json(e, nullptr));
    out["evidence"] = std::move(items);
    return detail::dump_json(out);
}

// File names from other systems may not be UTF-8; keep them readable rather than refuse them.
std::string readable_name(const std::filesystem::path& source) {
    std::string name = source.filename().string();
    if (!is_valid_utf8(name)) {
        for (char& c : name) {
            if (static_cast<unsigned char>(c) >= 0x80) c = '_';
        }
    }
    return name;
}

// Problems from check_evidence for one new piece of evidence: placed at the field's name.
ErrorList field_errors(const Evidence& evidence) {
    ErrorList errors = check_evidence(evidence, "", "");
    for (Error& e : errors) {
        if (e.place.starts_with("/")) e.place.erase(0, 1);
    }
    return errors;
}

void read_assessment_entries(ObjectReader& root, const std::filesystem::path& dir,
                             const Registry& registry, std::vector<StoredAssessment>& out,
                             ErrorList& file_errors) {
    for (ObjectReader& obj : root.objects("assessments", Need::required)) {
        AssessmentEntry entry;
        entry.id = obj.string("id", Need::required).value_or("");
        entry.file = obj.string("file", Need::required).value_or("");
        entry.framework = obj.string("framework", Need::required).value_or("");
        entry.version = obj.string("version", Need::required).value_or("");
        obj.finish();
        if (entry.id.empty() || entry.file.empty()) continue;
        if (!is_valid_id(entry.id)) {
            obj.error("id", "\"" + entry.id +
                                "\" is not an id (lower-case letters, digits and '-', at most 64)");
            continue;
        }
        // Only the expected name: workspace.json can never point outside the folder.
        if (entry.file != assessment_file_for(entry.id)) {
            obj.error("file", "expected \"" + assessment_file_for(entry.id) + "\"");
            continue;
        }
        if (std::any_of(out.begin(), out.end(),
                        [&](const StoredAssessment& a) { return a.entry.id == entry.id; })) {
            obj.error("id", "id \"" + entry.id + "\" is used twice");
            continue;
        }
        Checked<Assessment> loaded = load_assessment(dir / entry.file, registry);
        if (!loaded) {
            file_errors.insert(file_errors.end(), loaded.error().begin(), loaded.error().end());
            continue;
        }
        if (loaded->framework_id != entry.framework || loaded->framework_version != entry.version) {
            obj.error_here("the index says " + entry.framework + " version \"" + entry.version +
                           "\" but " + entry.file + " is " + loaded->framework_id + " version \"" +
                           loaded->framework_version + "\"");
            continue;
        }
        out.push_back({std::move(entry), std::move(*loaded)});
    }
}

void read_evidence_entries(ObjectReader& root, const Registry& registry, Diagnostics& diag,
                           std::vector<Evidence>& out) {
    for (ObjectReader& obj : root.objects("evidence", Need::required)) {
        std::optional<Evidence> e = detail::read_evidence(obj, diag, nullptr);
        if (!e) continue;
        if (std::any_of(out.begin(), out.end(), [&](const Evidence& x) { return x.id == e->id; })) {
            obj.error("id", "id \"" + e->id + "\" is used twice");
            continue;
        }
        for (std::size_t i = 0; i < e->supports.size(); ++i) {
            if (Result<ItemRef> ref = check_item_ref(e->supports[i], registry); !ref) {
                diag.add(obj.pointer() + "/supports/" + std::to_string(i), ref.error().reason);
            }
        }
        out.push_back(std::move(*e));
    }
}

}  // namespace

Result<WorkspaceFolder> WorkspaceFolder::create(const std::filesystem::path& dir,
                                                const Registry& registry) {
    const std::string name = dir.generic_string();
    std::error_code ec;
    if (std::filesystem::exists(dir, ec)) {
        if (!std::filesystem::is_directory(dir, ec)) {
            return fail(name, "", "this is a file, not a folder");
        }
        if (std::filesystem::exists(dir / workspace_index_name, ec)) {
            return fail(name, "", "there is already a workspace in this folder");
        }
        if (!std::filesystem::is_empty(dir, ec)) {
            return fail(name, "", "the folder is not empty; choose a new or empty folder");
        }
    }
    WorkspaceFolder folder(dir, registry);
    std::filesystem::create_directories(dir / "assessments", ec);
    if (!ec) std::filesystem::create_directories(folder.blob_folder(), ec);
    if (ec) return fail(name, "", "cannot create the folder (" + ec.message() + ")");
    if (Result<void> made = create_file_atomically(folder.index_path(), index_text({}, {}));
        !made) {
        return tl::unexpected(made.error());
    }
    return folder;
}

Checked<WorkspaceFolder> WorkspaceFolder::open(const std::filesystem::path& dir,
                                               const Registry& registry) {
    WorkspaceFolder folder(dir, registry);
    const std::string label = folder.index_path().generic_string();
    std::error_code ec;
    if (!std::filesystem::exists(folder.index_path(), ec)) {
        return tl::unexpected(
            ErrorList{{dir.generic_string(), "",
                       "there is no workspace in this folder (no workspace.json)"}});
    }
    Result<std::string> text = read_text_file(folder.index_path());
    if (!text) return tl::unexpected(ErrorList{text.error()});
    Result<Json> doc = detail::parse_json(*text, label);
    if (!doc) return tl::unexpected(ErrorList{doc.error()});
    Diagnostics diag(label);
    ErrorList file_errors;
    ObjectReader root(*doc, "", diag);
    if (root.is_object()) {
        root.expect_format(workspace_format, "workspace");
        read_assessment_entries(root, dir, registry, folder.assessments_, file_errors);
        read_evidence_entries(root, registry, diag, folder.evidence_);
        root.finish();
    }
    ErrorList errors = diag.take();
    errors.insert(errors.end(), file_errors.begin(), file_errors.end());
    if (!errors.empty()) return tl::unexpected(std::move(errors));
    return folder;
}

const StoredAssessment* WorkspaceFolder::find_assessment(std::string_view id) const {
    for (const StoredAssessment& a : assessments_) {
        if (a.entry.id == id) return &a;
    }
    return nullptr;
}

const Evidence* WorkspaceFolder::find_evidence(std::string_view id) const {
    for (const Evidence& e : evidence_) {
        if (e.id == id) return &e;
    }
    return nullptr;
}

std::filesystem::path WorkspaceFolder::index_path() const {
    return dir_ / workspace_index_name;
}

std::filesystem::path WorkspaceFolder::blob_folder() const {
    return dir_ / "evidence" / "sha256";
}

std::filesystem::path WorkspaceFolder::blob_path(std::string_view sha256) const {
    return blob_folder() / std::string(sha256);
}

std::filesystem::path WorkspaceFolder::assessment_path(const AssessmentEntry& entry) const {
    return dir_ / entry.file;
}

std::string WorkspaceFolder::label(std::string_view relative) const {
    return (dir_ / std::string(relative)).generic_string();
}

std::string WorkspaceFolder::free_assessment_id(std::string_view wanted) const {
    std::string base(wanted);
    std::replace(base.begin(), base.end(), '_', '-');  // framework ids may hold '_' ("eira_nhs")
    std::string id = base;
    for (int n = 2; find_assessment(id) != nullptr; ++n)
        id = base + "-" + std::to_string(n);
    return id;
}

Result<std::string> WorkspaceFolder::add_assessment(const Framework& framework, std::string title,
                                                    std::string id) {
    if (id.empty()) id = free_assessment_id(framework.id);
    if (!is_valid_id(id)) {
        return fail("", "id",
                    "\"" + id + "\" is not an id (lower-case letters, digits and '-', at most 64)");
    }
    if (find_assessment(id) != nullptr) {
        return fail(label(workspace_index_name), "",
                    "there is already an assessment with id \"" + id + "\"");
    }
    if (Result<void> ok = check_title(title); !ok) return tl::unexpected(ok.error());
    Assessment assessment = new_assessment(framework);
    assessment.title = std::move(title);
    StoredAssessment stored{{id, assessment_file_for(id), framework.id, framework.version},
                            std::move(assessment)};
    WorkspaceAdditions additions;
    additions.assessments.push_back(std::move(stored));
    if (Result<void> ok = merge(std::move(additions)); !ok) return tl::unexpected(ok.error());
    return id;
}

Result<void> WorkspaceFolder::save_assessment(std::string_view id, Assessment assessment) {
    const auto it = std::find_if(assessments_.begin(), assessments_.end(),
                                 [&](const StoredAssessment& a) { return a.entry.id == id; });
    if (it == assessments_.end()) {
        return fail(label(workspace_index_name), "",
                    "there is no assessment with id \"" + std::string(id) + "\"");
    }
    const Framework* fw = registry_->find(it->entry.framework);
    if (fw == nullptr || assessment.framework_id != it->entry.framework ||
        assessment.framework_version != it->entry.version) {
        return fail(label(it->entry.file), "", "this assessment is for a different framework");
    }
    if (Result<void> saved =
            save_atomically(assessment_path(it->entry), assessment_to_json(*fw, assessment));
        !saved) {
        return saved;
    }
    it->assessment = std::move(assessment);
    return {};
}

Checked<Evidence> WorkspaceFolder::prepare(Evidence e, EvidenceDetails details,
                                           std::string_view today) const {
    e.id = next_evidence_id(evidence_);
    e.title = std::move(details.title);
    e.description = std::move(details.description);
    e.effective_from =
        details.effective_from.empty() ? std::string(today) : std::move(details.effective_from);
    e.effective_to = std::move(details.effective_to);
    e.expires = std::move(details.expires);
    e.added_by = std::move(details.added_by);
    e.added_on = std::string(today);
    e.supports = std::move(details.supports);
    normalise_supports(e.supports);
    ErrorList errors;
    for (Error& error : field_errors(e)) {
        // Items are checked against the registry below, which covers their shape too.
        if (!error.place.starts_with("supports/")) errors.push_back(std::move(error));
    }
    for (const std::string& ref : e.supports) {
        if (Result<ItemRef> ok = check_item_ref(ref, *registry_); !ok) {
            errors.push_back({"", "supports", ok.error().reason});
        }
    }
    if (!errors.empty()) return tl::unexpected(std::move(errors));
    return e;
}

Checked<std::string> WorkspaceFolder::add_prepared(Evidence evidence) {
    std::vector<Evidence> next = evidence_;
    const std::string id = evidence.id;
    next.push_back(std::move(evidence));
    if (Result<void> ok = commit(assessments_, std::move(next)); !ok) {
        return tl::unexpected(ErrorList{ok.error()});
    }
    return id;
}

Checked<std::string> WorkspaceFolder::add_file(const std::filesystem::path& source,
                                               EvidenceDetails details, std::string_view today) {
    Evidence e;
    e.kind = EvidenceKind::file;
    e.original_name = readable_name(source);
    e.media_type = detail::media_type_for(e.original_name);
    e.sha256 = std::string(64, '0');  // a placeholder while the details are checked
    Checked<Evidence> ready = prepare(std::move(e), std::move(details), today);
    if (!ready) return tl::unexpected(ready.error());
    // The details are fine: only now copy the (possibly large) file in.
    Result<detail::StoredFile> stored =
        detail::store_file(blob_folder(), source, source.generic_string());
    if (!stored) return tl::unexpected(ErrorList{stored.error()});
    ready->sha256 = stored->digest.sha256;
    ready->size = stored->digest.size;
    ready->crc32 = stored->crc32;
    return add_prepared(std::move(*ready));
}

Checked<std::string> WorkspaceFolder::add_link(std::string url, EvidenceDetails details,
                                               std::string_view today) {
    Evidence e;
    e.kind = EvidenceKind::link;
    e.url = std::move(url);
    Checked<Evidence> ready = prepare(std::move(e), std::move(details), today);
    if (!ready) return tl::unexpected(ready.error());
    return add_prepared(std::move(*ready));
}

Checked<std::string> WorkspaceFolder::add_note(std::string text, EvidenceDetails details,
                                               std::string_view today) {
    Evidence e;
    e.kind = EvidenceKind::note;
    e.text = std::move(text);
    Checked<Evidence> ready = prepare(std::move(e), std::move(details), today);
    if (!ready) return tl::unexpected(ready.error());
    return add_prepared(std::move(*ready));
}

Checked<void> WorkspaceFolder::edit_evidence(std::string_view evidence_id,
                                             EvidenceDetails details) {
    const Evidence* found = find_evidence(evidence_id);
    if (found == nullptr) {
        return tl::unexpected(
            ErrorList{{label(workspace_index_name), "",
                       "there is no evidence with id \"" + std::string(evidence_id) + "\""}});
    }
    if (details.effective_from.empty()) details.effective_from = found->effective_from;
    Checked<Evidence> ready = prepare(*found, std::move(details), found->added_on);
    if (!ready) return tl::unexpected(ready.error());
    ready->id = found->id;  // prepare() picks a new id; this is the same evidence
    std::vector<Evidence> next = evidence_;
    next[static_cast<std::size_t>(found - evidence_.data())] = std::move(*ready);
    if (Result<void> ok = commit(assessments_, std::move(next)); !ok) {
        return tl::unexpected(ErrorList{ok.error()});
    }
    return {};
}

Result<void> WorkspaceFolder::attach(std::string_view evidence_id, std::string_view item_ref) {
    const Evidence* found = find_evidence(evidence_id);
    if (found == nullptr) {
        return fail(label(workspace_index_name), "",
                    "there is no evidence with id \"" + std::string(evidence_id) + "\"");
    }
    if (Result<ItemRef> ok = check_item_ref(item_ref, *registry_); !ok) {
        return tl::unexpected(ok.error());
    }
    if (found->supports_item(item_ref)) return {};
    std::vector<Evidence> next = evidence_;
    Evidence& e = next[static_cast<std::size_t>(found - evidence_.data())];
    e.supports.emplace_back(item_ref);
    normalise_supports(e.supports);
    return commit(assessments_, std::move(next));
}

Result<void> WorkspaceFolder::detach(std::string_view evidence_id, std::string_view item_ref) {
    const Evidence* found = find_evidence(evidence_id);
    if (found == nullptr) {
        return fail(label(workspace_index_name), "",
                    "there is no evidence with id \"" + std::string(evidence_id) + "\"");
    }
    if (!found->supports_item(item_ref)) {
        return fail(label(workspace_index_name), "",
                    "evidence " + std::string(evidence_id) + " is not attached to " +
                        std::string(item_ref));
    }
    std::vector<Evidence> next = evidence_;
    std::vector<std::string>& supports =
        next[static_cast<std::size_t>(found - evidence_.data())].supports;
    supports.erase(std::find(supports.begin(), supports.end(), item_ref));
    return commit(assessments_, std::move(next));
}

Result<void> WorkspaceFolder::merge(WorkspaceAdditions additions) {
    std::vector<StoredAssessment> assessments = assessments_;
    for (StoredAssessment& a : additions.assessments) {
        if (std::any_of(assessments.begin(), assessments.end(),
                        [&](const StoredAssessment& x) { return x.entry.id == a.entry.id; })) {
            return fail(label(workspace_index_name), "",
                        "there is already an assessment with id \"" + a.entry.id + "\"");
        }
        const Framework* fw = registry_->find(a.entry.framework);
        if (fw == nullptr) {
            return fail(label(a.entry.file), "",
                        "framework \"" + a.entry.framework + "\" is not loaded");
        }
        // The assessment files first: workspace.json must never name a file not yet written.
        if (Result<void> saved =
                save_atomically(assessment_path(a.entry), assessment_to_json(*fw, a.assessment));
            !saved) {
            return saved;
        }
        assessments.push_back(std::move(a));
    }
    std::vector<Evidence> evidence = evidence_;
    for (Evidence& e : additions.evidence) {
        if (std::any_of(evidence.begin(), evidence.end(),
                        [&](const Evidence& x) { return x.id == e.id; })) {
            return fail(label(workspace_index_name), "",
                        "there is already evidence with id \"" + e.id + "\"");
        }
        evidence.push_back(std::move(e));
    }
    return commit(std::move(assessments), std::move(evidence));
}

Result<void> WorkspaceFolder::commit(std::vector<StoredAssessment> assessments,
                                     std::vector<Evidence> evidence) {
    if (Result<void> saved = save_atomically(index_path(), index_text(assessments, evidence));
        !saved) {
        return saved;
    }
    assessments_ = std::move(assessments);
    evidence_ = std::move(evidence);
    return {};
}

}  // namespace eqkit
