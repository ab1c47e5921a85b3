#include "eqkit/library_api.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "eqkit/coverage.hpp"
#include "eqkit/crosswalk_suggestions.hpp"
#include "eqkit/dates.hpp"
#include "eqkit/evidence_index.hpp"
#include "eqkit/personal_data.hpp"
#include "evidence_json.hpp"
#include "json_reader.hpp"

namespace eqkit {
namespace {

using detail::Json;
using detail::Need;
using detail::ObjectReader;

// What each field a person types is called on the faces' forms, for messages that name it.
constexpr std::array<std::pair<std::string_view, std::string_view>, 10> field_labels = {{
    {"title", "Title"},
    {"description", "Description"},
    {"effective_from", "Effective date"},
    {"effective_to", "End of the period covered"},
    {"expires", "Expiry date"},
    {"added_by", "Added by"},
    {"supports", "Items it supports"},
    {"url", "Link"},
    {"text", "Note"},
    {"path", "File"},
}};

std::string_view field_label(std::string_view field) {
    for (const auto& [name, label] : field_labels) {
        if (name == field) return label;
    }
    return {};
}

Json error_json(const Error& e) {
    // A problem with one typed field: say which, in the form's words.
    if (e.file.empty() && !field_label(e.place).empty()) {
        return {{"field", e.place},
                {"message", std::string(field_label(e.place)) + ": " + e.reason}};
    }
    return {{"message", e.message()}};
}

std::string failed(const ErrorList& errors) {
    Json list = Json::array();
    for (const Error& e : errors)
        list.push_back(error_json(e));
    return detail::dump_json({{"ok", false}, {"errors", std::move(list)}});
}

std::string failed(const Error& error) {
    return failed(ErrorList{error});
}

std::string failed(std::string message) {
    return failed(Error{"", "", std::move(message)});
}

std::string ok(Json out = Json::object()) {
    out["ok"] = true;
    return detail::dump_json(out);
}

const std::string no_workspace = "no workspace is open";

std::string today_or_now(std::string_view today) {
    return today.empty() ? today_iso() : std::string(today);
}

Json nullable(const std::string& text) {
    return text.empty() ? Json(nullptr) : Json(text);
}

std::string_view status_of(const Evidence& e, std::string_view today) {
    if (e.expired(today)) return "Expired";
    if (e.supports.empty()) return "Not attached";
    return "Current";
}

Json evidence_row(const Evidence& e, std::string_view today) {
    Json row = detail::evidence_to_json(e, nullptr);
    row["description"] = e.description;
    row["effective_to"] = nullable(e.effective_to);
    row["expires"] = nullable(e.expires);
    row["expired"] = e.expired(today);
    row["attached"] = !e.supports.empty();
    row["status"] = status_of(e, today);
    return row;
}

// The typed details of add() and edit(); problems are placed at the field's name.
Checked<EvidenceDetails> read_details(ObjectReader& obj, detail::Diagnostics& diag) {
    EvidenceDetails d;
    d.title = obj.string_or("title", "");
    d.description = obj.string_or("description", "");
    d.effective_from = obj.string_or("effective_from", "");
    d.effective_to = obj.string_or("effective_to", "");
    d.expires = obj.string_or("expires", "");
    d.added_by = obj.string_or("added_by", "");
    d.supports = obj.strings("supports", Need::optional);
    obj.finish();
    if (!diag.empty()) return tl::unexpected(diag.take());
    return d;
}

struct AddRequest {
    EvidenceKind kind = EvidenceKind::note;
    std::string content;  // the path, the URL or the note's text
    EvidenceDetails details;
};

Checked<AddRequest> read_add_request(std::string_view text) {
    Result<Json> doc = detail::parse_json(text, "request");
    if (!doc) return tl::unexpected(ErrorList{doc.error()});
    detail::Diagnostics diag("request");
    ObjectReader obj(*doc, "", diag);
    AddRequest request;
    const std::string kind = obj.string("kind", Need::required).value_or("");
    if (std::optional<EvidenceKind> k = kind_from_name(kind)) {
        request.kind = *k;
    } else if (diag.empty()) {
        obj.error("kind", "\"" + kind + "\" is not file, link or note");
    }
    const std::string_view content_key = request.kind == EvidenceKind::file   ? "path"
                                         : request.kind == EvidenceKind::link ? "url"
                                                                              : "text";
    request.content = obj.string_or(content_key, "");
    Checked<EvidenceDetails> details = read_details(obj, diag);
    if (!details) return tl::unexpected(details.error());
    if (request.content.empty() && request.kind == EvidenceKind::file) {
        return tl::unexpected(ErrorList{{"", "path", "choose a file to add"}});
    }
    request.details = std::move(*details);
    return request;
}

Json signature_json(const std::optional<PackSignature>& signature) {
    if (!signature) return nullptr;
    return {{"fingerprint", signature->fingerprint}, {"valid", signature->valid}};
}

std::string signature_message(const std::optional<PackSignature>& signature) {
    if (!signature) {
        return "Not signed: the files match the manifest, but anyone could have rewritten both.";
    }
    if (!signature->valid) {
        return "The signature by key " + signature->fingerprint + " does NOT match.";
    }
    return "Signed by key " + signature->fingerprint +
           ": the signature matches. Ask the provider to confirm this fingerprint.";
}

std::string count_of(std::uint64_t n, std::string_view noun) {
    return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

// Problems name the pack by its file name, as the person chose it, not the path it was put at.
Error named_by_file(Error e, const std::filesystem::path& pack) {
    if (e.file == pack.generic_string()) e.file = pack.filename().generic_string();
    return e;
}

}  // namespace

LibraryApi::LibraryApi(const Registry& registry, std::string tool_version)
    : registry_(&registry), tool_version_(std::move(tool_version)) {}

std::string LibraryApi::open(const std::filesystem::path& dir) {
    std::error_code ec;
    const bool exists = std::filesystem::exists(dir / workspace_index_name, ec);
    workspace_.reset();
    if (exists) {
        Checked<WorkspaceFolder> opened = WorkspaceFolder::open(dir, *registry_);
        if (!opened) return failed(opened.error());
        workspace_.emplace(std::move(*opened));
    } else {
        Result<WorkspaceFolder> made = WorkspaceFolder::create(dir, *registry_);
        if (!made) return failed(made.error());
        workspace_.emplace(std::move(*made));
    }
    Json assessments = Json::array();
    for (const StoredAssessment& a : workspace_->assessments()) {
        assessments.push_back({{"id", a.entry.id},
                               {"framework", a.entry.framework},
                               {"version", a.entry.version},
                               {"title", a.assessment.title}});
    }
    return ok({{"created", !exists},
               {"assessments", std::move(assessments)},
               {"evidence", workspace_->evidence().size()}});
}

std::string LibraryApi::list(std::string_view filter, std::string_view today) const {
    if (!workspace_) return failed(no_workspace);
    if (filter != "all" && filter != "expired" && filter != "unattached") {
        return failed("\"" + std::string(filter) + "\" is not a filter (all, expired, unattached)");
    }
    const std::string day = today_or_now(today);
    Json rows = Json::array();
    std::size_t expired = 0;
    std::size_t unattached = 0;
    for (const Evidence& e : workspace_->evidence()) {
        if (e.expired(day)) ++expired;
        if (e.supports.empty()) ++unattached;
        if ((filter == "expired" && !e.expired(day)) ||
            (filter == "unattached" && !e.supports.empty())) {
            continue;
        }
        rows.push_back(evidence_row(e, day));
    }
    return ok({{"today", day},
               {"filter", filter},
               {"evidence", std::move(rows)},
               {"counts",
                {{"all", workspace_->evidence().size()},
                 {"expired", expired},
                 {"unattached", unattached}}}});
}

std::string LibraryApi::get(std::string_view evidence_id, std::string_view today) const {
    if (!workspace_) return failed(no_workspace);
    const Evidence* e = workspace_->find_evidence(evidence_id);
    if (e == nullptr)
        return failed("there is no evidence with id \"" + std::string(evidence_id) + "\"");
    return ok({{"evidence", evidence_row(*e, today_or_now(today))}});
}

std::string LibraryApi::add(std::string_view request_json, std::string_view today) {
    if (!workspace_) return failed(no_workspace);
    Checked<AddRequest> request = read_add_request(request_json);
    if (!request) return failed(request.error());
    const std::string day = today_or_now(today);
    Checked<std::string> id =
        request->kind == EvidenceKind::file
            ? workspace_->add_file(request->content, std::move(request->details), day)
        : request->kind == EvidenceKind::link
            ? workspace_->add_link(std::move(request->content), std::move(request->details), day)
            : workspace_->add_note(std::move(request->content), std::move(request->details), day);
    if (!id) return failed(id.error());
    return ok({{"id", *id}});
}

std::string LibraryApi::edit(std::string_view evidence_id, std::string_view details_json) {
    if (!workspace_) return failed(no_workspace);
    Result<Json> doc = detail::parse_json(details_json, "details");
    if (!doc) return failed(doc.error());
    detail::Diagnostics diag("details");
    ObjectReader obj(*doc, "", diag);
    Checked<EvidenceDetails> details = read_details(obj, diag);
    if (!details) return failed(details.error());
    if (Checked<void> edited = workspace_->edit_evidence(evidence_id, std::move(*details));
        !edited) {
        return failed(edited.error());
    }
    return ok({{"id", evidence_id}});
}

std::string LibraryApi::attach(std::string_view evidence_id, std::string_view item_ref) {
    if (!workspace_) return failed(no_workspace);
    if (Result<void> done = workspace_->attach(evidence_id, item_ref); !done) {
        return failed(done.error());
    }
    return ok();
}

std::string LibraryApi::detach(std::string_view evidence_id, std::string_view item_ref) {
    if (!workspace_) return failed(no_workspace);
    if (Result<void> done = workspace_->detach(evidence_id, item_ref); !done) {
        return failed(done.error());
    }
    return ok();
}

std::string LibraryApi::items(std::string_view today) const {
    if (!workspace_) return failed(no_workspace);
    const std::string day = today_or_now(today);
    Json list = Json::array();
    for (const ItemEvidence& item : evidence_by_item(*workspace_, day)) {
        Json ids = Json::array();
        Json expired = Json::array();
        for (const Evidence* e : item.evidence) {
            ids.push_back(e->id);
            if (e->expired(day)) expired.push_back(e->id);
        }
        list.push_back({{"ref", item.ref()},
                        {"framework", item.framework->id},
                        {"group", item.group->code},
                        {"item", item.item->code},
                        {"title", item.item->title},
                        {"evidence", std::move(ids)},
                        {"expired", std::move(expired)},
                        {"missing", item.missing()},
                        {"only_expired", item.only_expired()}});
    }
    return ok({{"today", day}, {"items", std::move(list)}});
}

std::string LibraryApi::item(std::string_view item_ref, std::string_view today) const {
    if (!workspace_) return failed(no_workspace);
    Result<ItemRef> ref = check_item_ref(item_ref, *registry_);
    if (!ref) return failed(ref.error());
    const std::string day = today_or_now(today);
    ItemEvidence found;
    Json rows = Json::array();
    for (const Evidence& e : workspace_->evidence()) {
        if (!e.supports_item(item_ref)) continue;
        found.evidence.push_back(&e);
        if (e.expired(day)) ++found.expired;
        rows.push_back(evidence_row(e, day));
    }
    return ok({{"ref", item_ref},
               {"missing", found.missing()},
               {"only_expired", found.only_expired()},
               {"evidence", std::move(rows)}});
}

std::string LibraryApi::suggestions(std::string_view item_ref) const {
    if (!workspace_) return failed(no_workspace);
    Result<ItemRef> ref = check_item_ref(item_ref, *registry_);
    if (!ref) return failed(ref.error());
    return ok(
        Json::parse(suggestions_json(*ref, eqkit::suggestions(*workspace_, *ref)), nullptr, false));
}

std::string LibraryApi::coverage(std::string_view framework_id) const {
    if (!workspace_) return failed(no_workspace);
    Result<Coverage> c = eqkit::coverage(*workspace_, framework_id);
    if (!c) return failed(c.error());
    return ok(Json::parse(coverage_json(*c), nullptr, false));
}

std::string LibraryApi::store_assessment(std::string_view assessment_json) {
    if (!workspace_) return failed(no_workspace);
    Checked<Assessment> assessment = parse_assessment(assessment_json, "assessment", *registry_);
    if (!assessment) return failed(assessment.error());
    // Kept under its framework's id, with '_' made '-' as assessment ids require ("cqc-saf").
    std::string id = assessment->framework_id;
    std::replace(id.begin(), id.end(), '_', '-');
    const bool replaced = workspace_->find_assessment(id) != nullptr;
    if (!replaced) {
        const Framework* fw = registry_->find(assessment->framework_id);
        if (fw == nullptr) {
            return failed("framework \"" + assessment->framework_id + "\" is not loaded");
        }
        if (Result<std::string> added = workspace_->add_assessment(*fw, assessment->title, id);
            !added) {
            return failed(added.error());
        }
    }
    if (Result<void> saved = workspace_->save_assessment(id, std::move(*assessment)); !saved) {
        return failed(saved.error());
    }
    return ok({{"id", id}, {"replaced", replaced}});
}

std::string LibraryApi::personal_data() const {
    if (!workspace_) return failed(no_workspace);
    Result<std::vector<PersonalDataFinding>> findings =
        scan_workspace_for_personal_data(*workspace_);
    if (!findings) return failed(findings.error());
    Json list = Json::array();
    for (const PersonalDataFinding& f : *findings)
        list.push_back({{"where", f.where}, {"what", f.what}});
    const std::string message =
        findings->empty()
            ? "Nothing that looks like personal data was found."
            : "The pack may hold personal data (" + count_of(findings->size(), "finding") +
                  "). Check each place listed; remove what should not leave your organisation, "
                  "or export it anyway.";
    return ok({{"findings", std::move(list)}, {"message", message}});
}

std::string LibraryApi::export_pack(const std::filesystem::path& out,
                                    const PackProgress& progress) const {
    if (!workspace_) return failed(no_workspace);
    ExportOptions options;
    options.tool_version = tool_version_;
    options.progress = progress;
    Result<ExportSummary> summary = eqkit::export_pack(*workspace_, out, options);
    if (!summary) return failed(summary.error());
    const std::string message = "The pack holds " + count_of(summary->assessments, "assessment") +
                                ", " + count_of(summary->evidence_files, "evidence file") +
                                " and " + count_of(summary->links_and_notes, "link or note") +
                                " (" + std::to_string(summary->bytes) + " bytes).";
    return ok({{"assessments", summary->assessments},
               {"evidence_files", summary->evidence_files},
               {"links_and_notes", summary->links_and_notes},
               {"bytes", summary->bytes},
               {"message", message}});
}

std::string LibraryApi::verify_pack(const std::filesystem::path& pack,
                                    const PackProgress& progress) {
    const VerifyResult result = eqkit::verify_pack(pack, PackLimits{}, progress);
    Json problems = Json::array();
    for (const Error& problem : result.problems) {
        const Error e = named_by_file(problem, pack);
        problems.push_back(
            {{"file", e.file}, {"place", e.place}, {"reason", e.reason}, {"message", e.message()}});
    }
    const std::string name = pack.filename().generic_string();
    const std::string message =
        result.intact()
            ? name + " is intact: " + count_of(result.files_checked, "file") +
                  " match manifest.json, and nothing is missing or extra."
            : name + " is NOT intact: " + count_of(result.problems.size(), "problem") + ".";
    return ok({{"intact", result.intact()},
               {"problems", std::move(problems)},
               {"files_checked", result.files_checked},
               {"bytes_checked", result.bytes_checked},
               {"signature", signature_json(result.signature)},
               {"signature_message",
                result.manifest ? Json(signature_message(result.signature)) : Json(nullptr)},
               {"message", message}});
}

std::string LibraryApi::import_pack(const std::filesystem::path& pack,
                                    const PackProgress& progress) {
    if (!workspace_) return failed(no_workspace);
    Checked<ImportSummary> summary = eqkit::import_pack(pack, *workspace_, PackLimits{}, progress);
    if (!summary) {
        ErrorList errors;
        for (const Error& e : summary.error())
            errors.push_back(named_by_file(e, pack));
        return failed(errors);
    }
    Json renamed = Json::array();
    for (const auto& [from, to] : summary->renamed)
        renamed.push_back({{"from", from}, {"to", to}});
    const std::string message = "Added " +
                                count_of(summary->added_assessments.size(), "assessment") +
                                " and " + count_of(summary->added_evidence.size(), "piece") +
                                " of evidence; " + std::to_string(summary->already_present.size()) +
                                " were already in your workspace, so were not added again.";
    return ok({{"added_assessments", summary->added_assessments},
               {"added_evidence", summary->added_evidence},
               {"added_actions", summary->added_actions},
               {"renamed", std::move(renamed)},
               {"already_present", summary->already_present},
               {"notes", summary->notes},
               {"signature", signature_json(summary->signature)},
               {"message", message}});
}

}  // namespace eqkit
